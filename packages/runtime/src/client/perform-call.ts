import { canRefresh } from "../auth/auth-plan.ts";
import { AbortedError, ApiError, InvalidResponseError } from "../errors/api-error.ts";
import type { RedactedRequest } from "../errors/redact.ts";
import type { HttpMethodName } from "../metadata.ts";
import { scrubberFor } from "../secrets/scrub.ts";
import { backoffDelay, isRetryableStatus, retryDelay, retrySafeByMethod } from "../transport/retry-policy.ts";
import { sleep } from "../transport/sleep.ts";
import { errorOfEmptyBody, errorOfErrorResponse, errorOfThrown } from "./attempt-error.ts";
import { callSettings } from "./call-settings.ts";
import type { ClientContext } from "./client-context.ts";
import { currentToken } from "./current-token.ts";
import { finishError } from "./finish-error.ts";
import { outgoingRequest } from "./outgoing-request.ts";
import { sendAttempt } from "./send-attempt.ts";
import type { AnyResult, CallInit } from "./types.ts";

/**
 * One call, step by step: the call's settings → the token → how its requests leave → per attempt:
 * a rate-limit slot → the attempt sent and read under one deadline → a result, a typed error, a
 * retry after a pause, or (after a 401, once) the whole call again with a refreshed token. Every
 * error handed out says how many attempts it took and holds none of the call's secrets.
 */
export async function performCall(
  context: ClientContext,
  method: HttpMethodName,
  path: string,
  init: CallInit,
  refreshed = false,
): Promise<AnyResult> {
  const { log, debug, limiter, responseIdHeader } = context;
  const op = context.routes[method].get(path);
  const settings = callSettings(context.defaults, init);
  const { signal, rest } = settings;
  const requestIdOf = (response: Response | undefined) =>
    response?.headers.get(responseIdHeader) ?? undefined;

  const token =
    typeof context.token === "string" ? context.token : await currentToken(context.token, refreshed);
  const scrub = scrubberFor(typeof token === "string" ? [token] : []);
  const failure = (error: ApiError, attempts: number, response?: Response): AnyResult => ({
    error: finishError(error, attempts, scrub),
    response,
    requestId: requestIdOf(response),
  });
  if (token instanceof ApiError) return failure(token, 0);

  const outgoing = outgoingRequest(context, method, op, settings, token);
  // A streamed body can be read once, so such a call is never sent twice.
  const retrySafe = (op?.retrySafe ?? retrySafeByMethod(method)) && !(rest["body"] instanceof ReadableStream);
  const label = (who: RedactedRequest | undefined) =>
    who ? `${who.method} ${who.url}` : `${method.toUpperCase()} ${path}`;
  const aborted = (who: RedactedRequest | undefined, cause?: unknown) =>
    new AbortedError({ message: "Request aborted by the caller", request: who, cause });
  /** Logs the retry and waits; `false` when the caller aborted meanwhile. */
  const retryAfter = async (delay: number, why: string): Promise<boolean> => {
    log.warn(scrub(`${why}; retrying in ${delay} ms`));
    try {
      await sleep(delay, signal);
      return true;
    } catch {
      return false;
    }
  };

  for (let attempt = 1; ; attempt++) {
    const canRetry = retrySafe && attempt <= settings.retry.maxRetries;

    // A rate-limit slot, held until this attempt ends.
    let release: (() => void) | undefined;
    try {
      release = limiter && (await limiter.hold(signal));
    } catch (cause) {
      return failure(aborted(undefined, cause), attempt - 1);
    }

    const sent = await sendAttempt(
      context,
      method,
      path,
      outgoing,
      settings,
      (request) => debug && log.debug(scrub(`${label(context.redact(request))} (attempt ${attempt})`)),
      release,
    );
    const { result, received } = sent;
    // The request as errors and log lines show it (redacted), made the first time one needs it.
    let redacted: RedactedRequest | undefined;
    const who = () => (redacted ??= sent.sent && context.redact(sent.sent));

    if (result === undefined) {
      const { thrown } = sent;
      if (thrown instanceof ApiError) return failure(thrown, attempt, received);
      if (signal?.aborted) return failure(aborted(who(), thrown), attempt, received);
      const error = errorOfThrown(sent, settings.timeoutMs, who(), requestIdOf(received));
      if (!canRetry || error instanceof InvalidResponseError) return failure(error, attempt, received);
      const delay = backoffDelay(attempt - 1, settings.retry, context.random);
      if (!(await retryAfter(delay, `${label(who())}: ${error.message}`)))
        return failure(aborted(who()), attempt, received);
      continue;
    }

    const { response } = result;
    const { status } = response;
    if (debug) log.debug(scrub(`${label(who())} → ${status} in ${Date.now() - sent.started} ms`));
    if (canRetry && isRetryableStatus(status)) {
      const delay = await retryDelay(attempt - 1, response.headers, settings.retry, context.random);
      if (delay !== undefined) {
        if (!(await retryAfter(delay, `${label(who())}: HTTP ${status}`)))
          return failure(aborted(who()), attempt, response);
        continue;
      }
    }
    if (status === 401 && !refreshed && canRefresh(context.token))
      return performCall(context, method, path, init, true);

    const requestId = requestIdOf(response);
    // What an error says of this response, made when there is one.
    const facts = () => ({ status, headers: response.headers, requestId, attempts: attempt, request: who() });
    const parseAs = outgoing.init["parseAs"];
    const error =
      !response.ok || context.isFailureEnvelope(result.data)
        ? await errorOfErrorResponse(
            facts(),
            response.ok ? result.data : (result.error ?? ""),
            context.vendor.envelope,
          )
        : (errorOfEmptyBody(result, facts, op, parseAs) ??
          // Opt-in: the success body against the spec (client/review-response.ts).
          (settings.validateResponses !== "off" && parseAs === "json"
            ? await context.review?.(
                settings.validateResponses,
                { ...facts(), method, path, body: result.data },
                log,
                scrub,
              )
            : undefined));
    return error ? failure(error, attempt, response) : { data: result.data, response, requestId };
  }
}
