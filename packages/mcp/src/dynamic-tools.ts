import type { CatalogOperation } from "@workapis/workboard/catalog";
import { accessOf, isDestructive, mayCall } from "./access.ts";
import { serverFailure, success, type ToolAnswer } from "./answers.ts";
import { type CallContext, callOperation } from "./call-operation.ts";
import type { ToolDefinition } from "./tool-definition.ts";
import { VENDORS, type VendorName } from "./vendors.ts";

const LIST_LIMIT = 50;

/** The three tools of dynamic mode, over every operation of the served vendors. */
export function dynamicTools(context: CallContext): ToolDefinition[] {
  const { backends, allowWrites } = context;
  const served = backends.served;
  const scrub = backends.scrub;
  const vendorSchema = { type: "string", enum: [...served], description: "The vendor's API." };
  const writesAllowed = allowWrites !== false;
  const live = backends.mocked.length === 0;

  const find = (vendor: VendorName, operationId: string): CatalogOperation | ToolAnswer => {
    const operation = VENDORS[vendor].catalog.operations.find((o) => o.operationId === operationId);
    return (
      operation ??
      serverFailure(
        "UnknownOperationError",
        `${vendor} has no operation ${JSON.stringify(operationId)}; list_operations lists them.`,
        scrub,
      )
    );
  };
  const summaryOf = (vendor: VendorName, o: CatalogOperation) => ({
    vendor,
    operationId: o.operationId,
    method: o.method.toUpperCase(),
    path: o.path,
    summary: o.summary,
    tags: o.tags,
    access: accessOf(o),
    allowed: mayCall(allowWrites, vendor, o),
    evidence: o.source ? "documented" : "inferred",
  });

  return [
    {
      name: "list_operations",
      title: "List API operations",
      description: `Lists the operations of ${served.map((v) => VENDORS[v].label).join(", ")}: operationId, method, path, summary, whether it reads or writes, whether this server allows it, and whether the vendor documents it or it is inferred. Filter by vendor, free text (every word must match the operationId, summary, path or a tag) and read/write.`,
      inputSchema: {
        type: "object",
        properties: {
          vendor: vendorSchema,
          query: { type: "string", description: "Words to look for, e.g. `goal list` or `timesheet`." },
          access: { type: "string", enum: ["read", "write"] },
          limit: { type: "integer", minimum: 1, maximum: 500, default: LIST_LIMIT },
        },
        additionalProperties: false,
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
      async run(args) {
        const { vendor, query, access, limit } = args as {
          vendor?: VendorName;
          query?: string;
          access?: "read" | "write";
          limit?: number;
        };
        const words = (query ?? "").toLowerCase().split(/\s+/).filter(Boolean);
        const matches = (vendor ? [vendor] : served).flatMap((v) =>
          VENDORS[v].catalog.operations
            .filter((o) => access === undefined || accessOf(o) === access)
            .filter((o) => {
              const text = [o.operationId, o.summary, o.path, ...o.tags].join(" ").toLowerCase();
              return words.every((w) => text.includes(w));
            })
            .map((o) => summaryOf(v, o)),
        );
        const shown = matches.slice(0, limit ?? LIST_LIMIT);
        return success({ total: matches.length, shown: shown.length, operations: shown }, scrub);
      },
    },
    {
      name: "describe_operation",
      title: "Describe an API operation",
      description:
        "Describes one operation: what it does, where the vendor documents it (or why it is inferred), whether it reads or writes, and `inputSchema`, the JSON Schema of the `arguments` call_operation takes for it (`path`, `query`, `header` parameters and `body`).",
      inputSchema: {
        type: "object",
        properties: { vendor: vendorSchema, operationId: { type: "string" } },
        required: ["vendor", "operationId"],
        additionalProperties: false,
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
      async run(args) {
        const { vendor, operationId } = args as { vendor: VendorName; operationId: string };
        const found = find(vendor, operationId);
        if ("isError" in found) return found;
        return success(
          {
            ...summaryOf(vendor, found),
            ...(found.description ? { description: found.description } : {}),
            ...(found.source ? { source: found.source } : { inferred: found.inferred }),
            destructive: isDestructive(found),
            ...(found.pagination
              ? { paginated: { ...found.pagination, maxItems: context.maxItems, note: "One page per call." } }
              : {}),
            inputSchema: found.input,
          },
          scrub,
        );
      },
    },
    {
      name: "call_operation",
      title: "Call an API operation",
      description: `Calls one operation with \`arguments\` that fit its describe_operation schema (checked before anything is sent). Answers the vendor's data (a list answers one page, at most maxItems items) or its typed error (name, status, code, message). ${
        writesAllowed
          ? "Operations that change data are allowed for: " +
            (allowWrites === true ? "every vendor" : allowWrites.join(", ")) +
            "."
          : "Only operations that read are allowed: this server refuses every write."
      }`,
      inputSchema: {
        type: "object",
        properties: {
          vendor: vendorSchema,
          operationId: { type: "string" },
          arguments: {
            type: "object",
            description: "`{ path?, query?, header?, body? }` as describe_operation's inputSchema says.",
          },
          maxItems: { type: "integer", minimum: 1, maximum: context.maxItems },
        },
        required: ["vendor", "operationId"],
        additionalProperties: false,
      },
      annotations: {
        readOnlyHint: !writesAllowed,
        destructiveHint: writesAllowed,
        openWorldHint: live,
      },
      async run(args) {
        const {
          vendor,
          operationId,
          arguments: input,
          maxItems,
        } = args as {
          vendor: VendorName;
          operationId: string;
          arguments?: unknown;
          maxItems?: number;
        };
        const found = find(vendor, operationId);
        if ("isError" in found) return found;
        return callOperation(context, { vendor, operation: found, args: input, maxItems });
      },
    },
  ];
}
