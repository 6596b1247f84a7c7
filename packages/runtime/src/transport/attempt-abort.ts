import type { FetchLike } from "./fetch-like.ts";

/**
 * One attempt with its own abort signal: aborted by the attempt's timeout or by the caller's signal.
 *
 * The signal goes to fetch as `init.signal`, not into the Request: undici's fetch builds its own
 * Request from input and init anyway, so a signal given there is linked once (a listener, a WeakRef
 * and a finalizer), while one built into the input Request is linked again by that copy; on Node 20
 * a Request built with a signal costs about half again a stubbed call. The signal is made when
 * first read, so a fetch that never reads it does not pay for it.
 */
export interface AttemptAbort {
  readonly signal: AbortSignal;
  /** Whether the timeout (not the caller) aborted the attempt. */
  readonly timedOut: boolean;
  /**
   * Sends `request` and settles with the response headers, or rejects with the abort reason as soon
   * as the timeout passes or the caller aborts, even when `fetch` ignores its signal (a response
   * that arrives after that is cancelled). A caller signal aborted already sends nothing. The timer
   * and the caller link end when it settles: they cover the attempt until the headers arrive (as
   * in Stainless SDKs), not the reading of the body.
   */
  send(fetch: FetchLike, request: Request, timeoutMs: number): Promise<Response>;
}

export function attemptAbort(caller: AbortSignal | undefined): AttemptAbort {
  // Made on first read: an AbortController costs a fifth of a stubbed call on Node 20, and a fetch
  // that never reads its signal (a stub, an in-process mock) still times out through the race below.
  let controller: AbortController | undefined;
  let stopped: { reason: unknown } | undefined;
  const signal = (): AbortSignal => {
    if (!controller) {
      controller = new AbortController();
      if (stopped) controller.abort(stopped.reason);
    }
    return controller.signal;
  };
  const init = {
    get signal() {
      return signal();
    },
  };
  const abort = {
    get signal() {
      return signal();
    },
    timedOut: false,
    send(fetch: FetchLike, request: Request, timeoutMs: number): Promise<Response> {
      return new Promise<Response>((resolve, reject) => {
        let settled = false;
        const finish = () => {
          settled = true;
          clearTimeout(timer);
          caller?.removeEventListener("abort", onCallerAbort);
        };
        const stop = (reason: unknown) => {
          if (settled) return;
          finish();
          stopped = { reason };
          controller?.abort(reason);
          reject(reason);
        };
        const onCallerAbort = () => stop(caller?.reason);
        const timer = setTimeout(() => {
          abort.timedOut = true;
          stop(new DOMException("The attempt timed out", "TimeoutError"));
        }, timeoutMs);
        // A signal aborted before the call never fires "abort" again: stop now, before sending.
        if (caller?.aborted) {
          stop(caller.reason);
          return;
        }
        // Without a caller signal there is nothing to follow: no listener to add and remove.
        caller?.addEventListener("abort", onCallerAbort, { once: true });
        let sent: Promise<Response>;
        try {
          sent = fetch(request, init);
        } catch (cause) {
          // A fetch that throws instead of rejecting fails the same way.
          sent = Promise.reject(cause);
        }
        sent.then(
          (response) => {
            if (settled) {
              response.body?.cancel().catch(() => undefined);
              return;
            }
            finish();
            resolve(response);
          },
          (cause: unknown) => {
            if (settled) return;
            finish();
            reject(cause);
          },
        );
      });
    },
  };
  return abort;
}
