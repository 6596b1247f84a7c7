import { readPointer } from "@workapis/runtime/internal";
import { cloneJson, withPointer } from "./json-template.ts";
import type { MockStore } from "./mock-store.ts";
import { idOf, type OperationInput, type OperationOutput, recordPointer } from "./operation-io.ts";
import { isRecord } from "./record-merge.ts";
import type { MockOperation } from "./types.ts";

/** Deletes the record; where the answer names the deleted record (`{id, deleted: true}`), it names this one. */
export function applyDelete(
  store: MockStore,
  op: MockOperation,
  input: OperationInput,
  notFound: () => Response,
): OperationOutput {
  const { resource } = op.mock;
  const id = idOf(op, input);
  const record = id === undefined ? undefined : store.get(resource, id);
  if (id === undefined || !record) return notFound();
  store.delete(resource, id);
  const pointer = recordPointer(op);
  const slot = pointer === undefined ? undefined : readPointer(op.example, pointer);
  const idField = store.idField(resource);
  if (pointer !== undefined && isRecord(slot) && idField in slot) {
    return {
      status: op.successStatus,
      body: withPointer(op.example, `${pointer}/${idField}`, record[idField]),
    };
  }
  return { status: op.successStatus, body: cloneJson(op.example) };
}
