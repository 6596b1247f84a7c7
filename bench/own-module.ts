import type createClient from "openapi-fetch";

/**
 * openapi-fetch's `createClient` from a module instance of the caller's own. In an app, only one
 * client's calls run through openapi-fetch's code; in a benchmark process the variants would share
 * that code, and V8's inline caches in it would learn every variant's init shapes at once (ours
 * passes more keys), slowing them all by an amount that depends on the mix. The same file imported
 * under its own URL (a query string) is a separate module: its own functions, its own type feedback.
 */
export async function ownOpenapiFetch(instance: string): Promise<typeof createClient> {
  const url = `${import.meta.resolve("openapi-fetch")}?instance=${encodeURIComponent(instance)}`;
  const module = (await import(url)) as { default: typeof createClient };
  return module.default;
}
