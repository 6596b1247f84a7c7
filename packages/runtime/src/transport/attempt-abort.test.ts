import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { attemptAbort } from "./attempt-abort.ts";
import type { FetchLike } from "./fetch-like.ts";

const request = () => new Request("https://api.notes.test/v2/notes/1");

/** A fetch that answers only when told to, and records the signal it was given. */
function controlledFetch() {
  const signals: AbortSignal[] = [];
  let answer: ((response: Response) => void) | undefined;
  const fetch: FetchLike = (_request, { signal }) => {
    signals.push(signal);
    return new Promise((resolve, reject) => {
      answer = resolve;
      signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    });
  };
  return { fetch, signals, answer: (response: Response) => answer?.(response) };
}

describe("attemptAbort", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("aborts with a TimeoutError once the timeout passes, and not before", async () => {
    const abort = attemptAbort(undefined);
    const remote = controlledFetch();
    const sent = abort.send(remote.fetch, request(), 50).catch((e: unknown) => e);
    vi.advanceTimersByTime(49);
    expect(abort.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    const reason = await sent;
    expect(abort.signal.aborted).toBe(true);
    expect(abort.timedOut).toBe(true);
    expect((reason as DOMException).name).toBe("TimeoutError");
    expect(remote.signals[0]).toBe(abort.signal);
  });

  it("follows the caller's signal with its reason, and that is not a timeout", async () => {
    const caller = new AbortController();
    const abort = attemptAbort(caller.signal);
    const sent = abort.send(controlledFetch().fetch, request(), 50).catch((e: unknown) => e);
    const reason = new Error("user left");
    caller.abort(reason);
    expect(await sent).toBe(reason);
    expect(abort.signal.reason).toBe(reason);
    expect(abort.timedOut).toBe(false);
  });

  it("sends nothing when the caller's signal was aborted already", async () => {
    const caller = new AbortController();
    const reason = new Error("cancelled before the call");
    caller.abort(reason);
    const abort = attemptAbort(caller.signal);
    const remote = controlledFetch();
    expect(await abort.send(remote.fetch, request(), 50).catch((e: unknown) => e)).toBe(reason);
    expect(remote.signals).toHaveLength(0);
    expect(abort.timedOut).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("once the headers arrive, neither the timeout nor the caller aborts the attempt", async () => {
    const caller = new AbortController();
    const abort = attemptAbort(caller.signal);
    const remote = controlledFetch();
    const sent = abort.send(remote.fetch, request(), 50);
    remote.answer(new Response("ok"));
    expect(await (await sent).text()).toBe("ok");
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(100);
    caller.abort();
    expect(abort.signal.aborted).toBe(false);
    expect(abort.timedOut).toBe(false);
  });

  it("gives every attempt its own signal", async () => {
    const caller = new AbortController();
    const first = attemptAbort(caller.signal);
    const second = attemptAbort(caller.signal);
    const one = first.send(controlledFetch().fetch, request(), 10).catch((e: unknown) => e);
    vi.advanceTimersByTime(10);
    await one;
    const remote = controlledFetch();
    const two = second.send(remote.fetch, request(), 10);
    expect(first.signal.aborted).toBe(true);
    expect(second.signal.aborted).toBe(false);
    remote.answer(new Response(null, { status: 204 }));
    expect((await two).status).toBe(204);
  });
});
