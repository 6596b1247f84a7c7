import { errorResponse, errorStyleOf } from "./error-responses.ts";
import type { MockRecord, MockStore } from "./mock-store.ts";
import type { MockOperation, MockSpec } from "./types.ts";

/** A validation error when a body field names a record that does not exist (`x-mock.references`). */
export function danglingReference(
  spec: MockSpec,
  store: MockStore,
  op: MockOperation,
  payload: MockRecord,
): Response | undefined {
  for (const [field, target] of Object.entries(op.mock.references ?? {})) {
    const ref = payload[field];
    if (ref !== undefined && ref !== null && !store.get(target, ref as string | number)) {
      return errorResponse(errorStyleOf(spec, op), op.statuses.includes(422) ? 422 : 400, {
        details: { [field]: [`The selected ${field} is invalid: no ${target} ${String(ref)}.`] },
      });
    }
  }
  return undefined;
}
