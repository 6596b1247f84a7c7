import { accessOf, isDestructive, mayCall } from "./access.ts";
import { type CallContext, callOperation } from "./call-operation.ts";
import type { ToolDefinition } from "./tool-definition.ts";
import { VENDORS } from "./vendors.ts";

/**
 * One tool per operation the server allows (reads, and writes where they are allowed), for the served
 * vendors and, when given, only the operations with one of `tags`. Named `<vendor>_<operationId>`,
 * since vendors share operation names (`listUsers`).
 */
export function staticTools(context: CallContext, tags: readonly string[] | undefined): ToolDefinition[] {
  const live = context.backends.mocked.length === 0;
  return context.backends.served.flatMap((vendor) =>
    VENDORS[vendor].catalog.operations
      .filter((o) => mayCall(context.allowWrites, vendor, o))
      .filter((o) => tags === undefined || o.tags.some((t) => tags.includes(t)))
      .map((operation): ToolDefinition => {
        const read = accessOf(operation) === "read";
        const evidence = operation.source
          ? `Documented: ${operation.source}`
          : `Not documented by the vendor; inferred: ${operation.inferred ?? ""}`;
        return {
          name: `${vendor}_${operation.operationId}`,
          title: `${VENDORS[vendor].label}: ${operation.summary}`,
          description: [
            `${operation.method.toUpperCase()} ${operation.path}. ${operation.summary}`,
            operation.description,
            operation.pagination ? `Answers one page of at most ${context.maxItems} items.` : undefined,
            evidence,
          ]
            .filter(Boolean)
            .join("\n\n"),
          inputSchema: operation.input as ToolDefinition["inputSchema"],
          annotations: {
            readOnlyHint: read,
            destructiveHint: isDestructive(operation),
            ...(read || operation.method === "put" ? { idempotentHint: true } : {}),
            openWorldHint: live,
          },
          checksArguments: true,
          run: (args) => callOperation(context, { vendor, operation, args }),
        };
      }),
  );
}
