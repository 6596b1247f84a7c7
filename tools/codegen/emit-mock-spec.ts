import type { MockOperation, MockSpec, RecordBlank } from "@workapis/mock";
import { generateSync } from "json-schema-faker";
import { answerBlank, blankRecord, withParentLinks } from "./blank-record.ts";
import { fromPointer } from "./spec-error.ts";
import { type ModelOperation, type ModelResponse, type SpecModel, successResponse } from "./spec-model.ts";
import { deref, isObj, type Obj, propertiesOf, readPointer, schemaAt } from "./spec-walk.ts";
import { distinctPerson, numberName, shiftDates } from "./vary-fixture.ts";

/** Records per resource the mock starts with: enough that default-sized lists have a second page. */
const FIXTURE_TARGET = 25;
/** The build-time seed: fixtures are the same on every build. */
const SEED = 20260115;

/** The mock's success answer: the first 2xx (200 when none is declared), its media type and object. */
function successOf(op: ModelOperation): {
  status: number;
  media: Obj | undefined;
  mediaType: string;
  example: unknown;
} {
  const success = successResponse(op);
  return {
    status: Number(success?.status ?? 200),
    media: success?.content?.media,
    mediaType: success?.content?.mediaType ?? "application/json",
    example: success?.content?.example,
  };
}

/** The JSON types a schema allows (through $ref, allOf/anyOf/oneOf and 3.1 type arrays); [] when open. */
function typesOf(doc: Obj, schema: unknown): string[] {
  const s = deref(doc, schema);
  if (!isObj(s)) return [];
  if (Array.isArray(s["type"])) return s["type"].map(String);
  if (typeof s["type"] === "string") return [s["type"]];
  if ("const" in s)
    return [s["const"] === null ? "null" : Array.isArray(s["const"]) ? "array" : typeof s["const"]];
  for (const key of ["anyOf", "oneOf"]) {
    if (!Array.isArray(s[key])) continue;
    const parts = s[key].map((part) => typesOf(doc, part));
    return parts.some((p) => p.length === 0) ? [] : [...new Set(parts.flat())];
  }
  if (Array.isArray(s["allOf"]))
    for (const part of s["allOf"]) if (typesOf(doc, part).length) return typesOf(doc, part);
  return [];
}

/** Allowed JSON types of each top-level property of a record schema (only properties that constrain them). */
function fieldTypesOf(doc: Obj, recordSchema: unknown): Record<string, string[]> | undefined {
  const out: Record<string, string[]> = {};
  for (const [name, prop] of propertiesOf(doc, recordSchema)) {
    const types = typesOf(doc, prop);
    if (types.length) out[name] = types;
  }
  return Object.keys(out).length ? out : undefined;
}

function withComponents(doc: Obj, schema: unknown): Obj {
  return { ...(isObj(schema) ? schema : {}), components: doc["components"] };
}

function fake(doc: Obj, schema: unknown, seed: number): unknown {
  return generateSync(
    withComponents(doc, schema) as never,
    {
      seed,
      alwaysFakeOptionals: true,
      useExamplesValue: true,
      maxDefaultItems: 2,
      maxDepth: 12,
      refDepthMin: 0,
      refDepthMax: 8,
      minDateTime: "2025-01-01",
      maxDateTime: "2026-06-30",
      failOnInvalidTypes: false,
    } as never,
  );
}

/** An error example as a template: its lists emptied, so no failure repeats the example's particulars. */
function errorTemplate(body: unknown): unknown {
  if (Array.isArray(body)) return [];
  if (!isObj(body)) return body;
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, errorTemplate(value)]));
}

/**
 * An operation's documented error examples, split by style: those in the vendor's envelope (they have
 * its success flag) feed the vendor-wide templates; when any lacks the flag, the operation answers
 * every failure from its own examples (`own`, with "default" the first), as WorkBoard's API v2 does.
 */
export function operationErrors(
  responses: readonly ModelResponse[],
  successPointer: string,
): { vendor: Record<string, unknown>; own?: Record<string, unknown> } {
  const vendor: Record<string, unknown> = {};
  const all: Record<string, unknown> = {};
  let foreign = false;
  for (const { status, content } of responses) {
    if (!/^[1345]\d\d$|^default$/.test(status)) continue;
    const body = content?.example;
    if (body === undefined) continue;
    all[status] = body;
    if (readPointer(body, successPointer) === undefined) foreign = true;
    else vendor[status] = body;
  }
  if (!foreign) return { vendor };
  const own: Record<string, unknown> = {};
  for (const [status, body] of Object.entries(all)) own[status] = errorTemplate(body);
  own["default"] ??= Object.values(own)[0];
  return { vendor: {}, own };
}

