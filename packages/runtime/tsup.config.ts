import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.base.ts";

const build = packageBuild({
  index: "src/index.ts",
  internal: "src/internal.ts",
  validation: "src/validation.ts",
  probe: "src/probe.ts",
});

/**
 * Two ES module builds of the client. A bundler gets `dist/index.js`, in which what only some calls
 * need (paging, following a redirect, reading an error response, `Retry-After`) is a chunk of its own
 * behind an `import()`, so an application's bundle can leave it out of what loads with the page.
 *
 * Node gets `dist/node/index.js` (the `node` export condition), built without chunks: there each
 * `import()` of that code is part of the file and settles as a promise does, with no file to read in
 * the middle of a call. A test suite with fake timers relies on that: between a response and the
 * timer the client sets next (a retry's backoff, a rate-limit wait) nothing may wait on anything a
 * fake clock does not move. The CommonJS build has no chunks either.
 */
export default defineConfig([
  // The node build cleans its own folder.
  { ...build, clean: ["!node/**"] },
  {
    ...build,
    entry: { index: "src/index.ts" },
    format: ["esm"],
    outDir: "dist/node",
    splitting: false,
    dts: false,
  },
]);
