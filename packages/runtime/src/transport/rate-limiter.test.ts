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

  it("refuses a nonsensical limit", () => {
    expect(() => new RateLimiter(0, 60)).toThrow(RangeError);
  });
});
