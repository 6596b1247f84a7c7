import { describe, expect, it } from "vitest";
import {
  backoffDelay,
  DEFAULT_RETRY,
  isRetryableStatus,
  parseRetryAfter,
  retryDelay,
} from "./retry-policy.ts";

const headers = (init: Record<string, string>) => new Headers(init);

describe("isRetryableStatus", () => {
  it("retries 408, 429 and 5xx only", () => {
    expect([408, 429, 500, 502, 503, 599].every(isRetryableStatus)).toBe(true);
    expect([200, 400, 401, 403, 404, 409, 422].some(isRetryableStatus)).toBe(false);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds, milliseconds and HTTP dates", () => {
    expect(parseRetryAfter(headers({ "retry-after": "3" }))).toBe(3000);
    expect(parseRetryAfter(headers({ "retry-after-ms": "250", "retry-after": "9" }))).toBe(250);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter(headers({ "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }), now)).toBe(5000);
  });

  it("ignores garbage and never returns a negative wait", () => {
    expect(parseRetryAfter(headers({ "retry-after": "soon" }))).toBeUndefined();
    expect(parseRetryAfter(headers({}))).toBeUndefined();
    expect(parseRetryAfter(headers({ "retry-after": "Thu, 01 Jan 2015 00:00:00 GMT" }))).toBe(0);
  });
});

describe("parseRetryAfter: what counts as absent", () => {
  it("treats a negative, signed or non-date value as absent, so the default backoff applies", () => {
    for (const value of ["-1", "-5", "+3", "0x10", "1e3", "12abc", "2026-01-01"])
      expect(parseRetryAfter(headers({ "retry-after": value })), value).toBeUndefined();
    expect(parseRetryAfter(headers({ "retry-after-ms": "-20" }))).toBeUndefined();
    expect(retryDelay(0, headers({ "retry-after": "-1" }), DEFAULT_RETRY, () => 0)).toBe(500);
  });
});

describe("backoff", () => {
  it("doubles from the base, caps at the maximum and jitters down by at most 25%", () => {
    expect(backoffDelay(0, DEFAULT_RETRY, () => 0)).toBe(500);
    expect(backoffDelay(1, DEFAULT_RETRY, () => 0)).toBe(1000);
    expect(backoffDelay(10, DEFAULT_RETRY, () => 0)).toBe(8000);
    expect(backoffDelay(1, DEFAULT_RETRY, () => 0.999)).toBeGreaterThanOrEqual(750);
  });

  it("honours Retry-After up to the cap and refuses to wait longer", () => {
    expect(retryDelay(0, headers({ "retry-after": "2" }), DEFAULT_RETRY, () => 0)).toBe(2000);
    expect(retryDelay(0, headers({ "retry-after": "61" }), DEFAULT_RETRY, () => 0)).toBeUndefined();
    expect(retryDelay(0, headers({}), DEFAULT_RETRY, () => 0)).toBe(500);
  });
});
