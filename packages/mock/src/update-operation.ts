import { readPointer } from "@workapis/runtime/internal";
import { errorResponse, errorStyleOf } from "./error-responses.ts";
import { cloneJson, withPointer } from "./json-template.ts";
import type { MockRecord, MockStore } from "./mock-store.ts";
import { idOf, type OperationInput, type OperationOutput, respondWithRecord } from "./operation-io.ts";
import { isRecord, keepResponseTypes, mergeRecord } from "./record-merge.ts";
import { danglingReference } from "./references.ts";
import type { MockOperation, MockSpec } from "./types.ts";

/** `x-mock.fromBody`: record fields set from request values (a progress value lands on the metric). */
export function copyFromBody(op: MockOperation, body: unknown, record: MockRecord): MockRecord {
  let out: unknown = record;
  for (const [target, source] of Object.entries(op.mock.fromBody ?? {})) {
    const value = readPointer(body, source);
    if (value !== undefined) out = withPointer(out, target, value);
  }
  return out as MockRecord;
}

/** `x-mock.embeds`: objects standing for another record take that record's current shared fields. */
export function refreshEmbeds(op: MockOperation, store: MockStore, record: MockRecord): MockRecord {
  let out: unknown = record;
  for (const [pointer, resource] of Object.entries(op.mock.embeds ?? {})) {
    const embedded = readPointer(out, pointer);
    if (!isRecord(embedded)) continue;
    const id = embedded[store.idField(resource)];
    const source = typeof id === "string" || typeof id === "number" ? store.get(resource, id) : undefined;
    if (!source) continue;
    const shared = Object.keys(embedded).filter((key) => Object.hasOwn(source, key));
    out = withPointer(out, pointer, {
      ...embedded,
      ...cloneJson(Object.fromEntries(shared.map((k) => [k, source[k]]))),
    });
  }
  return out as MockRecord;
}

/**
 * An update (the body's values over the stored record) or an action (the spec's `set` values, when
 * the record's fields allow it: `x-mock.when`).
 */
export function applyUpdate(
  spec: MockSpec,
  store: MockStore,
  op: MockOperation,
  input: OperationInput,
  notFound: () => Response,
): OperationOutput {
  const { resource, action } = op.mock;
  const id = idOf(op, input);
  const current = id === undefined ? undefined : store.get(resource, id);
  if (id === undefined || !current) return notFound();
  for (const [field, allowed] of Object.entries(op.mock.when ?? {})) {
    if (!allowed.includes(current[field])) {
      return errorResponse(errorStyleOf(spec, op), op.statuses.includes(409) ? 409 : 422, {
        message: `The ${resource} is ${String(current[field])}; this needs ${field} ${allowed.join(" or ")}`,
      });
    }
  }
  const changes = action === "update" && isRecord(input.body) ? input.body : {};
  const dangling = danglingReference(spec, store, op, changes);
  if (dangling) return dangling;
  const merged = refreshEmbeds(
    op,
    store,
    copyFromBody(op, input.body, mergeRecord(mergeRecord(current, changes), op.mock.set ?? {})),
  );
  const updated = store.update(resource, id, keepResponseTypes(op, current, merged));
  return respondWithRecord(op, updated);
}
