import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./retry-after.ts";

const headers = (init: Record<string, string>) => new Headers(init);

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
  });
});
