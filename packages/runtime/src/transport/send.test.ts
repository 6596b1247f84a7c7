import { describe, expect, it } from "vitest";
import { AbortedError, ConnectionError, TimeoutError } from "../errors/api-error.ts";
import { redactRequest } from "../errors/redact.ts";
import { levelLogger } from "../logging/logger.ts";
import type { FetchLike } from "./fetch-like.ts";
import { type OutgoingInit, OutgoingRequest } from "./outgoing-request.ts";
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
  it("sends the request's URL and init as they were built, with that attempt's signal", async () => {
    const request = new OutgoingRequest(NOTE_URL, {
      method: "GET",
      headers: new Headers({ Accept: "application/json" }),
    });
    const urls: string[] = [];
    const headers: Headers[] = [];
    const signals: AbortSignal[] = [];
    const record: SendRecord = { attempts: 0 };
    const response = await send(
      request,
      control(async (url, init) => {
        urls.push(url);
        headers.push(init.headers);
        signals.push(init.signal);
        return new Response("{}");
      }),
      record,
    );
    expect(response.status).toBe(200);
    expect(urls).toEqual([NOTE_URL]);
    expect(headers[0]).toBe(request.headers);
    expect(headers[0]?.get("accept")).toBe("application/json");
    expect(signals[0]?.aborted).toBe(false);
    expect(record.attempts).toBe(1);
  });

  it("sends the body again on every retry", async () => {
    const request = new OutgoingRequest(NOTE_URL, {
      method: "PUT",
      headers: new Headers(),
      body: '{"text":"again"}',
    });
    const bodies: string[] = [];
    const record: SendRecord = { attempts: 0 };
    const response = await send(
      request,
      control(async (url, init) => {
        bodies.push(await new Request(url, init).text());
        return new Response(null, { status: bodies.length < 3 ? 503 : 200 });
      }),
      record,
    );
    expect(response.status).toBe(200);
    expect(bodies).toEqual(['{"text":"again"}', '{"text":"again"}', '{"text":"again"}']);
    expect(record.attempts).toBe(3);
  });

  it("sends a streamed body again on every retry, each attempt a stream of its own", async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("chunk-1,"));
        controller.enqueue(new TextEncoder().encode("chunk-2"));
        controller.close();
      },
    });
    const init = { method: "PUT", headers: new Headers(), body: stream, duplex: "half" };
    const request = new OutgoingRequest(NOTE_URL, init as OutgoingInit);
    const bodies: string[] = [];
    const sentStreams: unknown[] = [];
    const response = await send(
      request,
      control(async (url, init) => {
        sentStreams.push(init.body);
        bodies.push(await new Request(url, init).text());
        return new Response(null, { status: bodies.length < 3 ? 503 : 200 });
      }),
      { attempts: 0 },
    );
    expect(response.status).toBe(200);
    expect(bodies).toEqual(["chunk-1,chunk-2", "chunk-1,chunk-2", "chunk-1,chunk-2"]);
    expect(new Set(sentStreams).size).toBe(3);
    expect(sentStreams).not.toContain(stream);
  });

  it("times out each attempt through the signal the fetch sees, then reports TimeoutError", async () => {
    const request = new OutgoingRequest(NOTE_URL, { headers: new Headers() });
    const signals: AbortSignal[] = [];
    const record: SendRecord = { attempts: 0 };
    const fetch: FetchLike = (url, init) => {
      signals.push(init.signal);
      return hanging(url, init);
    };
    const failure = await send(request, control(fetch, { timeoutMs: 10 }), record).catch((e) => e);
    expect(failure).toBeInstanceOf(TimeoutError);
    expect(record.attempts).toBe(3);
    expect(signals).toHaveLength(3);
    expect(signals.every((s) => s.aborted)).toBe(true);
  });

  it("aborts on the caller's signal without retrying", async () => {
    const caller = new AbortController();
    const request = new OutgoingRequest(NOTE_URL, { headers: new Headers() });
    const record: SendRecord = { attempts: 0 };
    const pending = send(request, control(hanging, { signal: caller.signal }), record).catch((e) => e);
    setTimeout(() => caller.abort(), 5);
    expect(await pending).toBeInstanceOf(AbortedError);
    expect(record.attempts).toBe(1);
  });

  it("times out and retries a fetch that ignores its signal, cancelling an answer that comes too late", async () => {
    const request = new OutgoingRequest(NOTE_URL, { headers: new Headers() });
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
      new OutgoingRequest(NOTE_URL, { headers: new Headers() }),
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
      new OutgoingRequest(NOTE_URL, { headers: new Headers() }),
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
      new OutgoingRequest(NOTE_URL, { headers: new Headers() }),
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
      new OutgoingRequest(NOTE_URL, { headers: new Headers() }),
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
