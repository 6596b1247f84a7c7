/**
 * The fetch a client sends through: openapi-fetch's `fetch` option, called with one WHATWG
 * `Request` per request sent (each retry and each redirect hop its own). `globalThis.fetch` fits.
 * The request's `signal` is aborted when the call times out or the caller aborts: a custom fetch
 * should pass the request (or its signal) on, so that the request is cancelled, not only abandoned.
 * The client follows redirects itself, so requests come with `redirect: "manual"`.
 */
export type FetchLike = (request: Request) => Promise<Response>;

/** `globalThis.fetch`, looked up at call time (a test may replace it). */
export const defaultFetch: FetchLike = (request) => globalThis.fetch(request);