/** MockSpec data: operations with their templates, the vendor's error bodies, and seeded fixtures. */
export function buildMockSpec(model: SpecModel, vendor: string): MockSpec {
  const { document: doc } = model;
  const operations: MockOperation[] = [];
  const errors: Record<string, unknown> = {};
  const recordSchemas = new Map<string, unknown>();
  const fixtures: Record<string, Obj[]> = {};
  const idFields: Record<string, string> = {};
  const addFixture = (resource: string, record: unknown) => {
    if (!isObj(record)) return;
    const idField = idFields[resource] ?? "id";
    const id = record[idField];
    if (typeof id !== "string" && typeof id !== "number") return;
    const list = fixtures[resource] ?? [];
    fixtures[resource] = list;
    if (!list.some((r) => r[idField] === id)) list.push(record);
  };

  // Id fields first: a list may come before the operation that names its resource's id field.
  for (const { mock } of model.operations) if (mock.idField) idFields[mock.resource] = mock.idField;
  const createAnswers = new Map<string, Obj>();
  let seed = SEED;
  for (const op of model.operations) {
    const { operationId, mock: xMock, pagination } = op;
    const success = successOf(op);
    const example =
      success.example ?? (success.media ? fake(doc, success.media["schema"], seed++) : undefined);
    const ownErrors = operationErrors(op.responses, model.vendor.envelope.success);
    for (const [status, body] of Object.entries(ownErrors.vendor)) {
      errors[status] ??= body;
      errors["default"] ??= body;
    }
    operations.push({
      operationId,
      method: op.method,
      path: op.path,
      mock: xMock,
      successStatus: success.status,
      successMediaType: success.mediaType,
      example: example ?? null,
      ...(pagination ? { pagination } : {}),
      secured: op.credentialRequired,
      statuses: op.responses.filter((r) => /^\d+$/.test(r.status)).map((r) => Number(r.status)),
      arrayParams: op.parameters
        .filter((p) => p.in === "query" && (deref(doc, p.schema) as Obj | undefined)?.["type"] === "array")
        .map((p) => p.name),
      ...(() => {
        const headers = op.parameters.filter((p) => p.in === "header").map((p) => p.name);
        return headers.length ? { headerParams: headers } : {};
      })(),
      hasBody: op.requestBody !== undefined,
      ...(op.baseUrl ? { serverUrl: op.baseUrl } : {}),
      ...(op.requestBody?.required ? { bodyRequired: true } : {}),
      ...(op.requiredRole ? { requiredRole: op.requiredRole } : {}),
      ...(ownErrors.own ? { errors: ownErrors.own } : {}),
      ...(() => {
        const pointer = xMock.record ?? "/data";
        const types =
          success.media && ["create", "update", "action", "get"].includes(xMock.action)
            ? fieldTypesOf(doc, schemaAt(doc, success.media["schema"], pointer))
            : undefined;
        return types ? { fieldTypes: types } : {};
      })(),
    });

    if (xMock.action === "create" && success.media) createAnswers.set(operationId, success.media);

    // Seed records: list items and single-record examples, in spec order.
    if (xMock.action === "list") {
      const itemsPointer = pagination?.items ?? xMock.record ?? "/data";
      const items = readPointer(example, itemsPointer);
      if (Array.isArray(items)) for (const item of items) addFixture(xMock.resource, item);
      if (success.media && Array.isArray(items)) {
        recordSchemas.set(xMock.resource, schemaAt(doc, success.media["schema"], `${itemsPointer}/0`));
      }
    } else if (xMock.action === "get" || xMock.action === "create" || xMock.action === "update") {
      const pointer = xMock.record ?? "/data";
      addFixture(xMock.resource, readPointer(example, pointer));
      if (success.media && !recordSchemas.has(xMock.resource)) {
        recordSchemas.set(xMock.resource, schemaAt(doc, success.media["schema"], pointer));
      }
    }
  }

  // Top up every resource with schema-valid records, ids continuing from the examples'.
  for (const [resource, schema] of recordSchemas) {
    if (!isObj(schema)) continue;
    const list = fixtures[resource] ?? [];
    fixtures[resource] = list;
    const idField = idFields[resource] ?? "id";
    const sampleId = list[0]?.[idField];
    const fieldSchemas = new Map(propertiesOf(doc, schema).map(([name, field]) => [name, deref(doc, field)]));
    for (let n = list.length; n < FIXTURE_TARGET; n++) {
      const record = fake(doc, schema, seed++);
      if (!isObj(record)) break;
      // The n-th seeded record is its own person (or a numbered thing) on its own days, not the example again.
      const taken = new Set(list.flatMap((r) => Object.values(r).filter((v) => typeof v === "string")));
      if (!distinctPerson(record, n + 1, taken)) numberName(record, resource, n + 1, fieldSchemas);
      shiftDates(record, 3 * (n + 1));
      const next =
        Math.max(0, ...list.map((r) => Number(r[idField])).filter((i) => Number.isSafeInteger(i))) + 1;
      record[idField] =
        typeof sampleId === "string" && /^\d+$/.test(sampleId)
          ? String(next)
          : typeof sampleId === "string"
            ? `00000000-0000-4000-a000-${String(n + 1).padStart(12, "0")}`
            : next;
      list.push(record);
    }
  }

  // What a new record holds before the request's values, per resource, from its schema alone.
  const blanks: Record<string, RecordBlank> = {};
  // Which resources each resource is created nested under (a contact under its customer).
  const parents = new Map<string, string[]>();
  for (const op of operations) {
    if (op.mock.action !== "create") continue;
    for (const nested of Object.values(op.mock.nested ?? {})) {
      const target = typeof nested === "string" ? nested : nested.resource;
      parents.set(target, [...(parents.get(target) ?? []), op.mock.resource]);
    }
  }
  for (const [resource, schema] of recordSchemas)
    if (isObj(schema))
      blanks[resource] = withParentLinks(
        doc,
        blankRecord(doc, schema, idFields[resource] ?? "id"),
        schema,
        parents.get(resource) ?? [],
      );
  for (const [index, op] of operations.entries()) {
    const media = createAnswers.get(op.operationId);
    const recordSchema = recordSchemas.get(op.mock.resource);
    if (!media || !isObj(recordSchema)) continue;
    const extra = answerBlank(doc, schemaAt(doc, media["schema"], op.mock.record ?? "/data"), recordSchema);
    if (extra) operations[index] = { ...op, answerBlank: extra };
  }

  const { vendor: meta } = model;
  const detailsPointer = meta.envelope.details;
  const sample = detailsPointer ? readPointer(errors["422"] ?? errors["400"], detailsPointer) : undefined;
  const first = isObj(sample) ? Object.values(sample)[0] : undefined;
  return {
    vendor,
    baseUrl: meta.baseUrl,
    envelope: meta.envelope,
    auth: meta.auth,
    ...(meta.requestIdHeader ? { requestIdHeader: meta.requestIdHeader } : {}),
    errors,
    detailsStyle: Array.isArray(first) || first === undefined ? "array" : "string",
    ...(isObj(sample) && Object.values(sample).some(isObj) ? { nestedDetails: true } : {}),
    operations,
    fixtures,
    blanks,
  };
}

