/**
 * The abort signal of one attempt: aborted by the attempt's timeout or by the caller's signal.
 *
 * It exists before the attempt starts so that the attempt's Request can be built with `signal`
 * once: undici links each Request to the signal it is built with (a listener, a WeakRef and a
 * finalizer), and rebuilding a Request only to add one cost a third of a stubbed call on Node 20.
 * `arm()` starts the timer and the caller link when the attempt is sent; `release()` ends both
 * once the response headers arrive.
 */
export interface AttemptAbort {
  readonly signal: AbortSignal;
  /** Whether the timeout (not the caller) aborted the attempt. */
  readonly timedOut: boolean;
  arm(timeoutMs: number): void;
  release(): void;
}

export function attemptAbort(caller: AbortSignal | undefined): AttemptAbort {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onCallerAbort = () => controller.abort(caller?.reason);
  const abort = {
    signal: controller.signal,
    timedOut: false,
    arm(timeoutMs: number) {
      timer = setTimeout(() => {
        abort.timedOut = true;
        controller.abort(new DOMException("The attempt timed out", "TimeoutError"));
      }, timeoutMs);
      // A signal aborted before the call never fires "abort" again: follow it now.
      if (caller?.aborted) controller.abort(caller.reason);
      // Without a caller signal there is nothing to follow: no listener to add and remove.
      else caller?.addEventListener("abort", onCallerAbort, { once: true });
    },
    release() {
      clearTimeout(timer);
      caller?.removeEventListener("abort", onCallerAbort);
    },
  };
  return abort;
}
