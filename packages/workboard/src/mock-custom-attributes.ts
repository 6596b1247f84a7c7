import type { MockBehaviours, MockRecord, MockStore } from "@workapis/mock";
import type { components, operations } from "./generated/schema.ts";

type Definition = components["schemas"]["AttributeDefinition"];
type ObjectType = components["schemas"]["AttributeObjectType"];
type Value = components["schemas"]["AttributeValueData"];

/*
 * WorkBoard's v2 custom-attribute values belong to an (object, attribute) pair, which the spec's
 * record-per-id x-mock actions cannot express. These answers keep them in the store's
 * `customAttributeValue` collection (one record per pair), check the object against the v1 records
 * it stands for (goals, metrics, action items, users) and fail in v2's own error body.
 */

const VALUES = "customAttributeValue";
const DEFINITIONS = "customAttributeDefinition";
const DEFAULT_LIMIT = 50;

/** The v1 store collection and id field behind each v2 object type. */
const OBJECTS: Readonly<Record<ObjectType, { readonly resource: string; readonly idField: string }>> = {
  objective: { resource: "goal", idField: "goal_id" },
  key_result: { resource: "metric", idField: "metric_id" },
  work_item: { resource: "actionItem", idField: "ai_id" },
  user: { resource: "user", idField: "user_id" },
};

const LABELS: Readonly<Record<number, string>> = { 400: "Bad Request", 404: "Not Found" };

/** A failure in API v2's body (`statusCode`, `error`, `message`, `code`), not v1's envelope. */
function v2Error(
  status: 400 | 404,
  message: string,
  code: string,
  invalidValues?: readonly string[],
): Response {
  return Response.json(
    {
      statusCode: status,
      error: LABELS[status],
      message,
      code,
      ...(invalidValues ? { details: { invalidValues } } : {}),
    },
    { status },
  );
}

const notFound = (message: string) => v2Error(404, message, "WB_NOT_FOUND");

function definitions(store: MockStore): Definition[] {
  return store.list(DEFINITIONS) as unknown as Definition[];
}

function objectExists(store: MockStore, type: ObjectType, id: number): boolean {
  const { resource, idField } = OBJECTS[type];
  return store.peek(resource).some((record) => Number(record[idField]) === id);
}

const valueKey = (type: ObjectType, objectId: number, attributeId: number) =>
  `${type}:${objectId}:${attributeId}`;

function storedValue(store: MockStore, type: ObjectType, objectId: number, attributeId: number): Value {
  const record = store.get(VALUES, valueKey(type, objectId, attributeId));
  return record ? (record["value"] as Value) : null;
}

/** A select value must be one of the attribute's options; text fields take any string. */
function invalidValues(definition: Definition, value: string | readonly string[]): string[] {
  const given = typeof value === "string" ? [value] : [...value];
  if (definition.fieldType !== "single_select" && definition.fieldType !== "multi_select") return [];
  return given.filter((v) => !definition.options.includes(v));
}

function readValues(type: ObjectType) {
  return ({
    params,
    query,
    store,
  }: {
    params: Readonly<Record<string, string>>;
    query: { attributeId?: number; attributeName?: string };
    store: MockStore;
  }) => {
    const id = Number(params["id"]);
    if (!objectExists(store, type, id)) return notFound(`No ${type} ${id}`);
    let chosen = definitions(store).filter((d) => d.objectType === type);
    if (query.attributeId !== undefined) {
      chosen = chosen.filter((d) => d.id === Number(query.attributeId));
      if (chosen.length === 0) return notFound(`No custom attribute ${query.attributeId} for ${type}`);
    }
    if (query.attributeName !== undefined) {
      const name = query.attributeName.toLowerCase();
      chosen = chosen.filter((d) => d.name.toLowerCase() === name);
    }
    return {
      id,
      objectType: type,
      customAttributes: chosen.map((d) => ({
        id: d.id,
        name: d.name,
        value: storedValue(store, type, id, d.id),
        fieldType: d.fieldType,
        ...(d.objectSubtype !== undefined ? { objectSubtype: d.objectSubtype } : {}),
      })),
    };
  };
}

function target(store: MockStore, type: ObjectType, params: Readonly<Record<string, string>>) {
  const id = Number(params["id"]);
  const attributeId = Number(params["attributeId"]);
  if (!objectExists(store, type, id)) return { failure: notFound(`No ${type} ${id}`) };
  const definition = definitions(store).find((d) => d.id === attributeId && d.objectType === type);
  if (!definition)
    return { failure: notFound(`Custom attribute ${attributeId} is not available on this ${type}`) };
  return { id, definition };
}

