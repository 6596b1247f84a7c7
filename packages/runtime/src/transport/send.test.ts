import { describe, expect, it } from "vitest";
import { AbortedError, ConnectionError, TimeoutError } from "../errors/api-error.ts";
import { redactRequest } from "../errors/redact.ts";
import { levelLogger } from "../logging/logger.ts";
import type { FetchLike } from "./fetch-like.ts";
import { RateLimiter } from "./rate-limiter.ts";
import { DEFAULT_RETRY } from "./retry-policy.ts";
import { type SendControl, type SendRecord, send } from "./send.ts";

const NOTE_URL = "https://api.notes.test/v2/notes/1";

function control(fetch: FetchLike, overrides: Partial<SendControl> = {}): SendControl {
  return {
    fetch,
    retrySafe: true,
    retry: { ...DEFAULT_RETRY, baseDelayMs: 1, maxDelayMs: 1 },
    timeoutMs: 1_000,
    signal: undefined,
    limiter: undefined,
    random: () => 0,
    redact: (request) => redactRequest(request),
    log: levelLogger("off", console),
    debug: false,
    ...overrides,
  };
}

/** A fetch that never answers: it rejects with the signal's reason once the attempt's signal aborts. */
const hanging: FetchLike = (_request, { signal }) =>
  new Promise((_, reject) => {
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });

describe("send", () => {
  it("sends the first attempt as it was built, with that attempt's signal beside it", async () => {
    const request = new Request(NOTE_URL);
    const seen: Request[] = [];
    const signals: AbortSignal[] = [];
    const record: SendRecord = { attempts: 0 };
    const response = await send(
      request,
      control(async (r, init) => {
        seen.push(r);
        signals.push(init.signal);
        return new Response("{}");
      }),
      record,
    );
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBe(request);
    expect(signals[0]?.aborted).toBe(false);
    expect(record.attempts).toBe(1);
  });

  it("sends the body again on every retry", async () => {
    const request = new Request(NOTE_URL, { method: "PUT", body: '{"text":"again"}' });
    const bodies: string[] = [];
    const record: SendRecord = { attempts: 0 };
    const response = await send(
      request,
      control(async (r) => {
        bodies.push(await r.text());
        return new Response(null, { status: bodies.length < 3 ? 503 : 200 });
      }),
      record,
    );
    expect(response.status).toBe(200);
    expect(bodies).toEqual(['{"text":"again"}', '{"text":"again"}', '{"text":"again"}']);
    expect(record.attempts).toBe(3);
  });

  it("times out each attempt through the signal the fetch sees, then reports TimeoutError", async () => {
    const request = new Request(NOTE_URL);
    const signals: AbortSignal[] = [];
    const record: SendRecord = { attempts: 0 };
    const fetch: FetchLike = (r, init) => {
      signals.push(init.signal);
      return hanging(r, init);
    };
    const failure = await send(request, control(fetch, { timeoutMs: 10 }), record).catch((e) => e);
    expect(failure).toBeInstanceOf(TimeoutError);
    expect(record.attempts).toBe(3);
    expect(signals).toHaveLength(3);
    expect(signals.every((s) => s.aborted)).toBe(true);
  });

  it("aborts on the caller's signal without retrying", async () => {
    const caller = new AbortController();
    const request = new Request(NOTE_URL);
    const record: SendRecord = { attempts: 0 };
    const pending = send(request, control(hanging, { signal: caller.signal }), record).catch((e) => e);
    setTimeout(() => caller.abort(), 5);
    expect(await pending).toBeInstanceOf(AbortedError);
    expect(record.attempts).toBe(1);
  });

  it("times out and retries a fetch that ignores its signal, cancelling an answer that comes too late", async () => {
    const request = new Request(NOTE_URL);
    const record: SendRecord = { attempts: 0 };
    let answered = 0;
    let cancelled = 0;
    const deaf: FetchLike = () =>
      new Promise((resolve) => {
        setTimeout(() => {
          answered++;
          resolve(new Response(new ReadableStream({ cancel: () => void cancelled++ })));
        }, 40);
      });
    const failure = await send(request, control(deaf, { timeoutMs: 5 }), record).catch((e) => e);
    expect(failure).toBeInstanceOf(TimeoutError);
    expect(record.attempts).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(answered).toBe(3);
    expect(cancelled).toBe(3);
  });

  it("fails the call with the error of a logger that throws, instead of leaving it unsettled", async () => {
    const broken = new Error("log sink is down");
    const log = {
      ...levelLogger("off", console),
      warn: () => {
        throw broken;
      },
    };
    const record: SendRecord = { attempts: 0 };
    const failure = await send(
      new Request(NOTE_URL),
      control(async () => new Response(null, { status: 503 }), { log }),
      record,
    ).catch((e) => e);
    expect(failure).toBe(broken);
    expect(record.attempts).toBe(1);
  });

  it("waits for the rate limiter before every attempt, and reports an abort while waiting", async () => {
    const limiter = new RateLimiter(1, 60);
    const record: SendRecord = { attempts: 0 };
    let sent = 0;
    const first = await send(
      new Request(NOTE_URL),
      control(
        async () => {
          sent++;
          return new Response("{}");
        },
        { limiter },
      ),
      record,
    );
    expect(first.status).toBe(200);
    const caller = new AbortController();
    const waiting = send(
      new Request(NOTE_URL),
      control(
        async () => {
          sent++;
          return new Response("{}");
        },
        { limiter, signal: caller.signal },
      ),
      { attempts: 0 },
    ).catch((e) => e);
    setTimeout(() => caller.abort(), 5);
    expect(await waiting).toBeInstanceOf(AbortedError);
    expect(sent).toBe(1);
  });

  it("reports a fetch that throws synchronously as a failed attempt", async () => {
    const record: SendRecord = { attempts: 0 };
    const failure = await send(
      new Request(NOTE_URL),
      control(() => {
        throw new TypeError("no network stack");
      }),
      record,
    ).catch((e) => e);
    expect(failure).toBeInstanceOf(ConnectionError);
    expect((failure as Error).message).toContain("no network stack");
    expect(record.attempts).toBe(3);
  });
});
