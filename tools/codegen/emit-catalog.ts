import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AuthSchemeMeta } from "@workapis/runtime";
import type { CatalogOperation, OperationCatalog } from "./catalog-types.ts";
import { fromPointer } from "./spec-error.ts";
import type { ModelParameter, ModelRequestBody, SpecModel } from "./spec-model.ts";
import { deref, isObj, type Obj } from "./spec-walk.ts";

/** Keys of a spec schema that say nothing a validator or a reader of the input needs. */
const DROPPED_KEYS = new Set(["example", "xml", "externalDocs", "discriminator"]);

/** `#/components/schemas/Goal` → `Goal`; other component kinds keep their kind (`parameters.Limit`). */
function defName(ref: string): string | undefined {
  const parts = fromPointer(ref);
  if (parts[0] !== "components" || parts.length !== 3) return undefined;
  return parts[1] === "schemas" ? String(parts[2]) : `${String(parts[1])}.${String(parts[2])}`;
}

/** Copies a schema without examples and `x-` extensions, its local refs pointing into `$defs`. */
class SchemaCopier {
  readonly defs: Record<string, unknown> = {};
  private readonly doc: Obj;

  constructor(doc: Obj) {
    this.doc = doc;
  }

  copy(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.copy(v));
    if (!isObj(value)) return value;
    const out: Obj = {};
    for (const [key, v] of Object.entries(value)) {
      if (DROPPED_KEYS.has(key) || key.startsWith("x-")) continue;
      if (key === "$ref" && typeof v === "string" && v.startsWith("#/")) {
        const name = defName(v);
        if (name === undefined) return this.copy(deref(this.doc, value));
        this.define(name, v);
        out[key] = `#/$defs/${name}`;
        continue;
      }
      // `properties` and `patternProperties` map names to schemas: a property may be called `example`.
      out[key] =
        (key === "properties" || key === "patternProperties" || key === "$defs") && isObj(v)
          ? Object.fromEntries(Object.entries(v).map(([k, s]) => [k, this.copy(s)]))
          : this.copy(v);
    }
    return out;
  }

  private define(name: string, ref: string): void {
    if (name in this.defs) return;
    this.defs[name] = true; // placeholder: a recursive schema refers to itself
    this.defs[name] = this.copy(deref(this.doc, { $ref: ref }));
  }
}

/** The names of the parameters the client fills in itself: the credential and the request id. */
function clientParams(auth: readonly AuthSchemeMeta[], requestIdHeader: string | undefined): Set<string> {
  const names = new Set<string>();
  for (const scheme of auth) if (scheme.type === "apiKey") names.add(`${scheme.in}:${scheme.param}`);
  names.add("header:authorization");
  if (requestIdHeader) names.add(`header:${requestIdHeader.toLowerCase()}`);
  return names;
}

function parameterGroup(copier: SchemaCopier, params: readonly ModelParameter[]): Obj | undefined {
  if (params.length === 0) return undefined;
  const properties: Obj = {};
  const required: string[] = [];
  for (const { name, schema: raw, description, required: needed } of params) {
    const schema = isObj(raw) ? (copier.copy(raw) as Obj) : {};
    properties[name] = description && !("$ref" in schema) ? { description, ...schema } : schema;
    if (needed) required.push(name);
  }
  return {
    type: "object",
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
  };
}

/** The request body's schema (JSON preferred), without the body fields the client fills in. */
function bodySchema(
  copier: SchemaCopier,
  doc: Obj,
  body: ModelRequestBody | undefined,
  bodyAuth: readonly string[],
) {
  const media = body?.content?.media;
  if (!body || !media || !isObj(media["schema"])) return undefined;
  let schema = media["schema"];
  const top = deref(doc, schema);
  if (isObj(top) && isObj(top["properties"]) && bodyAuth.some((n) => n in (top["properties"] as Obj))) {
    const properties = Object.fromEntries(
      Object.entries(top["properties"]).filter(([name]) => !bodyAuth.includes(name)),
    );
    const required = Array.isArray(top["required"])
      ? top["required"].filter((n) => !bodyAuth.includes(String(n)))
      : undefined;
    schema = { ...top, properties, ...(required ? { required } : {}) };
  }
  return { schema: copier.copy(schema) as Obj, required: body.required };
}

