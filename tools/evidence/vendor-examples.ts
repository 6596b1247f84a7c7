/**
 * Vendor examples against ours: every `example` a vendor's own OpenAPI document gives, found again
 * in our spec at the same place (the same operation, parameter, body, response or schema) with the
 * vendor's values. `collectVendorExamples` reads a vendor document; `findCounterparts` lists the
 * examples our spec gives for the same thing; `carriesValues` says whether one of ours carries the
 * vendor's values (ours may add fields, never change or drop one the vendor shows).
 */
import { fromPointer, toPointer } from "../codegen/spec-error.ts";
import { deref, isObj, type Obj, operationsOf, parametersOf, readPointer } from "../codegen/spec-walk.ts";

/** One example of a vendor document: where it is (a JSON pointer) and its value. */
export interface VendorExample {
  readonly pointer: string;
  readonly value: unknown;
  /** For a parameter's example: the parameter it belongs to (vendors list parameters by position). */
  readonly parameter?: { readonly name: string; readonly in: string };
}

/** An example of our spec that stands for a vendor's, and where it is. */
export interface Counterpart {
  readonly pointer: string;
  readonly value: unknown;
}

/** Our schema that stands for a vendor's component schema, and where inside it (a data path). */
export interface SchemaCounterpart {
  readonly schema: string;
  readonly at?: readonly string[];
}

/** A vendor's OpenAPI document: its public URL (our `x-source` anchors start with it). */
export interface VendorDocument {
  readonly url: string;
  /** Our schema for each vendor component schema whose name differs from ours. */
  readonly schemas?: Readonly<Record<string, SchemaCounterpart>>;
}

const COMPOSITES = ["allOf", "oneOf", "anyOf"] as const;

/**
 * Every example of a vendor document, in document order: `example` values, and the `value` of each
 * entry of an `examples` map (OpenAPI 3.0 media types and parameters) or each item of a schema's
 * `examples` list. A property that happens to be called `example` is a schema, not an example.
 */
export function collectVendorExamples(doc: unknown): VendorExample[] {
  const out: VendorExample[] = [];
  const parameterOf = (at: readonly string[]) => {
    if (at[0] !== "paths" || at[3] !== "parameters" || at[4] === undefined) return {};
    const found = deref(doc as Obj, readPointer(doc, toPointer(at.slice(0, 5)).slice(1)));
    return isObj(found) && typeof found["name"] === "string" && typeof found["in"] === "string"
      ? { parameter: { name: found["name"], in: found["in"] } }
      : {};
  };
  const push = (at: readonly string[], value: unknown) => {
    out.push({ pointer: toPointer(at).slice(1), value, ...parameterOf(at) });
  };
  const walk = (node: unknown, at: string[], inProperties: boolean) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        walk(item, [...at, String(i)], false);
      });
      return;
    }
    if (!isObj(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const here = [...at, key];
      if (!inProperties && key === "example") push(here, value);
      else if (!inProperties && key === "examples" && isObj(value)) {
        for (const [name, entry] of Object.entries(value)) {
          if (isObj(entry) && "value" in entry) push([...here, name, "value"], entry["value"]);
        }
      } else if (!inProperties && key === "examples" && Array.isArray(value)) {
        value.forEach((item, i) => {
          push([...here, String(i)], item);
        });
      } else walk(value, here, key === "properties" && !inProperties);
    }
  };
  walk(doc, [], false);
  return out;
}

/**
 * A schema path (`properties/data/properties/user/items/oneOf/1`) as the path of the data it
 * describes (`data`, `user`, `*`): `*` is any item of an array or any value of a map.
 */
export function dataPathOf(schemaTokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < schemaTokens.length; i++) {
    const token = schemaTokens[i] as string;
    if (token === "properties") out.push(schemaTokens[++i] as string);
    else if (token === "items" || token === "additionalProperties") out.push("*");
    else if ((COMPOSITES as readonly string[]).includes(token)) i++;
  }
  return out;
}

/** The values of a JSON value at a data path (`*` fans out over items and map values). */
function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return [value];
  const [head, ...rest] = path;
  if (head === "*") {
    const children = Array.isArray(value) ? value : isObj(value) ? Object.values(value) : [];
    return children.flatMap((child) => valuesAt(child, rest));
  }
  if (isObj(value) && head !== undefined && Object.hasOwn(value, head)) return valuesAt(value[head], rest);
  return [];
}

