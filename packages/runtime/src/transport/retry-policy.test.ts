import { describe, expect, it } from "vitest";
import { backoffDelay, DEFAULT_RETRY, isRetryableStatus, retryDelay } from "./retry-policy.ts";

const headers = (init: Record<string, string>) => new Headers(init);

describe("isRetryableStatus", () => {
  it("retries 408, 429 and 5xx only", () => {
    expect([408, 429, 500, 502, 503, 599].every(isRetryableStatus)).toBe(true);
    expect([200, 400, 401, 403, 404, 409, 422].some(isRetryableStatus)).toBe(false);
  });
});

describe("retryDelay", () => {
  it("treats a negative Retry-After as absent, so the default backoff applies", async () => {
    expect(await retryDelay(0, headers({ "retry-after": "-1" }), DEFAULT_RETRY, () => 0)).toBe(500);
  });
});

describe("backoff", () => {
  it("doubles from the base, caps at the maximum and jitters down by at most 25%", () => {
    expect(backoffDelay(0, DEFAULT_RETRY, () => 0)).toBe(500);
    expect(backoffDelay(1, DEFAULT_RETRY, () => 0)).toBe(1000);
    expect(backoffDelay(10, DEFAULT_RETRY, () => 0)).toBe(8000);
    expect(backoffDelay(1, DEFAULT_RETRY, () => 0.999)).toBeGreaterThanOrEqual(750);
  });

  it("honours Retry-After up to the cap and refuses to wait longer", async () => {
    expect(await retryDelay(0, headers({ "retry-after": "2" }), DEFAULT_RETRY, () => 0)).toBe(2000);
    expect(await retryDelay(0, headers({ "retry-after": "61" }), DEFAULT_RETRY, () => 0)).toBeUndefined();
    expect(await retryDelay(0, headers({}), DEFAULT_RETRY, () => 0)).toBe(500);
  });
});
