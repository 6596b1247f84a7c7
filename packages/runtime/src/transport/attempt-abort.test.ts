import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { attemptAbort } from "./attempt-abort.ts";
import type { FetchInit, FetchLike } from "./fetch-like.ts";
import { OutgoingRequest } from "./outgoing-request.ts";

const request = () =>
  new OutgoingRequest("https://api.notes.test/v2/notes/1", { method: "GET", headers: new Headers() });

/** A fetch that answers only when told to, rejects when its signal aborts, and keeps that signal. */
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

  it("aborts the fetch's signal with a TimeoutError once the timeout passes, and not before", async () => {
    const abort = attemptAbort(undefined);
    const remote = controlledFetch();
    const sent = abort.send(remote.fetch, request(), null, 50).catch((e: unknown) => e);
    vi.advanceTimersByTime(49);
    expect(remote.signals[0]?.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    const reason = await sent;
    expect(remote.signals[0]?.aborted).toBe(true);
    expect(abort.timedOut).toBe(true);
    expect((reason as DOMException).name).toBe("TimeoutError");
    expect(remote.signals[0]?.reason).toBe(reason);
  });

  it("times out a fetch that never reads its signal, and makes no signal for it", async () => {
    const abort = attemptAbort(undefined);
    let init: unknown;
    const deaf: FetchLike = (_request, given) => {
      init = given;
      return new Promise(() => undefined);
    };
    const sent = abort.send(deaf, request(), null, 20).catch((e: unknown) => e);
    vi.advanceTimersByTime(20);
    expect(((await sent) as DOMException).name).toBe("TimeoutError");
    expect(abort.timedOut).toBe(true);
    // Read only now, after the timeout: the signal is made aborted, with the timeout as its reason.
    const late = (init as { signal: AbortSignal }).signal;
    expect(late.aborted).toBe(true);
    expect((late.reason as DOMException).name).toBe("TimeoutError");
  });

  it("follows the caller's signal with its reason, and that is not a timeout", async () => {
    const caller = new AbortController();
    const abort = attemptAbort(caller.signal);
    const remote = controlledFetch();
    const sent = abort.send(remote.fetch, request(), null, 50).catch((e: unknown) => e);
    const reason = new Error("user left");
    caller.abort(reason);
    expect(await sent).toBe(reason);
    expect(remote.signals[0]?.reason).toBe(reason);
    expect(abort.timedOut).toBe(false);
  });

  it("sends nothing when the caller's signal was aborted already", async () => {
    const caller = new AbortController();
    const reason = new Error("cancelled before the call");
    caller.abort(reason);
    const abort = attemptAbort(caller.signal);
    const remote = controlledFetch();
    expect(await abort.send(remote.fetch, request(), null, 50).catch((e: unknown) => e)).toBe(reason);
    expect(remote.signals).toHaveLength(0);
    expect(abort.timedOut).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("once the headers arrive, neither the timeout nor the caller aborts the attempt", async () => {
    const caller = new AbortController();
    const abort = attemptAbort(caller.signal);
    const remote = controlledFetch();
    const sent = abort.send(remote.fetch, request(), null, 50);
    remote.answer(new Response("ok"));
    expect(await (await sent).text()).toBe("ok");
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(100);
    caller.abort();
    expect(remote.signals[0]?.aborted).toBe(false);
    expect(abort.timedOut).toBe(false);
  });

  it("gives every attempt its own signal", async () => {
    const caller = new AbortController();
    const firstFetch = controlledFetch();
    const one = attemptAbort(caller.signal)
      .send(firstFetch.fetch, request(), null, 10)
      .catch((e: unknown) => e);
    vi.advanceTimersByTime(10);
    await one;
    const secondFetch = controlledFetch();
    const two = attemptAbort(caller.signal).send(secondFetch.fetch, request(), null, 10);
    expect(firstFetch.signals[0]?.aborted).toBe(true);
    expect(secondFetch.signals[0]?.aborted).toBe(false);
    expect(secondFetch.signals[0]).not.toBe(firstFetch.signals[0]);
    secondFetch.answer(new Response(null, { status: 204 }));
    expect((await two).status).toBe(204);
  });
});

describe("attemptAbort's fetch init", () => {
  it("holds the request's method, headers, body and the rest of its init as own properties, and the signal by name", async () => {
    const headers = new Headers({ "Content-Type": "application/json" });
    const outgoing = new OutgoingRequest("https://api.notes.test/v2/notes", {
      method: "POST",
      headers,
      body: '{"text":"hi"}',
      redirect: "follow",
      cache: "no-store",
    });
    let url: string | undefined;
    let copy: Partial<FetchInit> = {};
    let signal: AbortSignal | undefined;
    const sent = await attemptAbort(undefined).send(
      (given, init) => {
        url = given;
        copy = { ...init };
        signal = init.signal;
        return Promise.resolve(new Response("ok"));
      },
      outgoing,
      '{"text":"hi"}',
      1_000,
    );
    expect(await sent.text()).toBe("ok");
    expect(url).toBe("https://api.notes.test/v2/notes");
    expect(copy.method).toBe("POST");
    expect(copy.headers).toBe(headers);
    expect(copy.body).toBe('{"text":"hi"}');
    expect(copy.redirect).toBe("follow");
    expect(copy.cache).toBe("no-store");
    // The signal is a getter on the prototype (made when read): read by name, not copied by a spread.
    expect("signal" in copy).toBe(false);
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(signal?.aborted).toBe(false);
  });
});

describe("attemptAbort's timer", () => {
  it("no longer holds the process once the attempt is over (unref'd before it is cleared)", async () => {
    const timers: ReturnType<typeof setTimeout>[] = [];
    const realSetTimeout = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, "setTimeout").mockImplementation(((
      ...args: Parameters<typeof setTimeout>
    ) => {
      const timer = realSetTimeout(...args);
      timers.push(timer);
      return timer;
    }) as typeof setTimeout);
    try {
      const sent = attemptAbort(undefined).send(async () => new Response("ok"), request(), null, 60_000);
      expect(timers).toHaveLength(1);
      expect(timers[0]?.hasRef()).toBe(true);
      await sent;
      expect(timers[0]?.hasRef()).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });
});
