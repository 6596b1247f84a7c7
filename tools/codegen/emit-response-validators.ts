import { Ajv2020 } from "ajv/dist/2020.js";
import standalone from "ajv/dist/standalone/index.js";
import { rewriteRefs, SPEC_ID, selfContained } from "./emit-validators.ts";
import { type SpecProblem, toPointer } from "./spec-error.ts";
import type { SpecModel } from "./spec-model.ts";
import { deref, isObj, type Obj, propertiesOf, schemaAt } from "./spec-walk.ts";

/**
 * Shape-only format checks, as regexes ajv inlines: what the response validators use, since they run
 * in the client's own package and import nothing from the mock.
 */
const SHAPE_FORMATS: Record<string, RegExp> = {
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  "date-time": /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?$/,
  time: /^\d{2}:\d{2}(:\d{2})?$/,
  uri: /^[a-z][a-z0-9+.-]*:[^\s]*$/i,
};

const standaloneCode = standalone.default;

/** Keywords whose value is a map of sub-schemas, each describing a value of its own (a use site). */
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs"]);
/** Keywords whose value is one sub-schema describing a value of its own. */
const SCHEMA_VALUES = new Set(["items", "additionalProperties", "contains", "propertyNames"]);
/** Keywords whose sub-schemas describe the same value as their parent. */
const SAME_VALUE_LISTS = new Set(["allOf", "anyOf", "oneOf"]);
const SAME_VALUE = new Set(["not", "if", "then", "else"]);

const describesObject = (s: Obj) =>
  "$ref" in s ||
  "properties" in s ||
  [...SAME_VALUE_LISTS].some((k) => k in s) ||
  s["type"] === "object" ||
  (Array.isArray(s["type"]) && s["type"].includes("object"));

/**
 * The schema with `unevaluatedProperties: false` wherever a value is described (the response body, each
 * property, each array item) and the spec leaves other fields open, so ajv names every field the spec
 * does not describe. Set where the value is described, not on each `allOf`/`anyOf` part, since a part
 * does not see its siblings' fields. ajv reports these as `unevaluatedProperties` (an "extra" field,
 * not a failure); a schema's own `additionalProperties: false` stays a failure.
 */
export function reportingExtras(schema: unknown, useSite: boolean): unknown {
  if (Array.isArray(schema)) return schema.map((s) => reportingExtras(s, useSite));
  if (!isObj(schema)) return schema;
  const out: Obj = {};
  for (const [key, value] of Object.entries(schema)) {
    if (SCHEMA_MAPS.has(key) && isObj(value))
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, s]) => [name, reportingExtras(s, key !== "$defs")]),
      );
    else if (SCHEMA_VALUES.has(key) && isObj(value)) out[key] = reportingExtras(value, true);
    else if (key === "prefixItems" && Array.isArray(value))
      out[key] = value.map((s) => reportingExtras(s, true));
    else if (SAME_VALUE_LISTS.has(key) && Array.isArray(value))
      out[key] = value.map((s) => reportingExtras(s, false));
    else if (SAME_VALUE.has(key) && isObj(value)) out[key] = reportingExtras(value, false);
    else out[key] = value;
  }
  if (
    useSite &&
    describesObject(out) &&
    !("additionalProperties" in out) &&
    !("unevaluatedProperties" in out)
  )
    out["unevaluatedProperties"] = false;
  return out;
}

/** The first array of records in a success body's schema, as a JSON pointer (`/data`, `/results`). */
function itemsPointer(doc: Obj, schema: unknown): string | undefined {
  const queue: [string, unknown][] = [["", schema]];
  for (let seen = 0; queue.length > 0 && seen < 200; seen++) {
    const [pointer, raw] = queue.shift() as [string, unknown];
    const s = deref(doc, raw);
    if (!isObj(s)) continue;
    const type = s["type"];
    if (type === "array" || (Array.isArray(type) && type.includes("array"))) return pointer;
    for (const [name, sub] of propertiesOf(doc, s)) queue.push([`${pointer}/${name}`, sub]);
    // An answer that is one record or a list of them (WorkBoard's `oneOf`): the list is the one to read.
    for (const key of ["oneOf", "anyOf"])
      if (Array.isArray(s[key])) for (const alt of s[key]) queue.push([pointer, alt]);
  }
  return undefined;
}

function exampleOf(holder: Obj, schema: unknown): unknown {
  const s = isObj(schema) ? schema : {};
  const enums = Array.isArray(s["enum"]) ? s["enum"] : [];
  return holder["example"] ?? s["example"] ?? s["default"] ?? enums[0];
}

