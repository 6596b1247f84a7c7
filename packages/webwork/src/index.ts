export {
  createWebWorkClient,
  type WebWorkClient,
  type WebWorkClientOptions,
} from "./generated/client.ts";
export type {
  WebWorkErrorCode,
  WebWorkOperationId,
  WebWorkPaginatedOperations,
} from "./generated/operations.ts";
export type { components, operations, paths, webhooks } from "./generated/schema.ts";
export {
  AbortedError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
  unwrap,
} from "@workapis/runtime";
