import { ApiError } from "@workapis/runtime";
import type { CatalogOperation } from "@workapis/workboard/catalog";
import { accessOf, mayCall, type WritePolicy } from "./access.ts";
import { failure, serverFailure, success, type ToolAnswer } from "./answers.ts";
import type { Backends } from "./backends.ts";
import type { InputValidator } from "./input-validation.ts";
import { capItems } from "./page-cap.ts";
import { toJsonData } from "./response-data.ts";
import { callThrough, type OperationInput } from "./untyped-client.ts";
import { VENDORS, type VendorName } from "./vendors.ts";

/** What a call needs from the server: where calls go, the write policy, the checker and the item cap. */
export interface CallContext {
  readonly backends: Backends;
  readonly allowWrites: WritePolicy;
  readonly validator: InputValidator;
  readonly maxItems: number;
}

export interface CallRequest {
  readonly vendor: VendorName;
  readonly operation: CatalogOperation;
  readonly args: unknown;
  /** At most this many list items (bounded by the server's cap). */
  readonly maxItems?: number | undefined;
}

/** A typed client error as the agent sees it: already scrubbed of the client's secrets. */
function apiErrorOf(error: ApiError): Record<string, unknown> & { name: string; message: string } {
  return {
    name: error.name,
    message: error.message,
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.code !== undefined ? { code: error.code } : {}),
    ...(error.details !== undefined ? { details: error.details } : {}),
    ...(error.requestId !== undefined ? { requestId: error.requestId } : {}),
  };
}

/** A list call asks the vendor for no more items than the answer may hold. */
function boundPageSize(operation: CatalogOperation, input: OperationInput, maxItems: number): OperationInput {
  const sizeParam = operation.pagination?.sizeParam;
  const asked = sizeParam ? input.query?.[sizeParam] : undefined;
  if (!sizeParam || typeof asked !== "number" || asked <= maxItems) return input;
  return { ...input, query: { ...input.query, [sizeParam]: maxItems } };
}

/**
 * Checks and sends one operation: refused when it writes and writes are not allowed, refused with
 * each problem when the arguments do not fit its schema; otherwise the vendor's data (one page, at most
 * `maxItems` items) or the client's typed error.
 */
export async function callOperation(context: CallContext, request: CallRequest): Promise<ToolAnswer> {
  const { backends, validator } = context;
  const { vendor, operation } = request;
  const scrub = backends.scrub;
  const label = `${vendor}.${operation.operationId}`;
  if (!mayCall(context.allowWrites, vendor, operation)) {
    return serverFailure(
      "WriteNotAllowedError",
      `${label} (${operation.method.toUpperCase()} ${operation.path}) changes data; this server only reads from ${VENDORS[vendor].label}. Start it with --allow-writes (or --allow-writes=${vendor}) to allow it.`,
      scrub,
      { access: accessOf(operation) },
    );
  }
  const args = request.args ?? {};
  const problems = validator.check(operation.input, args);
  if (problems.length > 0) {
    return serverFailure(
      "InvalidArgumentsError",
      `The arguments do not fit ${label}: ${problems.map((p) => `${p.at} ${p.message}`).join("; ")}. The operation's input schema says what fits (describe_operation shows it).`,
      scrub,
      { problems },
    );
  }
  const maxItems = Math.min(request.maxItems ?? context.maxItems, context.maxItems);
  try {
    const client = await backends.client(vendor);
    const input = boundPageSize(operation, args as OperationInput, maxItems);
    const result = await callThrough(client, operation.method, operation.path, input);
    if (result.error !== undefined) {
      if (result.error instanceof ApiError) return failure(apiErrorOf(result.error), scrub);
      return serverFailure("ServerError", `${label} failed: ${String(result.error)}`, scrub);
    }
    const data = await toJsonData(result.data);
    const capped = capItems(data, operation.pagination?.items, maxItems);
    return success(
      {
        vendor,
        operationId: operation.operationId,
        ...(result.response ? { status: result.response.status } : {}),
        ...(result.requestId ? { requestId: result.requestId } : {}),
        data: capped.data ?? null,
        ...(capped.page ? { page: capped.page } : {}),
      },
      scrub,
    );
  } catch (error) {
    if (error instanceof ApiError) return failure(apiErrorOf(error), scrub);
    const message = error instanceof Error ? error.message : String(error);
    return serverFailure("ServerError", `${label} failed: ${message}`, scrub);
  }
}
