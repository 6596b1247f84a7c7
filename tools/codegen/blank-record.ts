import type { MadeValue, RecordBlank } from "@workapis/mock";
import { deref, isObj, type Obj, propertiesOf } from "./spec-walk.ts";

/** Fields a server stamps on every new record (`created_at`, `modified`, `updated_on` …). */
const STAMP = /^(created|updated|modified)(_at|_on|_date|_time)?$|^date_(created|updated|modified)$/;

/** The name of a record's own uuid (not a `*_uuid` link to another record). */
const OWN_UUID = /^(uuid|guid)$/;

function requiredOf(doc: Obj, schema: unknown): Set<string> {
  const s = deref(doc, schema);
  if (!isObj(s)) return new Set();
  const parts = [s, ...(Array.isArray(s["allOf"]) ? s["allOf"].map((p) => deref(doc, p)) : [])];
  return new Set(
    parts.flatMap((p) => (isObj(p) && Array.isArray(p["required"]) ? p["required"].map(String) : [])),
  );
}

/** The branches of a schema (its anyOf/oneOf parts, or itself), each resolved. */
function branches(doc: Obj, schema: unknown): Obj[] {
  const s = deref(doc, schema);
  if (!isObj(s)) return [];
  for (const key of ["anyOf", "oneOf"]) {
    if (Array.isArray(s[key])) return s[key].map((part) => deref(doc, part)).filter(isObj);
  }
  return [s];
}

function typesOf(schema: Obj): string[] {
  if (Array.isArray(schema["type"])) return schema["type"].map(String);
  if (typeof schema["type"] === "string") return [schema["type"]];
  if (isObj(schema["properties"])) return ["object"];
  return [];
}

/** The date-time a server makes, in the shape the spec's own example has (`2025-03-14 10:22:05` or ISO). */
function stampOf(schema: Obj): MadeValue {
  const sample = schema["example"] ?? (Array.isArray(schema["examples"]) ? schema["examples"][0] : undefined);
  if (typeof sample === "string" && /^\d{4}-\d\d-\d\d$/.test(sample)) return "date";
  if (typeof sample === "string" && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(sample)) return "date-time-space";
  return schema["format"] === "date" ? "date" : "date-time";
}

/**
 * What a server puts in a new record before the request's values, from the record's schema alone
 * (never its examples): the spec's `default`, `null` where the field may be null, a stamp for
 * creation and change times and the record's own uuid (made even where the schema leaves them
 * optional: the server makes them for every record), a fresh uuid or link where a required field asks
 * for one, `null` for any field that may be null, and the smallest value of the field's type for the
 * rest of the required fields. Other
 * optional fields stay out. The id field is left to the store.
 */
export function blankRecord(doc: Obj, schema: unknown, idField = "id", depth = 0): RecordBlank {
  const values: Obj = {};
  const made: Record<string, MadeValue> = {};
  const objects: Record<string, RecordBlank> = {};
  const required = requiredOf(doc, schema);
  const tags = tagsOf(doc, schema);
  for (const [name, property] of propertiesOf(doc, schema)) {
    if (name in tags) continue;
    if (name === idField && depth === 0) continue;
    const parts = branches(doc, property);
    const own = deref(doc, property);
    const main = parts.find((p) => !typesOf(p).every((t) => t === "null")) ?? (isObj(own) ? own : {});
    const types = parts.flatMap(typesOf);
    const nullable = types.includes("null");
    const object = parts.find((p) => typesOf(p).includes("object") && isObj(p["properties"]));
    if (object && depth < 4) objects[name] = blankRecord(doc, object, idField, depth + 1);
    const format = main["format"];
    if (isObj(own) && "default" in own) values[name] = own["default"];
    else if ("default" in main) values[name] = main["default"];
    else if ("const" in main) values[name] = main["const"];
    else if (STAMP.test(name) && (format === "date-time" || format === "date" || types.includes("string")))
      made[name] = stampOf(main);
    // A record's own uuid is the server's to make, whether or not the schema promises it.
    else if (OWN_UUID.test(name) && format === "uuid") made[name] = "uuid";
    // null is no data: a field that may be null starts null, whether or not the schema promises it.
    else if (nullable) values[name] = null;
    else if (!required.has(name)) continue;
    else if (format === "uuid") made[name] = "uuid";
    else if (format === "uri" || format === "url") made[name] = "uri";
    // A reserved domain: plainly an address the mock made.
    else if (format === "email") values[name] = "unknown@mock.invalid";
    else if (format === "date-time" || format === "date") made[name] = stampOf(main);
    else if (Array.isArray(main["enum"]) && main["enum"].length > 0) values[name] = main["enum"][0];
    // A required object is made from its own blank (objects).
    else if (object) made[name] = "object";
    else values[name] = smallest(main, types);
  }
  return {
    values,
    ...(Object.keys(made).length ? { made } : {}),
    ...(Object.keys(objects).length ? { objects } : {}),
    ...(Object.keys(tags).length ? { tags } : {}),
  };
}

