import type { ApiMeta, AuthSchemeMeta, OperationMeta, PaginationMeta } from "@workapis/runtime";
import { retrySafeByMethod } from "../../packages/runtime/src/transport/retry-policy.ts";
import { fromPointer } from "./spec-error.ts";
import type { ModelOperation, PaginatedOperation, SpecModel } from "./spec-model.ts";

const key = (s: string) => JSON.stringify(s);

/** The TypeScript type of one item of a paginated operation, read through the `paths` type. */
function itemType(p: PaginatedOperation): string {
  let type = `paths[${key(p.op.path)}][${key(p.op.method)}]["responses"][${p.successStatus}]["content"][${key(p.mediaType)}]`;
  for (const segment of fromPointer(p.op.pagination.items)) type = `NonNullable<${type}>[${key(segment)}]`;
  return `NonNullable<${type}>[number]`;
}

/** What the client assumes of an unlisted operation's retry safety. */
const safeByMethod = (op: OperationMeta) => retrySafeByMethod(op.method);

/**
 * Whether the client needs the operation listed: one that is retry-safe as its method implies, has no
 * pagination, no `security: []`, no server of its own and a JSON body behaves the same unlisted.
 */
function runtimeNeeds(op: OperationMeta): boolean {
  return (
    (op.retrySafe ?? safeByMethod(op)) !== safeByMethod(op) ||
    op.pagination !== undefined ||
    op.secured === false ||
    op.baseUrl !== undefined ||
    op.parseAs !== undefined ||
    op.emptyStatuses !== undefined
  );
}

/**
 * The schemes the client reads: it sends the first API key scheme as declared and otherwise a bearer
 * token (http bearer and OAuth 2.0 alike), so only that API key scheme is listed. OAuth endpoints and
 * scopes are for `authorizeUrl`/`exchangeCode` and the docs.
 */
function runtimeAuth(schemes: readonly AuthSchemeMeta[]): AuthSchemeMeta[] {
  return schemes.filter((scheme) => scheme.type === "apiKey").slice(0, 1);
}

/**
 * What the client reads of an operation: `retrySafe` only where it differs from what the method
 * implies, and only the facts that change its behaviour; no operationId (the client finds operations
 * by method and path, and names them so in its messages).
 */
function runtimeOperation(model: ModelOperation): OperationMeta {
  const { method, path, pagination, secured, baseUrl, parseAs, emptyStatuses, retrySafe } = model;
  return {
    method,
    path,
    ...(pagination ? { pagination: runtimePagination(pagination) } : {}),
    ...(secured ? {} : { secured: false }),
    ...(baseUrl ? { baseUrl } : {}),
    ...(parseAs ? { parseAs } : {}),
    ...(emptyStatuses.length > 0 ? { emptyStatuses } : {}),
    ...(retrySafe === retrySafeByMethod(method) ? {} : { retrySafe }),
  };
}

/** Pagination as `paginate()` reads it: the largest page size is for the mock and the docs. */
function runtimePagination({ maxSize: _, ...pagination }: PaginationMeta): PaginationMeta {
  return pagination;
}

/**
 * The metadata object the client is built from: only what `createApiClient` reads, since every byte
 * of it lands in a consumer's bundle. The webhook scheme is written beside the verifier in client.ts.
 */
function runtimeMeta({ vendor, operations, errorCodes }: SpecModel): ApiMeta {
  // The client's name is in its exports' names already; the webhook scheme goes beside the verifier.
  const { webhookSignature: _, clientName: _name, rateLimit, ...client } = vendor;
  return {
    vendor: {
      ...client,
      // Only the documented codes are read as `ApiError.code`; any other value there joins the message.
      ...(client.envelope.code === undefined ? {} : { envelope: { ...client.envelope, codes: errorCodes } }),
      auth: runtimeAuth(client.auth),
      // The limiter reads the numbers; the scope (per user, per account) is for the docs.
      ...(rateLimit ? { rateLimit: { requests: rateLimit.requests, perSeconds: rateLimit.perSeconds } } : {}),
    },
    operations: operations.map(runtimeOperation).filter(runtimeNeeds),
  };
}

/** `operations.ts`: the runtime metadata object and the types the client is parameterised by. */
export function emitOperations(meta: SpecModel): string {
  const { vendor, operations, paginated, errorCodeSchema } = meta;
  const name = vendor.clientName;
  const lines = [
    `import type { ApiMeta } from "@workapis/runtime";`,
    `import type { ${errorCodeSchema ? "components, " : ""}paths } from "./schema.ts";`,
    "",
    `/**`,
    ` * Runtime metadata of the ${name} API, read from the spec's x-workapis, x-pagination and x-retry-safe.`,
    ` * Lists the operations the client needs to know about: a POST/PATCH that is safe to retry, and any`,
    ` * that is paginated, unsecured, on its own server or answers other than JSON; every other one behaves`,
    ` * as its method implies.`,
    ` */`,
    `export const meta = ${JSON.stringify(runtimeMeta(meta), null, 2)} as const satisfies ApiMeta;`,
    "",
    `/** The vendor's documented error codes (\`ApiError.code\`); \`never\` when it documents none. */`,
    `export type ${name}ErrorCode = ${errorCodeSchema ? `components["schemas"][${key(errorCodeSchema)}]` : "never"};`,
    "",
    "/** Operations `paginate()` accepts: path → method and item type. */",
    `export type ${name}PaginatedOperations = {`,
    ...paginated.map((p) => `  ${key(p.op.path)}: { method: ${key(p.op.method)}; item: ${itemType(p)} };`),
    "};",
    "",
    "/** Every operationId of the spec. */",
    `export type ${name}OperationId = ${operations.map((o) => key(o.operationId)).join(" | ") || "never"};`,
    "",
  ];
  return lines.join("\n");
}
