import type { ExtractedMeta, PaginatedOperation } from "./extract-meta.ts";
import { fromPointer } from "./spec-error.ts";

const key = (s: string) => JSON.stringify(s);

/** The TypeScript type of one item of a paginated operation, read through the `paths` type. */
function itemType(p: PaginatedOperation): string {
  let type = `paths[${key(p.op.path)}][${key(p.op.method)}]["responses"][${p.successStatus}]["content"][${key(p.mediaType)}]`;
  for (const segment of fromPointer(p.op.pagination.items)) type = `NonNullable<${type}>[${key(segment)}]`;
  return `NonNullable<${type}>[number]`;
}

/** `operations.ts`: the runtime metadata object and the types the client is parameterised by. */
export function emitOperations(meta: ExtractedMeta): string {
  const { vendor, operations, paginated, errorCodeSchema } = meta;
  const name = vendor.clientName;
  const lines = [
    `import type { ApiMeta } from "@workapis/runtime";`,
    `import type { ${errorCodeSchema ? "components, " : ""}paths } from "./schema.ts";`,
    "",
    `/** Runtime metadata of the ${name} API, read from the spec's x-workapis, x-pagination and x-retry-safe. */`,
    `export const meta = ${JSON.stringify({ vendor, operations }, null, 2)} as const satisfies ApiMeta;`,
    "",
    `/** The vendor's own error codes (\`ApiError.code\`). */`,
    `export type ${name}ErrorCode = ${errorCodeSchema ? `components["schemas"][${key(errorCodeSchema)}]` : "string"};`,
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