/** A schema and every schema it is made of (`$ref`, `allOf`, `oneOf`, `anyOf`), with their pointers. */
function expand(doc: Obj, schema: unknown, pointer: string, seen = new Set<unknown>()): Counterpart[] {
  let node = schema;
  let at = pointer;
  while (isObj(node) && typeof node["$ref"] === "string") {
    at = node["$ref"];
    node = deref(doc, { $ref: node["$ref"] });
  }
  if (!isObj(node) || seen.has(node)) return [];
  seen.add(node);
  const out: Counterpart[] = [{ pointer: at, value: node }];
  for (const key of COMPOSITES) {
    const members = node[key];
    if (Array.isArray(members))
      members.forEach((m, i) => {
        out.push(...expand(doc, m, `${at}/${key}/${i}`, seen));
      });
  }
  return out;
}

/** The schemas that describe the data at a path inside a schema. */
function schemasAt(doc: Obj, schema: unknown, pointer: string, path: readonly string[]): Counterpart[] {
  const nodes = expand(doc, schema, pointer);
  if (path.length === 0) return nodes;
  const [head, ...rest] = path;
  return nodes.flatMap(({ pointer: at, value }) => {
    const node = value as Obj;
    if (head === "*") {
      const next = [
        ["items", node["items"]],
        ["additionalProperties", node["additionalProperties"]],
      ].filter(([, s]) => isObj(s));
      return next.flatMap(([key, s]) => schemasAt(doc, s, `${at}/${String(key)}`, rest));
    }
    const properties = isObj(node["properties"]) ? node["properties"] : {};
    const key = head as string;
    return Object.hasOwn(properties, key)
      ? schemasAt(
          doc,
          properties[key],
          `${at}/properties/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`,
          rest,
        )
      : [];
  });
}

/** The examples schemas carry themselves (`example`, and each of a 3.1 `examples` list). */
function schemaExamples(schemas: readonly Counterpart[]): Counterpart[] {
  return schemas.flatMap(({ pointer, value }) => {
    const node = value as Obj;
    const out: Counterpart[] = [];
    if (node["example"] !== undefined) out.push({ pointer: `${pointer}/example`, value: node["example"] });
    if (Array.isArray(node["examples"]))
      node["examples"].forEach((v, i) => {
        out.push({ pointer: `${pointer}/examples/${i}`, value: v });
      });
    return out;
  });
}

/** The examples of a media type, parameter or header object (`example`, each of `examples`). */
function ownExamples(doc: Obj, holder: Obj, pointer: string): Counterpart[] {
  const out: Counterpart[] = [];
  if (holder["example"] !== undefined) out.push({ pointer: `${pointer}/example`, value: holder["example"] });
  if (isObj(holder["examples"])) {
    for (const [name, raw] of Object.entries(holder["examples"])) {
      const entry = deref(doc, raw);
      if (isObj(entry) && "value" in entry)
        out.push({ pointer: `${pointer}/examples/${name}/value`, value: entry["value"] });
    }
  }
  return out;
}

/**
 * What our spec shows for the data at `path` of a media type or parameter: its own examples read at
 * that path, and the examples of the schemas that describe that data.
 */
function examplesOfHolder(
  doc: Obj,
  holder: unknown,
  pointer: string,
  path: readonly string[],
): Counterpart[] {
  let node = holder;
  let at = pointer;
  while (isObj(node) && typeof node["$ref"] === "string") {
    at = node["$ref"];
    node = deref(doc, { $ref: node["$ref"] });
  }
  if (!isObj(node)) return [];
  const fromExamples = ownExamples(doc, node, at).flatMap(({ pointer: p, value }) =>
    valuesAt(value, path).map((v) => ({ pointer: p, value: v })),
  );
  return [...fromExamples, ...schemaExamples(schemasAt(doc, node["schema"], `${at}/schema`, path))];
}

/** Decodes a URL fragment that holds a JSON pointer (`#/paths/~1a~1%7Bid%7D/get`). */
function fragmentPointer(url: string, base: string): string | undefined {
  if (!url.startsWith(`${base}#`)) return undefined;
  try {
    return decodeURIComponent(url.slice(base.length + 1));
  } catch {
    return undefined;
  }
}

/**
 * The examples our spec gives for the thing a vendor example belongs to. An operation's example is
 * looked for in the operation whose `x-source` is the vendor document's URL with that operation's
 * pointer as anchor; a component schema's in the schema `schemas` names for it (by default ours of
 * the same name). `undefined` when our spec has nothing in that place.
 */
