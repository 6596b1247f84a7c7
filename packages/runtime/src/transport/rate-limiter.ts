import { sleep } from "./sleep.ts";

/** Ends a request's hold on its slot: from then on the slot counts from the moment it was released. */
export type ReleaseSlot = () => void;

/**
 * A client-side sliding-window limiter: at most `requests` requests in any window of `perSeconds`
 * (a window of `perSeconds` includes its start, not its end), callers over the limit waiting in FIFO order instead of failing.
 *
 * A request reaches the server some time between its start and its end, so counting starts alone is
 * not enough: requests held up on the way (a slow proxy, a retrying connection) can all arrive in a
 * later window together with the ones started in it. The client therefore holds a slot from the
 * start of a request until its end (`hold`), and the slot counts for one window after that end: any
 * window of arrivals then holds at most `requests` of them. `acquire` takes a slot that ends at once.
 * Memory is O(requests); taking a slot is O(1) amortised, whatever the limit.
 */
export class RateLimiter {
  readonly #requests: number;
  readonly #windowMs: number;
  /** Slots held by requests under way. */
  #held = 0;
  /** When each released slot was released, oldest first, from `#first` on (the ones before it expired). */
  #releasedAt: number[] = [];
  #first = 0;
  #queue: Promise<unknown> = Promise.resolve();
  /** Settles when a held slot is released: what a caller waits for while every slot is held. */
  #released: { promise: Promise<void>; resolve: () => void } = deferred();

  constructor(requests: number, perSeconds: number) {
    if (!Number.isFinite(requests) || requests < 1 || !Number.isFinite(perSeconds) || perSeconds <= 0)
      throw new RangeError("rate limit needs requests >= 1 and perSeconds > 0 (finite numbers)");
    this.#requests = Math.floor(requests);
    this.#windowMs = perSeconds * 1000;
  }

  /** Waits for a slot that ends at once; rejects with the signal's reason when `signal` aborts first. */
  async acquire(signal?: AbortSignal): Promise<void> {
    const release = await this.hold(signal);
    release();
  }

  /**
   * Waits for a slot and holds it until the returned function is called (at the end of the request);
   * rejects with the signal's reason when `signal` aborts first.
   */
  hold(signal?: AbortSignal): Promise<ReleaseSlot> {
    const turn = this.#queue.then(() => this.#take(signal));
    // The next caller waits for this one's turn whether it gets a slot or is aborted.
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  async #take(signal: AbortSignal | undefined): Promise<ReleaseSlot> {
    for (;;) {
      signal?.throwIfAborted();
      const now = Date.now();
      this.#forgetExpired(now);
      if (this.#held + this.#releasedAt.length - this.#first < this.#requests) {
        this.#held++;
        let ended = false;
        return () => {
          if (ended) return;
          ended = true;
          this.#release();
        };
      }
      const oldest = this.#releasedAt[this.#first];
      if (oldest === undefined) await untilAborted(this.#released.promise, signal);
      else await sleep(oldest + this.#windowMs - now, signal);
    }
  }

  /**
   * Drops the released slots that no longer count: a slot counts while its release lies within the
   * window that ends at `now`.
   */
  #forgetExpired(now: number): void {
    const releasedAt = this.#releasedAt;
    while (this.#first < releasedAt.length && (releasedAt[this.#first] ?? 0) <= now - this.#windowMs)
      this.#first++;
    // Compacted once half of it has expired, so each slot is moved a bounded number of times.
    if (this.#first > 64 && this.#first * 2 > releasedAt.length) {
      this.#releasedAt = releasedAt.slice(this.#first);
      this.#first = 0;
    }
  }

  #release(): void {
    this.#held--;
    this.#releasedAt.push(Date.now());
    const released = this.#released;
    this.#released = deferred();
    released.resolve();
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** `promise`, or a rejection with the signal's reason as soon as `signal` aborts. */
function untilAborted(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return promise;
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    });
  });
}
