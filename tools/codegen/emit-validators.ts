import { _, Ajv2020 } from "ajv/dist/2020.js";
import standalone from "ajv/dist/standalone/index.js";
import { fullFormats } from "ajv-formats/dist/formats.js";

const standaloneCode = standalone.default;

import { type SpecProblem, toPointer } from "./spec-error.ts";
import type { ModelParameter, ModelRequestBody, SpecModel } from "./spec-model.ts";
import { isObj, type Obj } from "./spec-walk.ts";

/**
 * Request validators for the mocks, compiled at build time with ajv's standalone mode, so the
 * consumer's test process runs plain functions and no schema engine.
 *
 * Formats are ajv-formats' full-mode checks (a real calendar date, a real instant), not shape regexes.
 * Several of them are functions, which standalone code cannot inline, so the generated module imports
 * them as `requestFormats` from `@workapis/mock` (a dependency of every vendor package, which depends on
 * ajv-formats itself): the same functions run at build time here and in the consumer's tests.
 */
const FORMAT_NAMES = ["date", "date-time", "time", "email", "uri", "uuid"] as const;
const FORMATS = Object.fromEntries(FORMAT_NAMES.map((name) => [name, fullFormats[name]]));
const TYPE_IMPORT = 'import type { OperationValidators } from "@workapis/mock";';
const FORMATS_IMPORT = 'import { type OperationValidators, requestFormats } from "@workapis/mock";';
export const SPEC_ID = "spec";

/** ajv's runtime helpers, inlined so the generated validators import nothing. */
const RUNTIME_HELPERS: Record<string, string> = {
  'require("ajv/dist/runtime/ucs2length").default': "((s) => [...s].length)",
  'require("ajv/dist/runtime/equal").default': "((a, b) => JSON.stringify(a) === JSON.stringify(b))",
};

/** Makes ajv's standalone output self-contained and valid as an ES module body. */
export function selfContained(code: string): string {
  let out = code
    .replace(/^"use strict";/, "")
    .replace(/export const /g, "const ")
    .replace(/export default [^;]+;/, "");
  for (const [from, to] of Object.entries(RUNTIME_HELPERS)) out = out.split(from).join(to);
  // ajv's type coercion of property names assigns to the loop variable: make it mutable.
  out = out.replace(/for\(const (key\d+) in /g, "for(let $1 in ");
  const leftover = /require\([^)]*\)/.exec(out);
  if (leftover) throw new Error(`generated validators still need ${leftover[0]}`);
  return out;
}

/** Rewrites local `#/components/...` refs to point into the document registered as `spec`. */
export function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (!isObj(value)) return value;
  const out: Obj = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === "$ref" && typeof v === "string" && v.startsWith("#/") ? `${SPEC_ID}${v}` : rewriteRefs(v);
  }
  return out;
}

function objectSchema(params: readonly ModelParameter[]): Obj | undefined {
  if (params.length === 0) return undefined;
  const properties: Obj = {};
  const required: string[] = [];
  for (const p of params) {
    properties[p.name] = rewriteRefs(p.schema ?? {});
    if (p.required) required.push(p.name);
  }
  return { type: "object", properties, ...(required.length ? { required } : {}) };
}

/** The body's schema (of its JSON media type, else its first), and whether it may come as a form. */
function bodySchema(body: ModelRequestBody | undefined): { schema: Obj; form: boolean } | undefined {
  const schema = body?.content?.media["schema"];
  if (!body?.content || !isObj(schema)) return undefined;
  return {
    schema: rewriteRefs(schema) as Obj,
    form: body.content.mediaTypes.some((t) => t.includes("form")),
  };
}

export function emitValidators(model: SpecModel, problems: SpecProblem[]): string {
  const { document: doc, file } = model;
  const strict = new Ajv2020({
    strict: false,
    allErrors: true,
    code: { source: true, esm: true, formats: _`requestFormats` },
    formats: FORMATS,
  });
  const coercing = new Ajv2020({
    strict: false,
    allErrors: true,
    coerceTypes: "array",
    code: { source: true, esm: true, formats: _`requestFormats` },
    formats: FORMATS,
  });
  const components = rewriteRefs(doc["components"] ?? {});
  strict.addSchema({ $id: SPEC_ID, components });
  coercing.addSchema({ $id: SPEC_ID, components });
  const strictExports: Record<string, string> = {};
  const coercingExports: Record<string, string> = {};
  const table: string[] = [];
  for (const op of model.operations) {
    const id = op.operationId;
    const params = op.parameters;
    const entries: string[] = [];
    const add = (kind: string, schema: Obj | undefined, coerce: boolean) => {
      if (!schema) return;
      const name = `${id}_${kind}`;
      try {
        (coerce ? coercing : strict).addSchema({ ...schema, $id: name });
        (coerce ? coercingExports : strictExports)[name] = name;
        entries.push(`${kind}: ${coerce ? "c" : "s"}.${name}`);
      } catch (error) {
        problems.push({
          file,
          pointer: toPointer(["paths", op.path, op.method]),
          message: `cannot compile ${kind} validator: ${String(error)}`,
        });
      }
    };
    add("path", objectSchema(params.filter((p) => p.in === "path")), true);
    add("query", objectSchema(params.filter((p) => p.in === "query")), true);
    add("header", objectSchema(params.filter((p) => p.in === "header")), true);
    const body = bodySchema(op.requestBody);
    if (body) add("body", body.schema, body.form);
    table.push(`  ${JSON.stringify(id)}: { ${entries.join(", ")} },`);
  }
  const strictCode = Object.keys(strictExports).length ? standaloneCode(strict, strictExports) : "";
  const coercingCode = Object.keys(coercingExports).length ? standaloneCode(coercing, coercingExports) : "";
  return [
    "// @ts-nocheck: ajv standalone output (plain JavaScript); its types are declared by the export below.",
    /\brequestFormats\b/.test(strictCode + coercingCode) ? FORMATS_IMPORT : TYPE_IMPORT,
    "",
    "const s = (() => {",
    selfContained(strictCode),
    `return { ${Object.keys(strictExports).join(", ")} };`,
    "})();",
    "const c = (() => {",
    selfContained(coercingCode),
    `return { ${Object.keys(coercingExports).join(", ")} };`,
    "})();",
    "",
    "/** Request validators per operationId: path, query and header parameters (coerced) and the body. */",
    "export const validators: Readonly<Record<string, OperationValidators>> = {",
    ...table,
    "};",
    "",
  ].join("\n");
}
