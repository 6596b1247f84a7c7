import { sleep } from "./sleep.ts";

/**
 * A client-side sliding-window limiter: at most `requests` starts in any `perSeconds` window.
 * Callers over the limit wait in FIFO order instead of failing. Memory is O(requests).
 */
export class RateLimiter {
  readonly #requests: number;
  readonly #windowMs: number;
  readonly #starts: number[] = [];
  #queue: Promise<void> = Promise.resolve();

  constructor(requests: number, perSeconds: number) {
    if (!(requests >= 1) || !(perSeconds > 0))
      throw new RangeError("rate limit needs requests >= 1 and perSeconds > 0");
    this.#requests = Math.floor(requests);
    this.#windowMs = perSeconds * 1000;
  }

  /** Waits for a slot; rejects with the signal's reason when `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.#queue.then(() => this.#take(signal));
    // The next caller waits for this one's turn whether it succeeds or is aborted.
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  async #take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const now = Date.now();
      while (this.#starts.length > 0 && (this.#starts[0] ?? 0) <= now - this.#windowMs) this.#starts.shift();
      if (this.#starts.length < this.#requests) {
        this.#starts.push(now);
        return;
      }
      await sleep((this.#starts[0] ?? now) + this.#windowMs - now, signal);
    }
  }
}
