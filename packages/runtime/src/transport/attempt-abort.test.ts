import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { attemptAbort } from "./attempt-abort.ts";

describe("attemptAbort", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("does nothing until armed, then aborts with a TimeoutError once the timeout passes", () => {
    const abort = attemptAbort(undefined);
    vi.advanceTimersByTime(1_000);
    expect(abort.signal.aborted).toBe(false);
    abort.arm(50);
    vi.advanceTimersByTime(49);
    expect(abort.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(abort.signal.aborted).toBe(true);
    expect(abort.timedOut).toBe(true);
    expect((abort.signal.reason as DOMException).name).toBe("TimeoutError");
  });

  it("follows the caller's signal with its reason, and that is not a timeout", () => {
    const caller = new AbortController();
    const abort = attemptAbort(caller.signal);
    abort.arm(50);
    const reason = new Error("user left");
    caller.abort(reason);
    expect(abort.signal.aborted).toBe(true);
    expect(abort.signal.reason).toBe(reason);
    expect(abort.timedOut).toBe(false);
  });

  it("is aborted as soon as it is armed when the caller's signal was aborted already", () => {
    const caller = new AbortController();
    const reason = new Error("cancelled before the call");
    caller.abort(reason);
    const abort = attemptAbort(caller.signal);
    expect(abort.signal.aborted).toBe(false);
    abort.arm(50);
    expect(abort.signal.aborted).toBe(true);
    expect(abort.signal.reason).toBe(reason);
    expect(abort.timedOut).toBe(false);
    abort.release();
  });

  it("after release, neither the timeout nor the caller aborts the attempt", () => {
    const caller = new AbortController();
    const abort = attemptAbort(caller.signal);
    abort.arm(50);
    abort.release();
    vi.advanceTimersByTime(100);
    caller.abort();
    expect(abort.signal.aborted).toBe(false);
    expect(abort.timedOut).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("gives every attempt its own signal", () => {
    const caller = new AbortController();
    const first = attemptAbort(caller.signal);
    const second = attemptAbort(caller.signal);
    first.arm(10);
    vi.advanceTimersByTime(10);
    second.arm(10);
    expect(first.signal.aborted).toBe(true);
    expect(second.signal.aborted).toBe(false);
    second.release();
  });
});
