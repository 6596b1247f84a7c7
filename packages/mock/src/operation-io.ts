import { readPointer } from "@workapis/runtime/internal";
import { cloneJson, withPointer } from "./json-template.ts";
import type { MockRecord } from "./mock-store.ts";
import { isRecord } from "./record-merge.ts";
import type { MockOperation } from "./types.ts";

export interface OperationInput {
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: unknown;
  /** The request URL (next-url lists answer with the URL of their next page). */
  readonly url?: string;
}

/** What an operation produced: a JSON body and status, or a ready Response (errors). */
export type OperationOutput = { readonly status: number; readonly body: unknown } | Response;

export function recordPointer(op: MockOperation): string | undefined {
  if (op.mock.record !== undefined) return op.mock.record;
  return isRecord(readPointer(op.example, "/data")) ? "/data" : undefined;
}

export function idOf(op: MockOperation, input: OperationInput): string | undefined {
  const name = op.mock.idParam;
  if (!name) return Object.values(input.params)[0];
  const fromPath = input.params[name];
  if (fromPath !== undefined) return fromPath;
  const fromBody = isRecord(input.body) ? input.body[name] : undefined;
  if (typeof fromBody === "string" || typeof fromBody === "number") return String(fromBody);
  const fromQuery = input.query[name];
  return typeof fromQuery === "string" ? fromQuery : undefined;
}

export function respondWithRecord(op: MockOperation, record: MockRecord | undefined): OperationOutput {
  const pointer = recordPointer(op);
  const body =
    pointer === undefined || record === undefined
      ? cloneJson(op.example)
      : withPointer(op.example, pointer, record);
  return { status: op.successStatus, body };
}
