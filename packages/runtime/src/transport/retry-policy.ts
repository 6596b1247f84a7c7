/** Retry settings, per client and per request. Defaults follow Stainless-generated SDKs. */
export interface RetryOptions {
  /** Retries after the first attempt; 0 disables retrying. Default 2. */
  readonly maxRetries?: number;
  /** First backoff delay; doubles each retry. Default 500 ms. */
  readonly baseDelayMs?: number;
  /** Cap on one computed backoff delay. Default 8 s. */
  readonly maxDelayMs?: number;
  /** The longest `Retry-After` honoured; a longer one is not waited for and the error is returned. Default 60 s. */
  readonly maxRetryAfterMs?: number;
}

export type ResolvedRetryOptions = Required<RetryOptions>;

/**
 * Whether an operation may be sent again after a failure, by its method alone: every method but POST
 * and PATCH. A POST the spec marks `x-retry-safe` is listed in the metadata with `retrySafe`. Codegen
 * applies the same rule when it decides which operations to list.
 */
export function retrySafeByMethod(method: string): boolean {
  return method !== "post" && method !== "patch";
}

export const DEFAULT_RETRY: ResolvedRetryOptions = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

const RETRY_STATUSES = new Set([408, 429]);

export function isRetryableStatus(status: number): boolean {
  return RETRY_STATUSES.has(status) || status >= 500;
}

/** Seconds (or milliseconds) as RFC 9110 writes them: digits, optionally with a fraction, no sign. */
const DELAY_NUMBER = /^\d+(\.\d+)?$/;
/**
 * An HTTP date (RFC 9110 §5.6.7): IMF-fixdate, or the obsolete RFC 850 and asctime forms, which all
 * start with a day name. `Date.parse` alone would read "-1" or "2026" as a date.
 */
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /i;

/**
 * The server's requested wait in ms from `retry-after-ms`, or `Retry-After` as seconds or an HTTP
 * date (a date already past is 0). `undefined` when absent, negative or unparsable: the caller then
 * backs off as if the server had said nothing.
 */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms")?.trim();
  if (ms !== undefined && DELAY_NUMBER.test(ms)) return Number(ms);
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (DELAY_NUMBER.test(value)) return Number(value) * 1000;
  if (!HTTP_DATE.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with up to 25% jitter: `min(base·2^retry, max) · (1 − rand·0.25)`. */
export function backoffDelay(retry: number, options: ResolvedRetryOptions, random: () => number): number {
  const delay = Math.min(options.baseDelayMs * 2 ** retry, options.maxDelayMs);
  return Math.round(delay * (1 - random() * 0.25));
}

/**
 * How long to wait before retry number `retry` (0-based) after a retryable response, or `undefined`
 * when the server asks for longer than the cap.
 */
export function retryDelay(
  retry: number,
  headers: Headers | undefined,
  options: ResolvedRetryOptions,
  random: () => number,
): number | undefined {
  const asked = headers ? parseRetryAfter(headers) : undefined;
  if (asked === undefined) return backoffDelay(retry, options, random);
  return asked <= options.maxRetryAfterMs ? asked : undefined;
}
