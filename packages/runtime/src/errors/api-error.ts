import type { Divergence } from "../validation/divergence.ts";
import type { RedactedRequest } from "./redact.ts";

/** Field-level problems a vendor reported, normalised to field → messages. */
export type ErrorDetails = Readonly<Record<string, readonly string[]>>;

export interface ApiErrorInit<Code, Body> {
  readonly message: string;
  readonly status?: number | undefined;
  readonly code?: Code | undefined;
  readonly details?: ErrorDetails | undefined;
  readonly requestId?: string | undefined;
  readonly request?: RedactedRequest | undefined;
  readonly headers?: Headers | undefined;
  readonly body?: Body | undefined;
  readonly cause?: unknown;
  /** How many times the request was sent (retries included); `undefined` when nothing was sent. */
  readonly attempts?: number | undefined;
}

/**
 * Every failure a client reports: an HTTP error status, a failure envelope inside HTTP 200, a body
 * that is not the JSON the spec promises, a connection failure, a timeout or an abort.
 * `code` is the vendor's own error code, typed per vendor (`WebWorkErrorCode`, …).
 */
export class ApiError<Code = string | number, Body = unknown> extends Error {
  override readonly name: string = "ApiError";
  // `declare`: set once in the constructor, so no class-field definitions are emitted (bundle size).
  /** HTTP status; `undefined` when no response arrived (connection, timeout, abort). */
  declare readonly status: number | undefined;
  declare readonly code: Code | undefined;
  declare readonly details: ErrorDetails | undefined;
  declare readonly requestId: string | undefined;
  /** The request, with credentials redacted. */
  declare readonly request: RedactedRequest | undefined;
  declare readonly headers: Headers | undefined;
  /** The parsed response body (the vendor's error envelope), when there was one. */
  declare readonly body: Body | undefined;
  /** How many times the request was sent (retries included); `undefined` when nothing was sent. */
  declare readonly attempts: number | undefined;

  constructor(init: ApiErrorInit<Code, Body>) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId;
    this.request = init.request;
    this.headers = init.headers;
    this.body = init.body;
    this.attempts = init.attempts;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      code: this.code,
      details: this.details,
      requestId: this.requestId,
      request: this.request,
      attempts: this.attempts,
    };
  }
}

/* One subclass per status family, so `instanceof` reads like the vendor's documentation. */
export class BadRequestError<C = string | number, B = unknown> extends ApiError<C, B> {
  override readonly name = "BadRequestError";
}
export class AuthenticationError<C = string | number, B = unknown> extends ApiError<C, B> {
  override readonly name = "AuthenticationError";
}
export class PermissionDeniedError<C = string | number, B = unknown> extends ApiError<C, B> {
  override readonly name = "PermissionDeniedError";
}
export class NotFoundError<C = string | number, B = unknown> extends ApiError<C, B> {
  override readonly name = "NotFoundError";
}
export class ConflictError<C = string | number, B = unknown> extends ApiError<C, B> {
  override readonly name = "ConflictError";
}
export class UnprocessableEntityError<C = string | number, B = unknown> extends ApiError<C, B> {
  override readonly name = "UnprocessableEntityError";
}
export class RateLimitError<C = string | number, B = unknown> extends ApiError<C, B> {
  override readonly name = "RateLimitError";
}
export class InternalServerError<C = string | number, B = unknown> extends ApiError<C, B> {
  override readonly name = "InternalServerError";
}
/** A 2xx response whose body is not the JSON the spec promises (HTML, truncated, empty). */
export class InvalidResponseError<C = string | number, B = unknown> extends ApiError<C, B> {
  override readonly name = "InvalidResponseError";
}
/** No response arrived: DNS, refused or reset connection. */
export class ConnectionError<C = string | number, B = unknown> extends ApiError<C, B> {
  override readonly name: string = "ConnectionError";
}
export class TimeoutError<C = string | number, B = unknown> extends ConnectionError<C, B> {
  override readonly name = "TimeoutError";
}
/** The caller's `AbortSignal` fired. */
export class AbortedError<C = string | number, B = unknown> extends ApiError<C, B> {
  override readonly name = "AbortedError";
}
/**
 * A success response whose body differs from the spec (with `validateResponses: "error"`).
 * `divergences` lists every difference found, each with the operation, a JSON pointer, what the spec
 * expected and the JSON type that came; never a value from the response.
 */
export class ResponseValidationError<C = string | number, B = unknown> extends ApiError<C, B> {
  override readonly name = "ResponseValidationError";
  declare readonly divergences: readonly Divergence[];

  constructor(init: ApiErrorInit<C, B> & { readonly divergences: readonly Divergence[] }) {
    super(init);
    this.divergences = init.divergences;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), divergences: this.divergences };
  }
}

type ErrorClass = new <C, B>(init: ApiErrorInit<C, B>) => ApiError<C, B>;

const BY_STATUS: ReadonlyMap<number, ErrorClass> = new Map<number, ErrorClass>([
  [400, BadRequestError],
  [401, AuthenticationError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [409, ConflictError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
]);

/** The error class for an HTTP status: exact matches first, then ≥500, then the base class. */
export function errorClassForStatus(status: number): ErrorClass {
  return BY_STATUS.get(status) ?? (status >= 500 ? InternalServerError : ApiError);
}
