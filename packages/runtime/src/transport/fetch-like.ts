/**
 * What a fetch gets with each attempt: the attempt's signal (aborted on timeout or by the caller).
 * `signal` is a getter that makes the signal when first read, so pass `init` on as it is or read
 * `init.signal` by name: `{ ...init }` does not copy it.
 */
export interface FetchInit {
  readonly signal: AbortSignal;
}

/**
 * The fetch a client sends through: `globalThis.fetch` fits, and so does any function of a Request.
 * A custom fetch should hand `init.signal` on (`globalThis.fetch(request, init)`) so that a timed-out
 * or aborted attempt is cancelled, not only abandoned.
 */
export type FetchLike = (request: Request, init: FetchInit) => Promise<Response>;

/** `globalThis.fetch`, looked up at call time (a test may replace it), with the attempt's signal. */
export const defaultFetch: FetchLike = (request, init) => globalThis.fetch(request, init);
