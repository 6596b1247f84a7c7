import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.base.ts";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  version: string;
};
/** The version the server reports to MCP clients is the package's own. */
const define = { __WORKAPIS_MCP_VERSION__: JSON.stringify(version) };

export default defineConfig([
  // `clean` is off in both builds, which run side by side: the build script empties dist/ first.
  { ...packageBuild({ index: "src/index.ts" }), clean: false, define },
  // The bin: ES module only, for Node, with its shebang.
  {
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    dts: false,
    clean: false,
    sourcemap: true,
    target: "es2022",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
    treeshake: false,
    define,
  },
]);
