import type { AuthSchemeMeta } from "@workapis/runtime";
import type { ExtractedMeta } from "./extract-meta.ts";
import { fromPointer } from "./spec-error.ts";
import { deref, isObj, type Obj, operationsOf, parametersOf } from "./spec-walk.ts";

/**
 * The operation catalog: what a tool needs to offer the vendor's operations to someone who has not
 * read the spec (an agent through `@workapis/mcp`). Per operation its summary and description, tags,
 * the evidence (`x-source` URL or the `x-inferred` assumption), what the client knows about it
 * (retry-safe, paginated), and one JSON Schema (2020-12) of everything a call takes: `path`, `query`
 * and `header` parameters and the `body`. Parameters the client sets itself (the credential, the
 * request id) are left out. Components a schema refers to are copied into its `$defs`.
 */
export interface CatalogOperation {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly source?: string;
  readonly inferred?: string;
  readonly retrySafe: boolean;
  readonly pagination?: { readonly items: string; readonly sizeParam?: string };
  readonly input: Obj;
}

export interface Catalog {
  readonly vendor: string;
  readonly title: string;
  readonly operations: readonly CatalogOperation[];
}

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

function parameterGroup(copier: SchemaCopier, params: readonly Obj[]): Obj | undefined {
  if (params.length === 0) return undefined;
  const properties: Obj = {};
  const required: string[] = [];
  for (const p of params) {
    const name = String(p["name"]);
    const schema = isObj(p["schema"]) ? (copier.copy(p["schema"]) as Obj) : {};
    const description = typeof p["description"] === "string" ? p["description"].trim() : undefined;
    properties[name] = description && !("$ref" in schema) ? { description, ...schema } : schema;
    if (p["required"] === true) required.push(name);
  }
  return {
    type: "object",
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
  };
}

/** The request body's schema (JSON preferred), without the body fields the client fills in. */
function bodySchema(copier: SchemaCopier, doc: Obj, requestBody: unknown, bodyAuth: readonly string[]) {
  const body = deref(doc, requestBody);
  if (!isObj(body) || !isObj(body["content"])) return undefined;
  const content = body["content"];
  const key = Object.keys(content).find((t) => t.includes("json")) ?? Object.keys(content)[0];
  const media = key ? content[key] : undefined;
  if (!isObj(media) || !isObj(media["schema"])) return undefined;
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
  return { schema: copier.copy(schema) as Obj, required: body["required"] === true };
}

export function buildCatalog(doc: Obj, vendor: string, meta: ExtractedMeta): Catalog {
  const skipped = clientParams(meta.vendor.auth, meta.vendor.requestIdHeader);
  const bodyAuth = meta.vendor.auth.flatMap((s) => (s.type === "apiKey" && s.alsoInBody ? [s.param] : []));
  const byRoute = new Map(meta.operations.map((o) => [`${o.method} ${o.path}`, o]));
  const info = isObj(doc["info"]) ? doc["info"] : {};
  const operations = operationsOf(doc).map((walked): CatalogOperation => {
    const { operation } = walked;
    const known = byRoute.get(`${walked.method} ${walked.path}`);
    const copier = new SchemaCopier(doc);
    const params = parametersOf(doc, walked).filter(
      (p) => !skipped.has(`${String(p["in"])}:${String(p["name"]).toLowerCase()}`),
    );
    const properties: Obj = {};
    const required: string[] = [];
    for (const place of ["path", "query", "header"] as const) {
      const group = parameterGroup(
        copier,
        params.filter((p) => p["in"] === place),
      );
      if (!group) continue;
      properties[place] = group;
      if (Array.isArray(group["required"])) required.push(place);
    }
    const body = bodySchema(copier, doc, operation["requestBody"], bodyAuth);
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
    const pagination = known?.pagination;
    const description = typeof operation["description"] === "string" ? operation["description"].trim() : "";
    return {
      operationId: String(operation["operationId"]),
      method: walked.method,
      path: walked.path,
      summary: typeof operation["summary"] === "string" ? operation["summary"] : "",
      ...(description ? { description } : {}),
      tags: Array.isArray(operation["tags"]) ? operation["tags"].map(String) : [],
      ...(typeof operation["x-source"] === "string" ? { source: operation["x-source"] } : {}),
      ...(typeof operation["x-inferred"] === "string" ? { inferred: operation["x-inferred"] } : {}),
      retrySafe: known?.retrySafe ?? false,
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
  return { vendor, title: typeof info["title"] === "string" ? info["title"] : vendor, operations };
}

const CATALOG_TYPES = `/** One operation: what it does, where the vendor documents it, and the JSON Schema of its input. */
export interface CatalogOperation {
  readonly operationId: string;
  readonly method: "get" | "put" | "post" | "delete" | "patch";
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  /** The vendor page that documents the operation. */
  readonly source?: string;
  /** Why the operation is assumed, where the vendor documents nothing. */
  readonly inferred?: string;
  /** The client may repeat the call (reads, and POSTs the spec marks \`x-retry-safe\`). */
  readonly retrySafe: boolean;
  /** Where a paginated answer holds its items (a JSON pointer), and the query parameter of the page size. */
  readonly pagination?: { readonly items: string; readonly sizeParam?: string };
  /** JSON Schema (2020-12) of the call's input: \`{ path?, query?, header?, body? }\`. */
  readonly input: Readonly<Record<string, unknown>>;
}

/** The vendor's operations as the spec describes them. */
export interface OperationCatalog {
  readonly vendor: string;
  readonly title: string;
  readonly operations: readonly CatalogOperation[];
}
`;

/** `catalog.js` and its declarations (a JSON-sized literal is checked faster as `.js` + `.d.ts`). */
export function emitCatalog(catalog: Catalog): { readonly js: string; readonly dts: string } {
  const doc =
    "/** The operations of the spec: summaries, evidence and the JSON Schema of each call's input. */";
  return {
    js: [doc, `export const catalog = ${JSON.stringify(catalog, null, 2)};`, ""].join("\n"),
    dts: [CATALOG_TYPES, doc, "export declare const catalog: OperationCatalog;", ""].join("\n"),
  };
}