/**
 * Enum fields whose every value names another field of the same object (a goal owner's `type`, `user`
 * or `group`): they say which of those fields holds the value, so the mock sets them from the record.
 */
function tagsOf(doc: Obj, schema: unknown): Record<string, string[]> {
  const properties = propertiesOf(doc, schema);
  const names = new Set(properties.map(([name]) => name));
  const tags: Record<string, string[]> = {};
  for (const [name, property] of properties) {
    const own = deref(doc, property);
    const values = isObj(own) && Array.isArray(own["enum"]) ? own["enum"] : [];
    if (values.length > 1 && values.every((v) => typeof v === "string" && v !== name && names.has(v)))
      tags[name] = values.map(String);
  }
  return tags;
}

function smallest(schema: Obj, types: readonly string[]): unknown {
  if (types.includes("integer") || types.includes("number")) {
    const minimum = typeof schema["minimum"] === "number" ? schema["minimum"] : undefined;
    const exclusive =
      typeof schema["exclusiveMinimum"] === "number" ? schema["exclusiveMinimum"] + 1 : undefined;
    return Math.max(minimum ?? 0, exclusive ?? 0);
  }
  if (types.includes("boolean")) return false;
  if (types.includes("array")) return [];
  if (types.includes("string")) {
    // The shortest of a few plain values the field's pattern and length allow; else its own example.
    const pattern = typeof schema["pattern"] === "string" ? new RegExp(schema["pattern"], "u") : undefined;
    const min = typeof schema["minLength"] === "number" ? schema["minLength"] : 0;
    const fits = (v: string) => v.length >= min && (pattern?.test(v) ?? true);
    return ["", "x", "mock", "mock_1", "1"].find(fits) ?? schema["example"] ?? "";
  }
  return null;
}

/**
 * The fields of a create operation's answer that its resource's records lack (WebWork answers an
 * invitation with `user_id` and `invitation_link`), and those the answer requires that a record's blank
 * does not make (a new webhook's `token`): `*id` fields the records lack name the new record, the rest
 * follow `blankRecord`. Undefined when the answer is the record.
 */
export function answerBlank(doc: Obj, answerSchema: unknown, recordSchema: unknown): RecordBlank | undefined {
  const known = new Set(propertiesOf(doc, recordSchema).map(([name]) => name));
  // A field the answer promises but the record only may have (WebWork's webhook `token`) is made too.
  const recordBlank = blankRecord(doc, recordSchema);
  const filled = new Set([...Object.keys(recordBlank.values), ...Object.keys(recordBlank.made ?? {}), "id"]);
  const promised = requiredOf(doc, answerSchema);
  const extra = propertiesOf(doc, answerSchema).filter(
    ([name]) => !known.has(name) || (promised.has(name) && !filled.has(name)),
  );
  if (extra.length === 0) return undefined;
  const blank = blankRecord(doc, answerSchema, "");
  const keep = new Set(extra.map(([name]) => name));
  const pick = <T>(o: Readonly<Record<string, T>> | undefined) =>
    Object.fromEntries(Object.entries(o ?? {}).filter(([name]) => keep.has(name)));
  const made: Record<string, MadeValue> = pick(blank.made);
  for (const name of keep) if (!known.has(name) && /(^|_)id$/.test(name)) made[name] = "id";
  const values = pick(blank.values);
  for (const name of Object.keys(made)) delete values[name];
  return { values, made, ...(blank.objects ? { objects: pick(blank.objects) } : {}) };
}

/**
 * The fields of a record created nested under another (`x-mock.nested`) that link it to that parent
 * (`customer_id` on a contact made with its customer): made from the parent's id whether or not the
 * schema marks them required.
 */
export function withParentLinks(
  doc: Obj,
  blank: RecordBlank,
  schema: unknown,
  parents: readonly string[],
): RecordBlank {
  const names = new Set(propertiesOf(doc, schema).map(([name]) => name));
  const links = parents.map((parent) => `${parent}_id`).filter((name) => names.has(name));
  if (links.length === 0) return blank;
  const values = Object.fromEntries(Object.entries(blank.values).filter(([name]) => !links.includes(name)));
  const made: Record<string, MadeValue> = { ...blank.made };
  for (const link of links) made[link] = "parent";
  return { ...blank, values, made };
}
