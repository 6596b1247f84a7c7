import {
  type ApiError,
  ConnectionError,
  errorClassForStatus,
  InvalidResponseError,
  TimeoutError,
} from "../errors/api-error.ts";
import type { RedactedRequest } from "../errors/redact.ts";
import type { EnvelopeMeta, OperationMeta } from "../metadata.ts";
import { describeCause } from "./describe-cause.ts";
import type { Attempt, FetchResult } from "./send-attempt.ts";

/** What an error says about the response it came with. */
interface Facts {
  readonly status: number;
  readonly headers: Headers;
  readonly requestId: string | undefined;
  readonly request: RedactedRequest | undefined;
  readonly attempts: number;
}

/** The error of an attempt that ended without a result: timed out, a success whose body is no JSON, or a broken connection. */
export function errorOfThrown(
  attempt: Attempt,
  timeoutMs: number | undefined,
  request: RedactedRequest | undefined,
  requestId: string | undefined,
): ApiError {
  const { thrown: cause, received } = attempt;
  if (attempt.timedOut)
    return new TimeoutError({ message: `Request timed out after ${timeoutMs} ms`, request, cause });
  if (received?.ok)
    return new InvalidResponseError({
      message: `HTTP ${received.status} with a body that is not valid JSON`,
      status: received.status,
      headers: received.headers,
      requestId,
      request,
      cause,
    });
  return new ConnectionError({
    message: `${received ? "Connection failed while reading the response" : "Request failed before a response arrived"}: ${describeCause(cause)}`,
    request,
    cause,
  });
}

/**
 * The error of a 2xx whose body is empty where the operation declares JSON, or `undefined` (204, and a
 * status the spec declares without content, are not broken).
 */
export function errorOfEmptyBody(
  result: FetchResult,
  facts: () => Facts,
  op: OperationMeta | undefined,
  parseAs: unknown,
): ApiError | undefined {
  const { status } = result.response;
  if (
    result.data !== undefined ||
    status === 204 ||
    parseAs !== "json" ||
    op?.emptyStatuses?.includes(status)
  )
    return undefined;
  return new InvalidResponseError({
    ...facts(),
    message: `HTTP ${status} with an empty body where the operation declares JSON`,
  });
}

/**
 * The typed error of an error response (an error status, or the vendor's failure envelope inside a
 * 2xx), read from the vendor's envelope by `error-from-response.ts`, which is imported on the first
 * error response. When that code cannot be loaded, the error is still the one of its status, with
 * the load failure as its cause.
 */
export function errorOfErrorResponse(facts: Facts, body: unknown, envelope: EnvelopeMeta): Promise<ApiError> {
  return import("../errors/error-from-response.ts").then(
    ({ errorFromResponse }) => errorFromResponse(facts, body, envelope),
    (cause: unknown) =>
      new (errorClassForStatus(facts.status))({ ...facts, message: `HTTP ${facts.status}`, cause }),
  );
}
