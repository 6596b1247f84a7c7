import type { FetchInit, FetchLike } from "./fetch-like.ts";

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
  let settled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let fail: ((reason: unknown) => void) | undefined;
  const signal = () => {
    if (!controller) {
      controller = new AbortController();
      if (stopped) controller.abort(stopped.reason);
    }
    return controller.signal;
  };
  const onCallerAbort = () => stop(caller?.reason);
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
    fail?.(reason);
  };
  const abort = {
    timedOut: false,
    send(fetch: FetchLike, request: Request, timeoutMs: number) {
      return new Promise<Response>((resolve, reject) => {
        fail = reject;
        timer = setTimeout(() => {
          abort.timedOut = true;
          stop(new DOMException("The attempt timed out", "TimeoutError"));
        }, timeoutMs);
        // A signal aborted before the call never fires "abort" again: stop now, before sending.
        if (caller?.aborted) return stop(caller.reason);
        caller?.addEventListener("abort", onCallerAbort, { once: true });
        let sent: Promise<Response>;
        try {
          sent = fetch(request, new AttemptInit(signal));
        } catch (cause) {
          // A fetch that throws instead of rejecting fails the same way.
          sent = Promise.reject(cause);
        }
        sent.then(
          (response) => {
            if (settled) return void response.body?.cancel().catch(() => undefined);
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

/**
 * The `init` a fetch gets. A class with `signal` as a getter on its prototype: on Node 20 an object
 * literal with a getter costs about 2% of a stubbed call, and the signal is made only when read.
 */
class AttemptInit implements FetchInit {
  readonly #signal: () => AbortSignal;
  constructor(signal: () => AbortSignal) {
    this.#signal = signal;
  }
  get signal(): AbortSignal {
    return this.#signal();
  }
}
