import type { ExtractedMeta } from "./extract-meta.ts";

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
  "TimeoutError",
  "UnprocessableEntityError",
  "unwrap",
  "type ApiResult",
  "type Logger",
  "type LogLevel",
  "type Paginator",
  "type RetryOptions",
];

/** `index.ts` of the generated folder: the package's public surface, re-exported by `src/index.ts`. */
export function emitEntry(meta: ExtractedMeta): string {
  const name = meta.vendor.clientName;
  const webhooks = meta.vendor.webhookSignature ? `, ${name[0]?.toLowerCase()}${name.slice(1)}Webhooks` : "";
  return [
    `export { create${name}Client, type ${name}Client, type ${name}ClientOptions${webhooks} } from "./client.ts";`,
    `export type { ${name}ErrorCode, ${name}OperationId, ${name}PaginatedOperations } from "./operations.ts";`,
    'export type { components, operations, paths, webhooks } from "./schema.ts";',
    `export { ${RUNTIME_EXPORTS.join(", ")} } from "@workapis/runtime";`,
    "",
  ].join("\n");
}