export function findCounterparts(
  ours: Obj,
  vendor: VendorDocument,
  example: Pick<VendorExample, "pointer" | "parameter">,
): Counterpart[] | undefined {
  const schemas = vendor.schemas ?? {};
  const tokens = fromPointer(example.pointer);
  if (tokens.at(-1) === "example") tokens.pop();
  else if (tokens.at(-1) === "value" && tokens.at(-3) === "examples") tokens.splice(-3);
  else if (tokens.at(-2) === "examples") tokens.splice(-2);

  if (tokens[0] === "components" && tokens[1] === "schemas" && tokens[2] !== undefined) {
    const target = schemas[tokens[2]] ?? { schema: tokens[2] };
    const pointer = `#/components/schemas/${target.schema}`;
    const schema = deref(ours, { $ref: pointer });
    if (!isObj(schema)) return undefined;
    const path = [...(target.at ?? []), ...dataPathOf(tokens.slice(3))];
    return schemaExamples(schemasAt(ours, schema, pointer, path));
  }

  if (tokens[0] !== "paths" || tokens.length < 3) return undefined;
  const operationPointer = toPointer(tokens.slice(0, 3)).slice(1);
  const walked = operationsOf(ours).find(
    ({ operation }) =>
      typeof operation["x-source"] === "string" &&
      fragmentPointer(operation["x-source"], vendor.url) === operationPointer,
  );
  if (!walked) return undefined;
  const at = toPointer(["paths", walked.path, walked.method]);
  const rest = tokens.slice(3);
  const [kind, ...inner] = rest;

  if (kind === "parameters" && inner[0] !== undefined) {
    // The vendor's parameter by position in its document: ours is the one with its name and place.
    const parameter = example.parameter;
    if (!parameter) return undefined;
    const own = parametersOf(ours, walked).find(
      (p) => p["name"] === parameter["name"] && p["in"] === parameter["in"],
    );
    if (!own) return undefined;
    const pointer = `${at}/parameters/${String(own["name"])}`;
    const path = inner[1] === "schema" ? dataPathOf(inner.slice(2)) : [];
    return examplesOfHolder(ours, own, pointer, path);
  }
  let holder: unknown;
  let holderPointer: string;
  let schemaTokens: string[];
  if (kind === "requestBody" && inner[0] === "content" && inner[1] !== undefined) {
    const body = deref(ours, walked.operation["requestBody"]);
    const content = isObj(body) && isObj(body["content"]) ? body["content"] : {};
    holder = content[inner[1]];
    holderPointer = `${at}/requestBody/content/${inner[1].replace(/\//g, "~1")}`;
    schemaTokens = inner.slice(2);
  } else if (kind === "responses" && inner[0] !== undefined && inner[1] === "content" && inner[2]) {
    const responses = isObj(walked.operation["responses"]) ? walked.operation["responses"] : {};
    const raw = responses[inner[0]];
    const response = deref(ours, raw);
    const content = isObj(response) && isObj(response["content"]) ? response["content"] : {};
    holder = content[inner[2]];
    const responsePointer =
      isObj(raw) && typeof raw["$ref"] === "string" ? raw["$ref"] : `${at}/responses/${inner[0]}`;
    holderPointer = `${responsePointer}/content/${inner[2].replace(/\//g, "~1")}`;
    schemaTokens = inner.slice(3);
  } else return undefined;
  if (!isObj(holder)) return undefined;
  // `schema/...` inside the media type: the data the schema path describes; else the whole body.
  const path = schemaTokens[0] === "schema" ? dataPathOf(schemaTokens.slice(1)) : [];
  return examplesOfHolder(ours, holder, holderPointer, path);
}

/**
 * Whether our value carries the vendor's: the same scalar, an array of the same length whose items
 * carry the vendor's items, an object with every property the vendor shows carrying its value.
 */
export function carriesValues(ours: unknown, vendor: unknown): boolean {
  if (Array.isArray(vendor))
    return (
      Array.isArray(ours) &&
      ours.length === vendor.length &&
      vendor.every((v, i) => carriesValues(ours[i], v))
    );
  if (isObj(vendor))
    return (
      isObj(ours) &&
      Object.entries(vendor).every(([k, v]) => Object.hasOwn(ours, k) && carriesValues(ours[k], v))
    );
  return Object.is(ours, vendor);
}
