import type { ClientOptions } from "@workapis/runtime";

/**
 * The client options a vendor mock's `client()` starts from: a token the mock accepts, no client-side
 * rate limit (WebWork's 60 a minute would make the 61st call of a test suite wait a minute) and
 * retries that do not wait (a 5xx is retried at once; a 429 comes back as it is, its `Retry-After`
 * not waited for).
 */
export const TEST_CLIENT_OPTIONS = {
  token: "mock-token",
  rateLimit: false,
  retry: { baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 },
} as const satisfies ClientOptions;
