import { AbortedError, ApiError, ConnectionError, TimeoutError } from "../errors/api-error.ts";
import type { RedactedRequest } from "../errors/redact.ts";
import type { Logger } from "../logging/logger.ts";
import { attemptAbort } from "./attempt-abort.ts";
import type { FetchLike } from "./fetch-like.ts";
import type { OutgoingRequest } from "./outgoing-request.ts";
import type { RateLimiter } from "./rate-limiter.ts";
import { backoffDelay, isRetryableStatus, type ResolvedRetryOptions, retryDelay } from "./retry-policy.ts";
import { sleep } from "./sleep.ts";

/** What one logical call may do: decided per call from the operation metadata and options. */
export interface SendControl {
  readonly fetch: FetchLike;
  readonly retrySafe: boolean;
  readonly retry: ResolvedRetryOptions;
  readonly timeoutMs: number;
  /** The caller's signal, when it passed one. */
  readonly signal: AbortSignal | undefined;
  readonly limiter: RateLimiter | undefined;
  readonly random: () => number;
  readonly redact: (request: OutgoingRequest) => RedactedRequest;
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
 *
 * Every attempt sends the same body: a string, form or blob can be sent again as it is, and a stream
 * that may have to be sent again is split before each attempt, one branch kept for the next. Each
 * attempt gets its own signal as fetch's `init.signal`.
 */
export async function send(
  request: OutgoingRequest,
  control: SendControl,
  record: SendRecord,
): Promise<Response> {
  const callerSignal = control.signal;
  let body = request.body;
  for (let retry = 0; ; retry++) {
    const canRetry = control.retrySafe && retry < control.retry.maxRetries;
    // Without a limiter there is nothing to wait for: not even an `await undefined` (a turn of the queue).
    if (control.limiter) {
      try {
        await control.limiter.acquire(callerSignal);
      } catch (cause) {
        throw abortedError(request, control, cause);
      }
    }
    const abort = attemptAbort(callerSignal);
    let sending = body;
    // Sending a stream consumes it: keep a branch of it while another attempt may have to send it.
    if (canRetry && body instanceof ReadableStream) [sending, body] = body.tee();
    record.attempts = retry + 1;
    // Log lines (and the clock read for them) only when wanted: the success path builds none.
    const started = control.debug ? Date.now() : 0;
    if (control.debug) control.log.debug(`${line(control.redact(request))} (attempt ${record.attempts})`);
    let response: Response;
    try {
      response = await abort.send(control.fetch, request, sending, control.timeoutMs);
    } catch (cause) {
      if (callerSignal?.aborted) throw abortedError(request, control, cause);
      const who = control.redact(request);
      const error = abort.timedOut
        ? new TimeoutError({
            message: `Request timed out after ${control.timeoutMs} ms`,
            request: who,
            cause,
          })
        : cause instanceof ApiError
          ? cause
          : new ConnectionError({ message: `Connection failed: ${describe(cause)}`, request: who, cause });
      if (!canRetry || cause instanceof ApiError) throw error;
      const delay = backoffDelay(retry, control.retry, control.random);
      control.log.warn(`${line(who)}: ${error.message}; retrying in ${delay} ms`);
      await pause(delay, request, control);
      continue;
    }
    record.response = response;
    if (control.debug)
      control.log.debug(
        `${line(control.redact(request))} → ${response.status} in ${Date.now() - started} ms`,
      );
    if (!canRetry || !isRetryableStatus(response.status)) return response;
    const delay = retryDelay(retry, response.headers, control.retry, control.random);
    if (delay === undefined) return response;
    control.log.warn(`${line(control.redact(request))}: HTTP ${response.status}; retrying in ${delay} ms`);
    // Release the discarded body without waiting on it (some fetch implementations never settle cancel()).
    response.body?.cancel().catch(() => undefined);
    await pause(delay, request, control);
  }
}

/** `GET https://…/path` of a redacted request: made only for a log line. */
function line({ method, url }: RedactedRequest): string {
  return `${method} ${url}`;
}

async function pause(ms: number, request: OutgoingRequest, control: SendControl): Promise<void> {
  try {
    await sleep(ms, control.signal);
  } catch (cause) {
    throw abortedError(request, control, cause);
  }
}

function abortedError(request: OutgoingRequest, control: SendControl, cause: unknown): AbortedError {
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