/**
 * `mock-spec.js` and its `mock-spec.d.ts`: the data is plain JavaScript with a declared type, not a
 * typed TypeScript literal. `buildMockSpec` already returns a `MockSpec`, so checking the literal again
 * would only repeat that, and it was the slowest part of each vendor's declaration build and type
 * check (a third of the package's build time for a file of 300–600 kB).
 */
export function emitMockSpec(spec: MockSpec): { readonly js: string; readonly dts: string } {
  const doc = "/** The mock's view of the spec: operations, templates, error bodies and seeded fixtures. */";
  return {
    js: [doc, `export const mockSpec = ${JSON.stringify(spec, null, 2)};`, ""].join("\n"),
    dts: [
      'import type { MockSpec } from "@workapis/mock";',
      "",
      doc,
      "export declare const mockSpec: MockSpec;",
      "",
    ].join("\n"),
  };
}

/**
 * `mock.ts`: the vendor's mock factory. Operations marked `x-mock.action: custom` are answered by the
 * package's hand-written `src/mock-behaviours.ts`; the type check makes it cover exactly those. Nothing
 * runs at import: a mock (and its seeded store) exists only once a test calls the factory.
 */
/**
 * Where each resource's record type can be read, as `buildMockSpec` picks the schema of its records:
 * a list's items (the last list of the resource), else the record of its first get, create or update.
 */