/**
 * The operation catalog: what a tool needs to offer the vendor's operations to someone who has not
 * read the spec (an agent through `@workapis/mcp`). Per operation its summary and description, tags,
 * the evidence (`x-source` URL or the `x-inferred` assumption), what the client knows about it
 * (retry-safe, a read, paginated), and one JSON Schema (2020-12) of everything a call takes: `path`,
 * `query` and `header` parameters and the `body`. Parameters the client sets itself (the credential,
 * the request id) are left out. Components a schema refers to are copied into its `$defs`. Its types
 * are those of `catalog-types.ts`, which `catalog.d.ts` declares.
 */
export function buildCatalog(model: SpecModel, vendor: string): OperationCatalog {
  const { document: doc } = model;
  const skipped = clientParams(model.vendor.auth, model.vendor.requestIdHeader);
  const bodyAuth = model.vendor.auth.flatMap((s) => (s.type === "apiKey" && s.alsoInBody ? [s.param] : []));
  const operations = model.operations.map((op): CatalogOperation => {
    const copier = new SchemaCopier(doc);
    const params = op.parameters.filter((p) => !skipped.has(`${p.in}:${p.name.toLowerCase()}`));
    const properties: Obj = {};
    const required: string[] = [];
    for (const place of ["path", "query", "header"] as const) {
      const group = parameterGroup(
        copier,
        params.filter((p) => p.in === place),
      );
      if (!group) continue;
      properties[place] = group;
      if (Array.isArray(group["required"])) required.push(place);
    }
    const body = bodySchema(copier, doc, op.requestBody, bodyAuth);
    if (body) {
      properties["body"] = body.schema;
      if (body.required) required.push("body");
    }
    const input: Obj = {
      type: "object",
      properties,
      ...(required.length ? { required } : {}),
      additionalProperties: false,
      ...(Object.keys(copier.defs).length ? { $defs: copier.defs } : {}),
    };
    const { pagination } = op;
    return {
      operationId: op.operationId,
      method: op.method,
      path: op.path,
      summary: op.summary ?? "",
      ...(op.description ? { description: op.description } : {}),
      tags: op.tags,
      ...(op.source ? { source: op.source } : {}),
      ...(op.inferred ? { inferred: op.inferred } : {}),
      retrySafe: op.retrySafe,
      safeRead: op.safeRead,
      ...(pagination
        ? {
            pagination: {
              items: pagination.items,
              ...(pagination.in === "query" && "sizeParam" in pagination && pagination.sizeParam
                ? { sizeParam: pagination.sizeParam }
                : {}),
            },
          }
        : {}),
      input,
    };
  });
  return { vendor, title: model.title ?? vendor, operations };
}

/** `catalog-types.ts` as `catalog.d.ts` declares it: the file without its leading line comments. */
export function catalogTypes(): string {
  const text = readFileSync(join(import.meta.dirname, "catalog-types.ts"), "utf8");
  return text.replace(/^(?:\/\/.*\n)+\n*/, "");
}

/** `catalog.js` and its declarations (a JSON-sized literal is checked faster as `.js` + `.d.ts`). */
export function emitCatalog(catalog: OperationCatalog): { readonly js: string; readonly dts: string } {
  const doc =
    "/** The operations of the spec: summaries, evidence and the JSON Schema of each call's input. */";
  return {
    js: [doc, `export const catalog = ${JSON.stringify(catalog, null, 2)};`, ""].join("\n"),
    dts: [catalogTypes(), doc, "export declare const catalog: OperationCatalog;", ""].join("\n"),
  };
}
