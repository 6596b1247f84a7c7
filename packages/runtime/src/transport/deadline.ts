/**
 * One attempt's time limit joined with the caller's signal: `signal` aborts when either fires, and
 * `cover` makes the step of the attempt it covers (sending, following redirects, reading the body)
 * fail at that moment even if the code doing it ignores the signal. It covers one step at a time.
 * `timeoutMs` undefined means no limit. `end()` clears the timer and the link to the caller's signal.
 */
export class Deadline {
  readonly #controller = new AbortController();
  readonly #caller: AbortSignal | undefined;
  readonly #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #onCallerAbort = () => this.#abort(this.#caller?.reason);
  /** Fails the step `cover` is waiting for. */
  #failCovered: ((reason: unknown) => void) | undefined;
  #timedOut = false;

  constructor(timeoutMs: number | undefined, caller: AbortSignal | undefined) {
    this.#caller = caller;
    if (caller?.aborted) this.#controller.abort(caller.reason);
    else caller?.addEventListener("abort", this.#onCallerAbort, { once: true });
    if (timeoutMs !== undefined && !this.#controller.signal.aborted) {
      this.#timer = setTimeout(() => {
        this.#timedOut = true;
        this.#abort(new DOMException(`Timed out after ${timeoutMs} ms`, "TimeoutError"));
      }, timeoutMs);
    }
  }

  #abort(reason: unknown): void {
    this.#controller.abort(reason);
    this.#failCovered?.(reason);
  }

  /** Aborted by the timeout or by the caller. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Whether the timeout (not the caller) fired. */
  get timedOut(): boolean {
    return this.#timedOut;
  }

  /** `work`, or a rejection with the abort reason as soon as the signal aborts. */
  cover<T>(work: Promise<T>): Promise<T> {
    const signal = this.#controller.signal;
    if (signal.aborted) {
      work.catch(() => undefined);
      return Promise.reject(signal.reason);
    }
    return new Promise<T>((resolve, reject) => {
      this.#failCovered = reject;
      work.then(resolve, reject);
    });
  }

  end(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener("abort", this.#onCallerAbort);
  }
}
