export const SERVER_NAME = "workapis";

/** The package version, written in by the build (tsup.config.ts); sources run unbuilt say `dev`. */
declare const __WORKAPIS_MCP_VERSION__: string | undefined;
export const SERVER_VERSION: string =
  typeof __WORKAPIS_MCP_VERSION__ === "string" ? __WORKAPIS_MCP_VERSION__ : "0.0.0-dev";
