import type { ToolAnswer } from "./answers.ts";

/** Hints a client may show or act on (MCP tool annotations). */
export interface ToolHints {
  readonly readOnlyHint?: boolean;
  readonly destructiveHint?: boolean;
  readonly idempotentHint?: boolean;
  readonly openWorldHint?: boolean;
}

/** A tool as the server lists it, with what runs when it is called (arguments already checked). */
export interface ToolDefinition {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly inputSchema: { readonly type: "object" } & Readonly<Record<string, unknown>>;
  readonly annotations: ToolHints;
  /** `run` checks the arguments against `inputSchema` itself (and says so in its own words). */
  readonly checksArguments?: boolean;
  run(args: unknown): Promise<ToolAnswer>;
}
