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

/** Exponential backoff with up to 25% jitter: `min(base·2^retry, max) · (1 − rand·0.25)`. */
export function backoffDelay(retry: number, options: ResolvedRetryOptions, random: () => number): number {
  const delay = Math.min(options.baseDelayMs * 2 ** retry, options.maxDelayMs);
  return Math.round(delay * (1 - random() * 0.25));
}

/**
 * How long to wait before retry number `retry` (0-based) after a retryable response, or `undefined`
 * when the server asks for longer than the cap.
 */
export async function retryDelay(
  retry: number,
  headers: Headers,
  options: ResolvedRetryOptions,
  random: () => number,
): Promise<number | undefined> {
  const asked = await requestedWait(headers);
  if (asked === undefined) return backoffDelay(retry, options, random);
  return asked <= options.maxRetryAfterMs ? asked : undefined;
}

/**
 * The wait the server asked for (`retry-after.ts`, imported on the first retryable response); when
 * that code cannot be loaded, the wait counts as absent and the default backoff applies.
 */
function requestedWait(headers: Headers): Promise<number | undefined> {
  return import("./retry-after.ts").then(
    ({ parseRetryAfter }) => parseRetryAfter(headers),
    () => undefined,
  );
}
