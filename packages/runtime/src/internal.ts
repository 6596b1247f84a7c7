/**
 * `@workapis/runtime/internal`: what the other @workapis packages (the mock engine, the MCP server)
 * share with the runtime. Not part of the public API: no semver promise, and not re-exported by the
 * vendor packages.
 */

export { type Scrub, scrubberFor, scrubValue } from "./secrets/scrub.ts";
export { decodeToken, readPointer, tokensOf } from "./util/json-pointer.ts";
