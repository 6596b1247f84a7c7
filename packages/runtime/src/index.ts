// The public API: what users call and what the generated vendor packages import. Anything else in
// src/ is internal; test/packaging/export-surface.json records this list.
export type { TokenSource } from "./auth/auth-plan.ts";
export {
  authorizeUrl,
  exchangeCode,
  memoryTokenStore,
  type OAuthConfig,
  oauthToken,
  type RefreshableToken,
  refreshTokens,
  type TokenSet,
  type TokenStore,
} from "./auth/oauth.ts";
export type { ClientOptions } from "./client/client-options.ts";
export { createApiClient } from "./client/create-api-client.ts";
export type {
  ApiClient,
  ApiMethod,
  ApiResult,
  InitOf,
  Page,
  PaginatedShape,
  PaginateLimits,
  Paginator,
  RequestControls,
  SuccessData,
} from "./client/types.ts";
export { unwrap } from "./client/unwrap.ts";
export {
  AbortedError,
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  type ErrorDetails,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
  TimeoutError,
  UnprocessableEntityError,
} from "./errors/api-error.ts";
export type { RedactedRequest } from "./errors/redact.ts";
export type { Logger, LogLevel } from "./logging/logger.ts";
export type {
  ApiMeta,
  AuthSchemeMeta,
  EnvelopeMeta,
  HttpMethodName,
  OperationMeta,
  PaginationMeta,
  RateLimitMeta,
  VendorMeta,
  WebhookSignatureMeta,
} from "./metadata.ts";
export type { FetchLike } from "./transport/fetch-like.ts";
export type { RetryOptions } from "./transport/retry-policy.ts";
export type {
  Divergence,
  DivergenceKind,
  ResponseValidators,
  ResponseValidatorsLoader,
  ValidateResponses,
} from "./validation/divergence.ts";
export {
  createWebhookParser,
  createWebhookVerifier,
  signWebhook,
  verifyWebhook,
  type WebhookEvent,
  type WebhookFailure,
  type WebhookInput,
  type WebhookParser,
  type WebhookPayloads,
  WebhookVerificationError,
  type WebhookVerifier,
} from "./webhooks/verify-webhook.ts";
