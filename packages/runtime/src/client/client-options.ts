import type { Middleware } from "openapi-fetch";
import type { TokenSource } from "../auth/auth-plan.ts";
import type { Logger, LogLevel } from "../logging/logger.ts";
import type { RateLimitMeta } from "../metadata.ts";
import type { FetchLike } from "../transport/fetch-like.ts";
import type { RetryOptions } from "../transport/retry-policy.ts";
import type { ValidateResponses } from "../validation/divergence.ts";

/** Options every vendor client accepts. Each is checked when the client is made (a `TypeError` names it). */
export interface ClientOptions {
  /** The credential: a token, or a function returning the current one (called once per call). */
  readonly token: TokenSource;
  /** Overrides the spec's server URL (a proxy, a mock server, a test instance). */
  readonly baseUrl?: string;
  /**
   * A custom `fetch`, called with one `Request` per request sent (openapi-fetch's `fetch` option).
   * Defaults to `globalThis.fetch`, looked up at call time. A call may pass its own.
   */
  readonly fetch?: FetchLike;
  /** Headers sent with every request (a call's own headers win). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Retry settings, or `false` to never retry. Defaults: 2 retries, 0.5 s doubling backoff, 25% jitter. */
  readonly retry?: RetryOptions | false;
  /**
   * Time limit of each attempt in ms, from sending the request to reading the last byte of the body
   * (redirects included). 1 to 2 147 483 647; `false` or `Infinity` for none. Default 60 000.
   */
  readonly timeoutMs?: number | false;
  /**
   * The client-side rate limit. Defaults to the vendor's published limit (WebWork: 60 per minute);
   * `false` turns it off. Calls over the limit wait in order instead of failing.
   */
  readonly rateLimit?: RateLimitMeta | false;
  /** openapi-fetch middleware run on every call, before a call's own (it sees no credential). */
  readonly middleware?: readonly Middleware[];
  /** Least severe level logged. Default `warn` (retries); `debug` logs every attempt, redacted. */
  readonly logLevel?: LogLevel;
  /** Where log lines go. Default `console`. */
  readonly logger?: Logger;
  /**
   * Checks every JSON success body against the spec: `"warn"` logs one line per divergence through
   * `logger`, `"error"` answers a `ResponseValidationError` listing them. Default `"off"`; the
   * validators load on first use. A call may pass its own.
   */
  readonly validateResponses?: ValidateResponses;
  /** Source of randomness for backoff jitter (tests pass a constant). */
  readonly random?: () => number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
