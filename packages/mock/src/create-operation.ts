import { tokensOf } from "@workapis/runtime/internal";
import { errorResponse, errorStyleOf } from "./error-responses.ts";
import type { MockRecord, MockStore } from "./mock-store.ts";
import type { OperationInput, OperationOutput } from "./operation-io.ts";
import { respondWithRecord } from "./operation-io.ts";
import { fromBlank, type MakeContext, setTags } from "./record-blank.ts";
import { isRecord, keepResponseTypes, mergeRecord } from "./record-merge.ts";
import { danglingReference } from "./references.ts";
import type { MockOperation, MockSpec, NestedCreate, RecordBlank } from "./types.ts";
import { copyFromBody, refreshEmbeds } from "./update-operation.ts";

type Ids = string | number;

const nestedOf = (value: string | NestedCreate): NestedCreate =>
  typeof value === "string" ? { resource: value } : value;

/**
 * `owner_id: 5` sent, `owner: {id, name}` answered: a field `<name>_id` that references a record
 * (`x-mock.references`) fills the record's object field `<name>` with that record's shared fields.
 */
function embedReferences(
  spec: MockSpec,
  store: MockStore,
  op: MockOperation,
  record: MockRecord,
  context: MakeContext,
): void {
  const objects = spec.blanks[op.mock.resource]?.objects ?? {};
  for (const [field, target] of Object.entries(op.mock.references ?? {})) {
    const slot = field.endsWith("_id") ? field.slice(0, -3) : undefined;
    const value = record[field];
    const blank = slot === undefined ? undefined : objects[slot];
    if (slot === undefined || !blank || (typeof value !== "string" && typeof value !== "number")) continue;
    // Only an object that names its record by `id` stands for it (`parent: {id, name}`).
    if (!Object.hasOwn(blank.values, "id")) continue;
    const referenced = store.get(target, value) ?? {};
    const embedded = fromBlank(blank, context);
    for (const key of Object.keys(embedded))
      if (Object.hasOwn(referenced, key)) embedded[key] = referenced[key];
    embedded["id"] = value;
    record[slot] = embedded;
  }
}

/**
 * Where `x-mock.fromBody` writes below a field that is still null (`/owner/user/id` while `user` is
 * null), the field is first made from its blank, so the value lands in a complete object.
 */
function openPaths(
  blank: RecordBlank | undefined,
  record: MockRecord,
  pointers: readonly string[],
  context: MakeContext,
) {
  for (const pointer of pointers) {
    const keys = tokensOf(pointer).slice(0, -1);
    let node: MockRecord = record;
    let shape = blank;
    for (const key of keys) {
      shape = shape?.objects?.[key];
      if (!isRecord(node[key])) {
        if (!shape) break;
        node[key] = fromBlank(shape, { ...context, id: undefined });
      }
      node = node[key] as MockRecord;
    }
  }
}

/**
 * Creates a record: the resource's blank (what a server makes: ids, stamps, the spec's defaults),
 * the request's values over it, and each nested record the body sends, created the same way.
 * Nothing comes from the spec's examples.
 */
export function applyCreate(
  spec: MockSpec,
  store: MockStore,
  op: MockOperation,
  input: OperationInput,
  now: Date,
): OperationOutput {
  const { resource } = op.mock;
  const payload = isRecord(input.body) ? input.body : {};
  const dangling = danglingReference(spec, store, op, payload);
  if (dangling) return dangling;
  const idField = store.idField(resource);
  // A create that names its own key (a tracker per user) conflicts with an existing record.
  const given = payload[idField];
  if ((typeof given === "string" || typeof given === "number") && store.get(resource, given)) {
    return errorResponse(errorStyleOf(spec, op), op.statuses.includes(409) ? 409 : 422, {
      message: `That ${resource} already exists`,
    });
  }
  const id: Ids = typeof given === "string" || typeof given === "number" ? given : store.nextId(resource);
  const context: MakeContext = { now, uuid: () => store.nextUuid(), resource, id };
  const base = fromBlank(spec.blanks[resource], context);
  const nested = Object.entries(op.mock.nested ?? {});
  const sent = { ...payload };
  for (const [field] of nested) delete sent[field];
  // An object sent for a field that starts null (a goal's metric) lands on that object's blank.
  const objects = spec.blanks[resource]?.objects ?? {};
  for (const [field, value] of Object.entries(sent)) {
    const shape = objects[field];
    if (shape && isRecord(value) && !isRecord(base[field]))
      base[field] = fromBlank(shape, { ...context, id: undefined });
  }
  const record: MockRecord = { ...keepResponseTypes(op, base, mergeRecord(base, sent)), [idField]: id };
  embedReferences(spec, store, op, record, context);
  openPaths(spec.blanks[resource], record, Object.keys(op.mock.fromBody ?? {}), context);
  const linked = refreshEmbeds(op, store, copyFromBody(op, payload, record));

  const children: Record<string, MockRecord> = {};
  for (const [field, value] of nested) {
    const child = payload[field];
    if (!isRecord(child)) continue;
    const { resource: target, set } = nestedOf(value);
    const childIdField = store.idField(target);
    const childId = store.nextId(target);
    // The child's blank links it to its parent where its schema has the field (a contact's `customer_id`).
    const childBase = fromBlank(spec.blanks[target], {
      ...context,
      resource: target,
      id: childId,
      parentId: id,
    });
    const created = store.insert(target, {
      ...mergeRecord(childBase, child),
      ...set,
      [childIdField]: childId,
    });
    children[field] = created;
    // The parent holds the child the way the vendor answers: embedded, by id, or both.
    if (Object.hasOwn(base, field)) linked[field] = created;
    else linked[`${field}_id`] = created[childIdField];
  }
  setTags(spec.blanks[resource], linked);
  const stored = store.insert(resource, linked);
  return respondWithRecord(op, answerOf(op, stored, children, context));
}

/** The record as the create operation answers it: with the answer's own fields (WebWork's `user_id`). */
function answerOf(
  op: MockOperation,
  record: MockRecord,
  children: Readonly<Record<string, MockRecord>>,
  context: MakeContext,
): MockRecord {
  // The answer embeds each nested record it created (BoardCRM's deal answers with its new lead).
  const extra = op.answerBlank ? fromBlank(op.answerBlank, context) : {};
  // The record's own values stand, except the ids that name it under another field.
  const answer: MockRecord = { ...extra, ...record };
  for (const [field, kind] of Object.entries(op.answerBlank?.made ?? {}))
    if (kind === "id") answer[field] = extra[field];
  return { ...answer, ...children };
}
