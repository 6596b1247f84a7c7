import type { SpecModel } from "./spec-model.ts";

const RUNTIME_EXPORTS = [
  "AbortedError",
  "ApiError",
  "AuthenticationError",
  "BadRequestError",
  "ConflictError",
  "ConnectionError",
  "InternalServerError",
  "InvalidResponseError",
  "NotFoundError",
  "PermissionDeniedError",
  "RateLimitError",
  "ResponseValidationError",
  "TimeoutError",
  "UnprocessableEntityError",
  "unwrap",
  "type ApiResult",
  "type Divergence",
  "type Logger",
  "type LogLevel",
  "type Paginator",
  "type RetryOptions",
  "type ValidateResponses",
];

/** The OAuth helpers, for a vendor with an OAuth 2.0 scheme: users get them without installing the runtime. */
const OAUTH_EXPORTS = [
  "authorizeUrl",
  "exchangeCode",
  "memoryTokenStore",
  "oauthToken",
  "refreshTokens",
  "type OAuthConfig",
  "type RefreshableToken",
  "type TokenSet",
  "type TokenStore",
];

/** `index.ts` of the generated folder: the package's public surface, re-exported by `src/index.ts`. */
export function emitEntry(meta: SpecModel): string {
  const name = meta.vendor.clientName;
  const signed = meta.vendor.webhookSignature !== undefined;
  const webhooks = signed ? `, ${name[0]?.toLowerCase()}${name.slice(1)}Webhooks` : "";
  const runtime = [
    ...RUNTIME_EXPORTS,
    // What a webhook handler catches.
    ...(signed ? ["WebhookVerificationError"] : []),
    ...(meta.vendor.auth.some((scheme) => scheme.type === "oauth2") ? OAUTH_EXPORTS : []),
  ];
  return [
    `export { create${name}Client, type ${name}Client, type ${name}ClientOptions${webhooks} } from "./client.ts";`,
    `export type { ${name}ErrorCode, ${name}OperationId, ${name}PaginatedOperations } from "./operations.ts";`,
    'export type { components, operations, paths, webhooks } from "./schema.ts";',
    `export { ${runtime.join(", ")} } from "@workapis/runtime";`,
    "",
  ].join("\n");
}
