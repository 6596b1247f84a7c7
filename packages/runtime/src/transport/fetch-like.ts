/**
 * What a fetch gets with each attempt, besides the URL: the request's method, headers, body and the
 * rest of its init, and the attempt's signal (aborted on timeout or by the caller). The signal is a
 * getter made when first read: pass `init` on as it is or read `init.signal` by name, since
 * `{ ...init }` copies everything but it.
 */
export interface FetchInit extends RequestInit {
  readonly method: string;
  readonly headers: Headers;
  readonly signal: AbortSignal;
}

/**
 * The fetch a client sends through, called as `fetch(url, init)` as Stainless SDKs call theirs:
 * `globalThis.fetch` fits, and so does any function of the same shape (`new Request(url, init)` makes
 * the Request, if one is wanted). A custom fetch should hand `init.signal` on so that a timed-out or
 * aborted attempt is cancelled, not only abandoned.
 */
export type FetchLike = (url: string, init: FetchInit) => Promise<Response>;

/** `globalThis.fetch`, looked up at call time (a test may replace it). */
export const defaultFetch: FetchLike = (url, init) => globalThis.fetch(url, init);
