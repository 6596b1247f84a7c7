import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RateLimiter } from "./rate-limiter.ts";

describe("RateLimiter", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("lets `requests` through at once and queues the rest until the window slides", async () => {
    const limiter = new RateLimiter(3, 1);
    const started: number[] = [];
    const calls = Array.from({ length: 5 }, (_, i) => limiter.acquire().then(() => started.push(i)));
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0, 1, 2]);
    await vi.advanceTimersByTimeAsync(999);
    expect(started).toEqual([0, 1, 2]);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(calls);
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it("rejects a waiting caller whose signal aborts, and keeps serving the others", async () => {
    const limiter = new RateLimiter(1, 1);
    await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    controller.abort(new Error("stop"));
    await expect(aborted).rejects.toThrow("stop");
    await vi.advanceTimersByTimeAsync(1000);
    await expect(next).resolves.toBeUndefined();
  });

  it("holds a large custom limit: a full window of 200 000 makes the next caller wait, not fail", async () => {
    const limiter = new RateLimiter(200_000, 60);
    for (let i = 0; i < 200_000; i++) await limiter.acquire();
    let next = false;
    const waiting = limiter.acquire().then(() => {
      next = true;
    });
    await vi.advanceTimersByTimeAsync(59_999);
    expect(next).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(next).toBe(true);
  });

  it("refuses a nonsensical limit", () => {
    expect(() => new RateLimiter(0, 60)).toThrow(RangeError);
  });
});

describe("RateLimiter over 200 requests with a fake clock", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** The largest number of arrivals within any window of `windowMs` (its start included, its end not). */
  function busiestWindow(arrivals: readonly number[], windowMs: number): number {
    const sorted = [...arrivals].sort((a, b) => a - b);
    let most = 0;
    for (let i = 0, j = 0; j < sorted.length; j++) {
      while ((sorted[j] ?? 0) - (sorted[i] ?? 0) >= windowMs) i++;
      most = Math.max(most, j - i + 1);
    }
    return most;
  }

  it("keeps every 60 s window at 60 arrivals or fewer, however long each request takes to arrive", async () => {
    const limiter = new RateLimiter(60, 60);
    const arrivals: number[] = [];
    // Each request reaches the server after a delay of its own (0 to 59 s), then ends.
    const request = async (i: number) => {
      const release = await limiter.hold();
      await new Promise((arrive) => setTimeout(arrive, (i * 7919) % 59_000));
      arrivals.push(Date.now());
      release();
    };
    const all = Promise.all(Array.from({ length: 200 }, (_, i) => request(i)));
    await vi.advanceTimersByTimeAsync(20 * 60_000);
    await all;
    expect(arrivals).toHaveLength(200);
    expect(busiestWindow(arrivals, 60_000)).toBeLessThanOrEqual(60);
  });

  it("starts at most 60 requests in any 60 s window when each ends at once", async () => {
    const limiter = new RateLimiter(60, 60);
    const starts: number[] = [];
    const all = Promise.all(
      Array.from({ length: 200 }, () => limiter.acquire().then(() => starts.push(Date.now()))),
    );
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    await all;
    expect(starts).toHaveLength(200);
    expect(busiestWindow(starts, 60_000)).toBeLessThanOrEqual(60);
  });
});
