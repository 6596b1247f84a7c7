import { cloneJson } from "./json-template.ts";
import type { MockRecord } from "./mock-store.ts";
import type { MadeValue, RecordBlank } from "./types.ts";

/**
 * What a made value needs: the clock, a source of fresh uuids, the new record's resource and id, and
 * the id of the record it is created nested under, if any.
 */
export interface MakeContext {
  readonly now: Date;
  readonly uuid: () => string;
  readonly resource: string;
  readonly id?: string | number | undefined;
  readonly parentId?: string | number | undefined;
}

function made(kind: Exclude<MadeValue, "object">, context: MakeContext): unknown {
  const iso = context.now.toISOString().replace(/\.\d{3}Z$/, "Z");
  switch (kind) {
    case "date-time":
      return iso;
    case "date-time-space":
      return iso.slice(0, 19).replace("T", " ");
    case "date":
      return iso.slice(0, 10);
    case "uuid":
      return context.uuid();
    case "uri":
      // A reserved top-level domain: plainly a link the mock made, never a real one.
      return `https://mock.invalid/${context.resource}/${String(context.id ?? context.uuid())}`;
    case "id":
      return context.id;
    case "parent":
      return context.parentId;
  }
}

/** A new record's fields before the request's values: a fresh copy of the blank with its made values. */
export function fromBlank(blank: RecordBlank | undefined, context: MakeContext): MockRecord {
  if (!blank) return {};
  const out: MockRecord = cloneJson({ ...blank.values });
  for (const [field, kind] of Object.entries(blank.made ?? {})) {
    const value =
      kind === "object"
        ? fromBlank(blank.objects?.[field], { ...context, id: undefined, parentId: undefined })
        : made(kind, context);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

/**
 * Sets each tag field of the record and its objects (see `RecordBlank.tags`) to the name of the
 * sibling field that holds a value; a tag already given is kept, and one with no such field stays out.
 */
export function setTags(blank: RecordBlank | undefined, record: MockRecord): void {
  if (!blank) return;
  for (const [field, names] of Object.entries(blank.tags ?? {})) {
    const held = names.find((name) => record[name] !== null && record[name] !== undefined);
    if (record[field] === undefined && held !== undefined) record[field] = held;
  }
  for (const [field, shape] of Object.entries(blank.objects ?? {})) {
    const value = record[field];
    if (typeof value === "object" && value !== null && !Array.isArray(value))
      setTags(shape, value as MockRecord);
  }
}