function writeValue(type: ObjectType) {
  return ({
    params,
    body,
    store,
  }: {
    params: Readonly<Record<string, string>>;
    body: { value: string | string[] } | undefined;
    store: MockStore;
  }) => {
    const found = target(store, type, params);
    if ("failure" in found) return found.failure;
    const value = body?.value ?? "";
    const refused = invalidValues(found.definition, value);
    if (refused.length > 0) {
      return v2Error(400, "Invalid custom attribute value", "WB_INVALID_CUSTOM_ATTRIBUTE_VALUE", refused);
    }
    const stored: MockRecord = {
      id: valueKey(type, found.id, found.definition.id),
      objectType: type,
      objectId: found.id,
      attributeId: found.definition.id,
      value: found.definition.fieldType === "multi_select" && typeof value === "string" ? [value] : value,
    };
    store.insert(VALUES, stored);
    return { success: true };
  };
}

function clearValue(type: ObjectType) {
  return ({ params, store }: { params: Readonly<Record<string, string>>; store: MockStore }) => {
    const found = target(store, type, params);
    if ("failure" in found) return found.failure;
    store.delete(VALUES, valueKey(type, found.id, found.definition.id));
    return new Response(null, { status: 204 });
  };
}

/** The row an object contributes to `listAttributeObjects`: its id, value and display fields. */
function objectRow(store: MockStore, record: Readonly<MockRecord>) {
  const type = record["objectType"] as ObjectType;
  const objectId = Number(record["objectId"]);
  const { resource, idField } = OBJECTS[type];
  const source = store.peek(resource).find((r) => Number(r[idField]) === objectId);
  const display =
    type === "user"
      ? { firstName: source?.["first_name"], lastName: source?.["last_name"], email: source?.["email"] }
      : { name: source?.["goal_name"] ?? source?.["metric_name"] ?? source?.["ai_description"] };
  const defined = Object.fromEntries(
    Object.entries(display).filter(([, v]) => typeof v === "string"),
  ) as Record<string, string>;
  return { objectId, objectType: type, value: record["value"] as Value, ...defined };
}

/**
 * `listAttributeDefinitions` is an x-mock `list` (so the store is seeded with the spec's definitions),
 * but WorkBoard answers it at `definitions`, not under `data`, and does not page it: this answers it
 * from those seeded records, filtered by `objectType`.
 */
export const definitionListBehaviour: MockBehaviours<operations, "listAttributeDefinitions"> = {
  listAttributeDefinitions: ({ query, store }) => ({
    definitions: definitions(store).filter(
      (d) => query.objectType === undefined || d.objectType === query.objectType,
    ),
  }),
};

export const customAttributeBehaviours: MockBehaviours<
  operations,
  | "listAttributeObjects"
  | "getObjectiveAttributes"
  | "createObjectiveAttributeValue"
  | "updateObjectiveAttributeValue"
  | "deleteObjectiveAttributeValue"
  | "getKeyResultAttributes"
  | "createKeyResultAttributeValue"
  | "updateKeyResultAttributeValue"
  | "deleteKeyResultAttributeValue"
  | "getWorkItemAttributes"
  | "createWorkItemAttributeValue"
  | "updateWorkItemAttributeValue"
  | "deleteWorkItemAttributeValue"
  | "getUserAttributes"
  | "createUserAttributeValue"
  | "updateUserAttributeValue"
  | "deleteUserAttributeValue"
> = {
  listAttributeObjects: ({ params, query, store }) => {
    const attributeId = Number(params["attributeId"]);
    const definition = definitions(store).find((d) => d.id === attributeId);
    if (!definition) return notFound(`Custom attribute ${attributeId} not found`);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const offset = query.offset ?? 0;
    const rows = store
      .peek(VALUES)
      .filter((r) => Number(r["attributeId"]) === attributeId)
      .sort((a, b) => Number(b["objectId"]) - Number(a["objectId"]));
    // As WorkBoard does: scan `limit` rows from `offset`, then leave out the objects the token
    // cannot see (here: those no longer in the store), so a page may be short although more
    // follow; `nextOffset` is the scan position, not the count of rows returned.
    const next = offset + limit;
    const visible = rows
      .slice(offset, next)
      .filter((r) => objectExists(store, r["objectType"] as ObjectType, Number(r["objectId"])));
    return {
      attributeId,
      definition,
      objects: visible.map((r) => objectRow(store, r)),
      pagination: { limit, offset, nextOffset: next < rows.length ? next : null },
    };
  },
  getObjectiveAttributes: readValues("objective"),
  createObjectiveAttributeValue: writeValue("objective"),
  updateObjectiveAttributeValue: writeValue("objective"),
  deleteObjectiveAttributeValue: clearValue("objective"),
  getKeyResultAttributes: readValues("key_result"),
  createKeyResultAttributeValue: writeValue("key_result"),
  updateKeyResultAttributeValue: writeValue("key_result"),
  deleteKeyResultAttributeValue: clearValue("key_result"),
  getWorkItemAttributes: readValues("work_item"),
  createWorkItemAttributeValue: writeValue("work_item"),
  updateWorkItemAttributeValue: writeValue("work_item"),
  deleteWorkItemAttributeValue: clearValue("work_item"),
  getUserAttributes: readValues("user"),
  createUserAttributeValue: writeValue("user"),
  updateUserAttributeValue: writeValue("user"),
  deleteUserAttributeValue: clearValue("user"),
};