export function recordSources(spec: MockSpec): { resource: string; operationId: string; path: string[] }[] {
  const out = new Map<string, { resource: string; operationId: string; path: string[] }>();
  for (const op of spec.operations) {
    const { action, resource } = op.mock;
    const isList = action === "list";
    if (!isList && !(["get", "create", "update"].includes(action) && !out.has(resource))) continue;
    const pointer = isList
      ? `${op.pagination?.items ?? op.mock.record ?? "/data"}/0`
      : (op.mock.record ?? "/data");
    const path = fromPointer(pointer);
    out.set(resource, { resource, operationId: op.operationId, path });
  }
  return [...out.values()];
}

export function emitMockEntry(
  meta: SpecModel,
  customOperations: readonly string[] = [],
  records: readonly { resource: string; operationId: string; path: readonly string[] }[] = [],
): string {
  const name = meta.vendor.clientName;
  const custom = customOperations.map((id) => JSON.stringify(id)).join(" | ");
  return [
    `import { createVendorMock, ${custom ? "type MockBehaviours, " : ""}type MockOptions, type RecordAt, TEST_CLIENT_OPTIONS, type TypedMockStore, type VendorMock } from "@workapis/mock";`,
    'import { mswHandlers } from "@workapis/mock/msw";',
    ...(custom ? ['import { behaviours } from "../mock-behaviours.ts";'] : []),
    `import { create${name}Client, type ${name}Client, type ${name}ClientOptions } from "./client.ts";`,
    'import { mockSpec } from "./mock-spec.js";',
    'import { validators } from "./mock-validators.ts";',
    'import type { operations } from "./schema.ts";',
    'export type { MockOptions, MockRecord, MockStore, OverrideResolver, Scenario, TypedMockStore } from "@workapis/mock";',
    "",
    ...(custom
      ? [
          "/**\n * The hand-written answers (src/mock-behaviours.ts) of the operations the spec marks\n * `x-mock.action: custom`.\n */",
          `const customBehaviours: MockBehaviours<operations, ${custom}> = behaviours;`,
          "",
        ]
      : []),
    `/** The records the ${name} mock keeps, by resource (\`mock.store.get("…", id)\`), typed from the spec. */`,
    `export type ${name}MockRecords = {`,
    ...records.map(
      (r) =>
        `  ${/^[A-Za-z_$][\w$]*$/.test(r.resource) ? r.resource : JSON.stringify(r.resource)}: RecordAt<operations[${JSON.stringify(r.operationId)}], ${JSON.stringify(r.path)}>;`,
    ),
    "};",
    "",
    `/** A stateful, validating ${name} mock; \`handlers\` plugs into msw's setupServer/setupWorker. */`,
    `export interface ${name}Mock extends VendorMock<operations, TypedMockStore<${name}MockRecords>> {`,
    "  readonly handlers: ReturnType<typeof mswHandlers>;",
    "  /**",
    "   * A client wired to this mock for tests: it calls `mock.fetch` (no msw, no network), has no",
    "   * client-side rate limit and retries without waiting. Any option can still be given.",
    "   */",
    `  client(options?: Partial<${name}ClientOptions>): ${name}Client;`,
    "}",
    "",
    `/** Creates an independent ${name} mock with its own store, seeded the same way every time. */`,
    `export function create${name}Mock(options: MockOptions = {}): ${name}Mock {`,
    `  const mock = createVendorMock<operations, TypedMockStore<${name}MockRecords>>(mockSpec, validators, options${custom ? ", customBehaviours" : ""});`,
    "  return Object.assign(mock, {",
    "    handlers: mswHandlers(mock),",
    `    client: (clientOptions: Partial<${name}ClientOptions> = {}): ${name}Client =>`,
    `      create${name}Client({ ...TEST_CLIENT_OPTIONS, baseUrl: mock.baseUrl, fetch: mock.fetch, ...clientOptions }),`,
    "  });",
    "}",
    "",
  ].join("\n");
}
