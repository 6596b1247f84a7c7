import type { HttpMethodName } from "@workapis/runtime";
import { fromPointer } from "./spec-error.ts";

export const HTTP_METHODS: readonly HttpMethodName[] = ["get", "put", "post", "delete", "patch"];

/** A JSON object: what specs, schemas and extensions are read as. */
export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** Follows a local `$ref` (one level at a time) to the object it names. */
export function deref(doc: Obj, value: unknown): unknown {
  let current = value;
  for (let hops = 0; isObj(current) && typeof current["$ref"] === "string" && hops < 20; hops++) {
    let target: unknown = doc;
    for (const key of fromPointer(current["$ref"])) target = isObj(target) ? target[key] : undefined;
    current = target;
  }
  return current;
}

export interface WalkedOperation {
  readonly path: string;
  readonly method: (typeof HTTP_METHODS)[number];
  readonly pathItem: Obj;
  readonly operation: Obj;
}

/** Every operation of a spec, in document order. */
export function operationsOf(doc: Obj): WalkedOperation[] {
  const out: WalkedOperation[] = [];
  const paths = isObj(doc["paths"]) ? doc["paths"] : {};
  for (const [path, raw] of Object.entries(paths)) {
    const pathItem = deref(doc, raw);
    if (!isObj(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (isObj(operation)) out.push({ path, method, pathItem, operation });
    }
  }
  return out;
}

/** The parameters of an operation (path-level ones included, operation-level winning), dereferenced. */
export function parametersOf(doc: Obj, op: WalkedOperation): Obj[] {
  const byKey = new Map<string, Obj>();
  for (const list of [op.pathItem["parameters"], op.operation["parameters"]]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const p = deref(doc, raw);
      if (isObj(p)) byKey.set(`${String(p["in"])}:${String(p["name"])}`, p);
    }
  }
  return [...byKey.values()];
}

/** The first example of a media type object: `example`, or the first of `examples` (dereferenced). */
export function mediaExample(doc: Obj, media: unknown): unknown {
  if (!isObj(media)) return undefined;
  if (media["example"] !== undefined) return media["example"];
  if (isObj(media["examples"])) {
    const first = deref(doc, Object.values(media["examples"])[0]);
    if (isObj(first)) return first["value"];
  }
  return undefined;
}

/** The media type a response or request body is read as: JSON when offered, else the first. */
export function mediaTypeOf(doc: Obj, holder: unknown): string | undefined {
  const resolved = deref(doc, holder);
  const content = isObj(resolved) && isObj(resolved["content"]) ? resolved["content"] : undefined;
  if (!content) return undefined;
  return Object.keys(content).find((k) => k.includes("json")) ?? Object.keys(content)[0];
}

/** The media type object (JSON preferred) of a response or request body. */
export function jsonMedia(doc: Obj, holder: unknown): Obj | undefined {
  const resolved = deref(doc, holder);
  const key = mediaTypeOf(doc, holder);
  const media = key && isObj(resolved) && isObj(resolved["content"]) ? resolved["content"][key] : undefined;
  return isObj(media) ? media : undefined;
}

/** The properties of an object schema, its `allOf` parts' included, as `[name, schema]` pairs. */
export function propertiesOf(doc: Obj, schema: unknown): [string, unknown][] {
  const s = deref(doc, schema);
  if (!isObj(s)) return [];
  const parts = [s, ...(Array.isArray(s["allOf"]) ? s["allOf"].map((p) => deref(doc, p)) : [])];
  return parts.flatMap((p) => (isObj(p) && isObj(p["properties"]) ? Object.entries(p["properties"]) : []));
}

/** Follows a JSON pointer through a schema's `properties`/`items` (and `$ref`/`allOf`) to a sub-schema. */
export function schemaAt(doc: Obj, schema: unknown, pointer: string): unknown {
  let current = deref(doc, schema);
  for (const key of pointer.split("/").slice(1)) {
    if (!isObj(current)) return undefined;
    const candidates = [
      current,
      ...(Array.isArray(current["allOf"]) ? current["allOf"].map((s) => deref(doc, s)) : []),
    ];
    let next: unknown;
    for (const c of candidates) {
      if (!isObj(c)) continue;
      if (/^\d+$/.test(key) && c["items"] !== undefined) next = c["items"];
      else if (isObj(c["properties"]) && c["properties"][key] !== undefined) next = c["properties"][key];
      if (next !== undefined) break;
    }
    current = deref(doc, next);
  }
  return current;
}

/** Reads the value at a JSON pointer (`/data/leads`) in example data: the runtime's own reader, from its source. */
export { readPointer } from "../../packages/runtime/src/util/json-pointer.ts";
