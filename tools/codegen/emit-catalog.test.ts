import { Ajv2020 } from "ajv/dist/2020.js";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { buildCatalog, emitCatalog } from "./emit-catalog.ts";
import type { SpecProblem } from "./spec-error.ts";
import { buildSpecModel } from "./spec-model.ts";
import type { Obj } from "./spec-walk.ts";

const doc: Obj = {
  openapi: "3.1.0",
  info: { title: "Tiny API", version: "1" },
  servers: [{ url: "https://tiny.test" }],
  security: [{ token: [] }],
  "x-workapis": {
    clientName: "Tiny",
    envelope: { success: "/success", message: "/message" },
    requestIdHeader: "X-Request-Id",
  },
  paths: {
    "/notes/{note_id}": {
      parameters: [
        { name: "note_id", in: "path", required: true, schema: { $ref: "#/components/schemas/Id" } },
      ],
      get: {
        operationId: "getNote",
        summary: "Get a note",
        tags: ["Notes"],
        "x-source": "https://tiny.test/docs/notes#get",
        "x-mock": { resource: "note", action: "get" },
        parameters: [
          { $ref: "#/components/parameters/Token" },
          { name: "X-Request-Id", in: "header", schema: { type: "string" } },
          { name: "fields", in: "query", description: "Fields to answer.", schema: { type: "string" } },
        ],
        responses: { "200": { description: "ok" } },
      },
      post: {
        operationId: "updateNote",
        summary: "Update a note",
        description: "  Changes the text.  ",
        tags: ["Notes"],
        "x-inferred": "Not documented by the vendor; the design is assumed.",
        "x-mock": { resource: "note", action: "update" },
        requestBody: {
          required: true,
          content: {
            "application/x-www-form-urlencoded": { schema: { type: "string" } },
            "application/json": {
              schema: { $ref: "#/components/schemas/NoteUpdate" },
              example: { text: "x" },
            },
          },
        },
        responses: { "200": { description: "ok" } },
      },
    },
    "/notes": {
      get: {
        operationId: "listNotes",
        summary: "List notes",
        "x-source": "https://tiny.test/docs/notes#list",
        "x-mock": { resource: "note", action: "list" },
        "x-pagination": { style: "offset", offsetParam: "offset", sizeParam: "limit", items: "/data" },
        parameters: [
          { name: "offset", in: "query", schema: { type: "integer", minimum: 0 } },
          { name: "limit", in: "query", schema: { type: "integer", maximum: 50 } },
        ],
        responses: {
          "200": {
            description: "ok",
            content: {
              "application/json": { schema: { type: "object", properties: { data: { type: "array" } } } },
            },
          },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      token: { type: "apiKey", in: "query", name: "access_token", "x-also-in-body": true },
    },
    parameters: {
      Token: { name: "access_token", in: "query", required: true, schema: { type: "string" } },
    },
    schemas: {
      Id: { type: "integer", minimum: 1, example: 7 },
      NoteUpdate: {
        type: "object",
        required: ["access_token", "text"],
        properties: {
          access_token: { type: "string" },
          text: { type: "string", "x-inferred": "assumed" },
          example: { type: "string" },
          parent: { $ref: "#/components/schemas/Tree" },
        },
      },
      Tree: {
        type: "object",
        properties: { children: { type: "array", items: { $ref: "#/components/schemas/Tree" } } },
      },
      Unused: { type: "object" },
    },
  },
};

const problems: SpecProblem[] = [];
const model = buildSpecModel(
  { file: "tiny.yaml", source: "", document: doc, locate: () => undefined },
  problems,
);
if (!model) throw new Error(`the test spec has problems: ${JSON.stringify(problems)}`);
const catalog = buildCatalog(model, "tiny");
const op = (id: string) => {
  const found = catalog.operations.find((o) => o.operationId === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

describe("buildCatalog", () => {
  it("lists every operation with its summary, tags, evidence and what the client knows of it", () => {
    expect(catalog.title).toBe("Tiny API");
    expect(catalog.operations.map((o) => `${o.method} ${o.path} ${o.operationId}`)).toEqual([
      "get /notes/{note_id} getNote",
      "post /notes/{note_id} updateNote",
      "get /notes listNotes",
    ]);
    expect(op("getNote")).toMatchObject({
      summary: "Get a note",
      tags: ["Notes"],
      retrySafe: true,
      safeRead: true,
    });
    expect(op("getNote").source).toBe("https://tiny.test/docs/notes#get");
    expect(op("getNote").inferred).toBeUndefined();
    expect(op("updateNote")).toMatchObject({
      description: "Changes the text.",
      retrySafe: false,
      safeRead: false,
    });
    expect(op("updateNote").inferred).toMatch(/assumed/);
    expect(op("listNotes").pagination).toEqual({ items: "/data", sizeParam: "limit" });
  });

  it("leaves out the parameters and body fields the client fills in (credential, request id)", () => {
    const input = op("getNote").input as { properties: Record<string, { properties?: Obj }> };
    expect(Object.keys(input.properties)).toEqual(["path", "query"]);
    expect(Object.keys(input.properties["query"]?.properties ?? {})).toEqual(["fields"]);
    expect(input.properties["query"]?.properties?.["fields"]).toEqual({
      description: "Fields to answer.",
      type: "string",
    });
    const body = (op("updateNote").input as { properties: { body: Obj } }).properties.body;
    expect(Object.keys(body["properties"] as Obj)).toEqual(["text", "example", "parent"]);
    expect(body["required"]).toEqual(["text"]);
  });

  it("copies only the components the input refers to into $defs, without examples or x- keys", () => {
    const input = op("updateNote").input;
    expect(Object.keys(input["$defs"] as Obj).sort()).toEqual(["Id", "Tree"]);
    expect((input["$defs"] as Obj)["Id"]).toEqual({ type: "integer", minimum: 1 });
    expect(JSON.stringify(input)).not.toContain("#/components/");
    expect(JSON.stringify(input)).not.toContain("x-inferred");
    expect(input["required"]).toEqual(["path", "body"]);
    expect(op("listNotes").input["$defs"]).toBeUndefined();
  });

  it("gives schemas a JSON Schema validator accepts and enforces", () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(op("updateNote").input);
    expect(validate({ path: { note_id: 3 }, body: { text: "hi", parent: { children: [{}] } } })).toBe(true);
    expect(validate({ path: { note_id: 0 }, body: { text: "hi" } })).toBe(false);
    expect(validate({ path: { note_id: 3 } })).toBe(false);
    expect(ajv.compile(op("getNote").input)({ path: { note_id: 1 }, query: { nope: 1 } })).toBe(false);
  });

  it("emits the catalog as a module and its declarations", () => {
    const { js, dts } = emitCatalog(catalog);
    expect(js).toContain("export const catalog = {");
    expect(dts).toContain("export declare const catalog: OperationCatalog;");
  });

  it("declares the types of catalog-types.ts, self-contained, with every field an operation gets", () => {
    const { dts } = emitCatalog(catalog);
    expect(dts.startsWith("/** One operation:")).toBe(true);
    const file = ts.createSourceFile("catalog.d.ts", dts, ts.ScriptTarget.Latest);
    expect(file.statements.filter(ts.isImportDeclaration)).toEqual([]);
    const declared = file.statements.filter(ts.isInterfaceDeclaration);
    expect(declared.map((d) => d.name.text)).toEqual(["CatalogOperation", "OperationCatalog"]);
    const members = (declared[0]?.members ?? []).map((m) => m.name?.getText(file));
    const built = new Set(catalog.operations.flatMap((o) => Object.keys(o)));
    expect([...built].filter((key) => !members.includes(key))).toEqual([]);
    expect(members).toEqual(expect.arrayContaining(["retrySafe", "safeRead", "input"]));
  });
});
