import { applyCreate } from "./create-operation.ts";
import { applyDelete } from "./delete-operation.ts";
import { errorResponse, errorStyleOf } from "./error-responses.ts";
import { cloneJson } from "./json-template.ts";
import { applyList } from "./list-operation.ts";
import type { MockStore } from "./mock-store.ts";
import { idOf, type OperationInput, type OperationOutput, respondWithRecord } from "./operation-io.ts";
import type { MockOperation, MockSpec } from "./types.ts";
import { applyUpdate } from "./update-operation.ts";

export type { OperationInput, OperationOutput } from "./operation-io.ts";

/** Runs one operation against the store, the way the vendor would (`x-mock.action` picks how). */
export function applyOperation(
  spec: MockSpec,
  store: MockStore,
  op: MockOperation,
  input: OperationInput,
  now: Date = new Date(),
): OperationOutput {
  const { resource, action } = op.mock;
  const missing = op.mock.missingStatus ?? 404;
  const notFound = () =>
    errorResponse(errorStyleOf(spec, op), missing, {
      message: missing === 404 ? `No ${resource} with that id` : `No such ${resource}`,
    });
  switch (action) {
    case "list":
      return applyList(store, op, input);
    case "get": {
      const id = idOf(op, input);
      const record = id === undefined ? undefined : store.get(resource, id);
      return record ? respondWithRecord(op, record) : notFound();
    }
    case "create":
      return applyCreate(spec, store, op, input, now);
    case "update":
    case "action":
      return applyUpdate(spec, store, op, input, notFound);
    case "delete":
      return applyDelete(store, op, input, notFound);
    // `custom` is answered by the package's mock behaviours; without one, like `read`.
    case "read":
    case "custom":
      return { status: op.successStatus, body: cloneJson(op.example) };
  }
}
