import { describe, expect, it } from "vitest";
import { AbortedError, TimeoutError } from "../errors/api-error.ts";
import { redactRequest } from "../errors/redact.ts";
import { levelLogger } from "../logging/logger.ts";
import { attemptAbort } from "./attempt-abort.ts";
import { DEFAULT_RETRY } from "./retry-policy.ts";
import { type FetchLike, type SendControl, type SendRecord, send } from "./send.ts";

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

/** A fetch that never answers: it rejects with the signal's reason once the request's signal aborts. */
const hanging: FetchLike = (request) =>
  new Promise((_, reject) => {
    request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true });
  });

describe("send", () => {
  it("sends the first attempt as it was built, carrying that attempt's signal", async () => {
    const first = attemptAbort(undefined);
    const request = new Request(NOTE_URL, { signal: first.signal });
    const seen: Request[] = [];
    const record: SendRecord = { attempts: 0 };
    const response = await send(
      request,
      control(async (r) => {
        seen.push(r);
        return new Response("{}");
      }),
      record,
      first,
    );
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBe(request);
    expect(record.attempts).toBe(1);
  });

  it("sends the body again on every retry", async () => {
    const first = attemptAbort(undefined);
    const request = new Request(NOTE_URL, { method: "PUT", body: '{"text":"again"}', signal: first.signal });
    const bodies: string[] = [];
    const record: SendRecord = { attempts: 0 };
    const response = await send(
      request,
      control(async (r) => {
        bodies.push(await r.text());
        return new Response(null, { status: bodies.length < 3 ? 503 : 200 });
      }),
      record,
      first,
    );
    expect(response.status).toBe(200);
    expect(bodies).toEqual(['{"text":"again"}', '{"text":"again"}', '{"text":"again"}']);
    expect(record.attempts).toBe(3);
  });

  it("times out each attempt through the signal the fetch sees, then reports TimeoutError", async () => {
    const first = attemptAbort(undefined);
    const request = new Request(NOTE_URL, { signal: first.signal });
    const signals: AbortSignal[] = [];
    const record: SendRecord = { attempts: 0 };
    const fetch: FetchLike = (r) => {
      signals.push(r.signal);
      return hanging(r);
    };
    const failure = await send(request, control(fetch, { timeoutMs: 10 }), record, first).catch((e) => e);
    expect(failure).toBeInstanceOf(TimeoutError);
    expect(record.attempts).toBe(3);
    expect(signals).toHaveLength(3);
    expect(signals.every((s) => s.aborted)).toBe(true);
  });

  it("aborts on the caller's signal without retrying", async () => {
    const caller = new AbortController();
    const first = attemptAbort(caller.signal);
    const request = new Request(NOTE_URL, { signal: first.signal });
    const record: SendRecord = { attempts: 0 };
    const pending = send(request, control(hanging, { signal: caller.signal }), record, first).catch((e) => e);
    setTimeout(() => caller.abort(), 5);
    expect(await pending).toBeInstanceOf(AbortedError);
    expect(record.attempts).toBe(1);
  });
});
