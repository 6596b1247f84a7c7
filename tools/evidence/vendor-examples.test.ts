import { describe, expect, it } from "vitest";
import { carriesValues, collectVendorExamples, dataPathOf, findCounterparts } from "./vendor-examples.ts";

const URL = "https://vendor.example/openapi.json";

const vendorDoc = {
  paths: {
    "/items/{item_id}": {
      get: {
        parameters: [{ name: "item_id", in: "path", example: 7 }],
        responses: {
          "200": {
            content: {
              "application/json": {
                schema: {
                  properties: {
                    example: { type: "string" },
                    tags: { oneOf: [{ type: "object" }, { type: "array", example: [] }] },
                  },
                },
              },
            },
          },
          "400": {
            content: { "application/json": { schema: { example: { ok: false, error: "" } } } },
          },
        },
      },
    },
  },
  components: { schemas: { Failure: { properties: { code: { example: "E_BAD" } } } } },
};

const ours = {
  paths: {
    "/items/{id}": {
      get: {
        "x-source": `${URL}#/paths/~1items~1%7Bitem_id%7D/get`,
        parameters: [{ name: "item_id", in: "path", schema: { type: "integer", example: 7 } }],
        responses: {
          "200": {
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/Item" },
                example: { tags: { a: 1 } },
              },
            },
          },
          "400": { $ref: "#/components/responses/Bad" },
        },
      },
    },
  },
  components: {
    responses: {
      Bad: {
        content: {
          "application/json": {
            examples: {
              coded: { value: { ok: false, error: "bad_id", message: "Bad id" } },
              blank: { value: { ok: false, error: "", message: "Bad id" } },
            },
          },
        },
      },
    },
    schemas: {
      Item: {
        allOf: [
          {
            properties: {
              tags: { oneOf: [{ type: "object" }, { type: "array", maxItems: 0, example: [] }] },
            },
          },
        ],
      },
      Error: { properties: { code: { example: "E_BAD" } } },
    },
  },
};

describe("collectVendorExamples", () => {
  it("finds examples everywhere but in a property called example, naming a parameter's by name", () => {
    const found = collectVendorExamples(vendorDoc);
    expect(found.map((e) => e.pointer)).toEqual([
      "/paths/~1items~1{item_id}/get/parameters/0/example",
      "/paths/~1items~1{item_id}/get/responses/200/content/application~1json/schema/properties/tags/oneOf/1/example",
      "/paths/~1items~1{item_id}/get/responses/400/content/application~1json/schema/example",
      "/components/schemas/Failure/properties/code/example",
    ]);
    expect(found[0]?.parameter).toEqual({ name: "item_id", in: "path" });
  });
});

describe("dataPathOf", () => {
  it("keeps property names and array items, skips composition", () => {
    expect(dataPathOf(["properties", "data", "items", "oneOf", "1", "properties", "id"])).toEqual([
      "data",
      "*",
      "id",
    ]);
  });
});

describe("findCounterparts", () => {
  const [parameter, tags, failure, code] = collectVendorExamples(vendorDoc);
  const find = (example: typeof parameter) =>
    example ? findCounterparts(ours, { url: URL, schemas: { Failure: { schema: "Error" } } }, example) : [];

  it("finds the operation by its x-source anchor and the response through $ref", () => {
    const found = find(failure) ?? [];
    expect(found.map((c) => c.pointer)).toEqual([
      "#/components/responses/Bad/content/application~1json/examples/coded/value",
      "#/components/responses/Bad/content/application~1json/examples/blank/value",
    ]);
    expect(found.filter((c) => carriesValues(c.value, failure?.value)).map((c) => c.pointer)).toEqual([
      "#/components/responses/Bad/content/application~1json/examples/blank/value",
    ]);
  });

  it("reads a schema-level example through $ref, allOf and oneOf", () => {
    const found = find(tags) ?? [];
    expect(found.some((c) => carriesValues(c.value, []))).toBe(true);
    expect(found.map((c) => c.pointer)).toContain(
      "#/components/schemas/Item/allOf/0/properties/tags/oneOf/1/example",
    );
  });

  it("finds a parameter by name and a renamed component schema", () => {
    expect(find(parameter)?.map((c) => c.value)).toEqual([7]);
    expect(find(code)?.map((c) => c.pointer)).toEqual(["#/components/schemas/Error/properties/code/example"]);
  });

  it("finds nothing for an operation no x-source names", () => {
    expect(
      findCounterparts(ours, { url: "https://other.example/doc" }, failure ?? { pointer: "" }),
    ).toBeUndefined();
  });
});

describe("carriesValues", () => {
  it("lets ours add fields but not change, drop or resize what the vendor shows", () => {
    expect(carriesValues({ a: 1, b: [1, 2], extra: true }, { a: 1, b: [1, 2] })).toBe(true);
    expect(carriesValues({ a: 1 }, { a: 1, b: "" })).toBe(false);
    expect(carriesValues({ a: "1" }, { a: 1 })).toBe(false);
    expect(carriesValues([1, 2, 3], [1, 2])).toBe(false);
    expect(carriesValues({ goal: { 0: {} } }, { goal: [] })).toBe(false);
  });
});