/** The safe reads `probe` calls (the model's `safeRead` operations), with the inputs each needs. */
function safeReadsOf(model: SpecModel): unknown[] {
  const doc = model.document;
  // A credential sent in the body (BoardCRM's access_token) is the client's to add, not an input.
  const credentialFields = new Set(model.vendor.auth.flatMap((s) => (s.type === "apiKey" ? [s.param] : [])));
  const reads: unknown[] = [];
  for (const op of model.operations) {
    if (!op.safeRead) continue;
    const inputs: Obj[] = [];
    for (const p of op.parameters) {
      if (p.in !== "path" && !(p.in === "query" && p.required)) continue;
      const example = p.in === "path" ? undefined : exampleOf({ example: p.example }, deref(doc, p.schema));
      inputs.push({ in: p.in, name: p.name, ...(example === undefined ? {} : { example }) });
    }
    const bodySchema = op.requestBody?.content?.media["schema"];
    if (bodySchema !== undefined) {
      const schema = deref(doc, bodySchema);
      const parts = isObj(schema)
        ? [schema, ...(Array.isArray(schema["allOf"]) ? schema["allOf"].map((s) => deref(doc, s)) : [])]
        : [];
      const required = parts.flatMap((p) =>
        isObj(p) && Array.isArray(p["required"]) ? p["required"].map(String) : [],
      );
      for (const name of required.filter((n) => !credentialFields.has(n))) {
        const example = exampleOf({}, deref(doc, schemaAt(doc, schema, `/${name}`)));
        inputs.push({ in: "body", name, ...(example === undefined ? {} : { example }) });
      }
    }
    const successSchema = op.responses.find((r) => r.status.startsWith("2"))?.content?.media["schema"];
    const items = op.pagination?.items ?? (successSchema ? itemsPointer(doc, successSchema) : undefined);
    reads.push({
      operation: op.operationId,
      method: op.method,
      path: op.path,
      inputs,
      ...(items === undefined ? {} : { items }),
    });
  }
  return reads;
}

/**
 * `response-validators.js` (and its `.d.ts`): ajv standalone validators of every operation's documented JSON success
 * bodies, loaded by a client only when `validateResponses` is on (the vendor package's `validators`
 * entry), and the safe reads `probe` calls.
 */
export function emitResponseValidators(
  model: SpecModel,
  problems: SpecProblem[],
): { readonly js: string; readonly dts: string } {
  const { document: doc, file } = model;
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    code: { source: true, esm: true },
    formats: SHAPE_FORMATS,
  });
  const components = rewriteRefs(doc["components"] ?? {}) as Obj;
  const schemas = isObj(components["schemas"]) ? components["schemas"] : {};
  ajv.addSchema({
    $id: SPEC_ID,
    components: {
      ...components,
      schemas: Object.fromEntries(
        Object.entries(schemas).map(([name, s]) => [name, reportingExtras(s, false)]),
      ),
    },
  });
  const exports: Record<string, string> = {};
  const table: string[] = [];
  for (const op of model.operations) {
    const id = op.operationId;
    const statuses: string[] = [];
    for (const { status, content } of op.responses) {
      if (!/^2(\d\d|XX)$/.test(status)) continue;
      const media = content?.media;
      if (!content?.mediaTypes.some((k) => k.includes("json")) || !media || !isObj(media["schema"])) continue;
      const name = `${id}_${status}`;
      try {
        ajv.addSchema({ ...(reportingExtras(rewriteRefs(media["schema"]), true) as Obj), $id: name });
        exports[name] = name;
        statuses.push(`${JSON.stringify(status)}: v.${name}`);
      } catch (error) {
        problems.push({
          file,
          pointer: toPointer(["paths", op.path, op.method, "responses", status]),
          message: `cannot compile the response validator: ${String(error)}`,
        });
      }
    }
    if (statuses.length)
      table.push(
        `  ${JSON.stringify(`${op.method} ${op.path}`)}: { operation: ${JSON.stringify(id)}, statuses: { ${statuses.join(", ")} } },`,
      );
  }
  const code = Object.keys(exports).length ? standaloneCode(ajv, exports) : "";
  const validatorsDoc = [
    "/**",
    " * Checks a JSON success body against the spec, by method and path template: `validateResponses`",
    " * and `probe` use it.",
    " */",
  ].join("\n");
  const readsDoc = [
    "/**",
    " * The operations `probe` calls: GETs and the POST reads the spec marks `x-retry-safe`, with the",
    " * inputs each needs.",
    " */",
  ].join("\n");
  // Plain JavaScript with a declared type, as `mock-spec.js`: TypeScript never has to read the
  // validators' megabyte of ajv output, so the package's declaration build stays quick.
  return {
    js: [
      'import { createResponseValidators } from "@workapis/runtime/validation";',
      "",
      "const v = (() => {",
      selfContained(code),
      `return { ${Object.keys(exports).join(", ")} };`,
      "})();",
      "",
      validatorsDoc,
      "export const responseValidators = createResponseValidators({",
      ...table,
      "});",
      "",
      readsDoc,
      `export const safeReads = ${JSON.stringify(safeReadsOf(model), null, 2)};`,
      "",
    ].join("\n"),
    dts: [
      'import type { ResponseValidators } from "@workapis/runtime/validation";',
      'import type { SafeRead } from "@workapis/runtime/probe";',
      "",
      validatorsDoc,
      "export declare const responseValidators: ResponseValidators;",
      "",
      readsDoc,
      "export declare const safeReads: readonly SafeRead[];",
      "",
    ].join("\n"),
  };
}
