import { AbortedError, ApiError, ConnectionError, TimeoutError } from "../errors/api-error.ts";
import type { RedactedRequest } from "../errors/redact.ts";
import type { Logger } from "../logging/logger.ts";
import type { RateLimiter } from "./rate-limiter.ts";
import { backoffDelay, isRetryableStatus, type ResolvedRetryOptions, retryDelay } from "./retry-policy.ts";
import { sleep } from "./sleep.ts";

export type FetchLike = (request: Request) => Promise<Response>;

/** What one logical call may do: decided per call from the operation metadata and options. */
export interface SendControl {
  readonly fetch: FetchLike;
  readonly retrySafe: boolean;
  readonly retry: ResolvedRetryOptions;
  readonly timeoutMs: number;
  readonly limiter: RateLimiter | undefined;
  readonly random: () => number;
  readonly redact: (request: Request) => RedactedRequest;
  /** Receives one debug line per attempt and a warning per retry, all redacted. */
  readonly log: Logger;
  /** Whether debug lines are wanted: the per-attempt lines are not even built otherwise (hot path). */
  readonly debug: boolean;
}

/** What the call saw: the final response (if any) and how many attempts it took. */
export interface SendRecord {
  response?: Response;
  attempts: number;
}

/**
 * Sends one logical request: waits for the rate limiter, applies a per-attempt timeout, and retries
 * connection failures, timeouts, 408, 429 and 5xx with backoff when the operation is safe to repeat.
 * Transport failures become `ConnectionError`, `TimeoutError` or `AbortedError`.
 */
export async function send(request: Request, control: SendControl, record: SendRecord): Promise<Response> {
  const callerSignal = request.signal;
  // Redacted once per call, and only when a log line or an error needs it: not on the success path.
  let redacted: RedactedRequest | undefined;
  const who = () => {
    redacted ??= control.redact(request);
    return redacted;
  };
  for (let retry = 0; ; retry++) {
    const canRetry = control.retrySafe && retry < control.retry.maxRetries;
    try {
      await control.limiter?.acquire(callerSignal);
    } catch (cause) {
      throw abortedError(request, control, cause);
    }
    // One controller per attempt, aborted by the timer or the caller (cheaper than AbortSignal.any/timeout).
    const controller = new AbortController();
    const timeout = controller.signal;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException("The attempt timed out", "TimeoutError"));
    }, control.timeoutMs);
    const onCallerAbort = () => controller.abort(callerSignal.reason);
    callerSignal.addEventListener("abort", onCallerAbort, { once: true });
    const release = () => {
      clearTimeout(timer);
      callerSignal.removeEventListener("abort", onCallerAbort);
    };
    const attempt = new Request(request.body === null ? request : request.clone(), { signal: timeout });
    record.attempts = retry + 1;
    const started = Date.now();
    if (control.debug) control.log.debug(`${who().method} ${who().url} (attempt ${record.attempts})`);
    let response: Response;
    try {
      response = await control.fetch(attempt);
    } catch (cause) {
      release();
      if (callerSignal.aborted) throw abortedError(request, control, cause);
      const error = timedOut
        ? new TimeoutError({
            message: `Request timed out after ${control.timeoutMs} ms`,
            request: who(),
            cause,
          })
        : cause instanceof ApiError
          ? cause
          : new ConnectionError({
              message: `Connection failed: ${describe(cause)}`,
              request: who(),
              cause,
            });
      if (!canRetry || cause instanceof ApiError) throw error;
      const delay = backoffDelay(retry, control.retry, control.random);
      control.log.warn(`${who().method} ${who().url}: ${error.message}; retrying in ${delay} ms`);
      await pause(delay, request, control);
      continue;
    }
    // Timeout and caller abort cover the attempt until the response headers arrive (as in Stainless SDKs).
    release();
    record.response = response;
    if (control.debug)
      control.log.debug(`${who().method} ${who().url} → ${response.status} in ${Date.now() - started} ms`);
    if (!canRetry || !isRetryableStatus(response.status)) return response;
    const delay = retryDelay(retry, response.headers, control.retry, control.random);
    if (delay === undefined) return response;
    control.log.warn(`${who().method} ${who().url}: HTTP ${response.status}; retrying in ${delay} ms`);
    // Release the discarded body without waiting on it (some fetch implementations never settle cancel()).
    response.body?.cancel().catch(() => undefined);
    await pause(delay, request, control);
  }
}

async function pause(ms: number, request: Request, control: SendControl): Promise<void> {
  try {
    await sleep(ms, request.signal);
  } catch (cause) {
    throw abortedError(request, control, cause);
  }
}

function abortedError(request: Request, control: SendControl, cause: unknown): AbortedError {
  return new AbortedError({
    message: "Request aborted by the caller",
    request: control.redact(request),
    cause,
  });
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : "";
    return `${cause.message}${inner}`;
  }
  return String(cause);
}
