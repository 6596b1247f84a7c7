import { describe, expect, it } from "vitest";
import type { Obj } from "../codegen/spec-walk.ts";
import { evidenceViolations } from "./rule.ts";

/** A one-operation spec; `op` and `schemas` override the parts a test is about. */
const spec = (op: Obj, schemas: Obj = {}): Obj => ({
  openapi: "3.1.0",
  paths: { "/things": { get: { operationId: "listThings", ...op } } },
  components: { schemas },
});
const ok = (schema: unknown, status = "200") => ({
  responses: { [status]: { description: "ok", content: { "application/json": { schema } } } },
});
const rules = (doc: Obj) => evidenceViolations(doc).map((v) => `${v.rule} ${v.pointer}`);

const INFERRED = {
  "x-inferred": "The vendor publishes no list endpoint; the path and body are assumed.",
  description: "Lists things. Not documented; assumed.",
};
const SOURCED = { "x-source": "https://vendor.example/docs/things", description: "Lists things." };
const THING = { type: "object", required: ["id"], properties: { id: { type: "integer" } } };

describe("evidence rule 1: exactly one kind of evidence per operation", () => {
  it("accepts an https x-source or a sentence of x-inferred", () => {
    expect(rules(spec({ ...SOURCED, ...ok({ type: "object" }) }))).toEqual([]);
    expect(rules(spec({ ...INFERRED, ...ok({ type: "object" }) }))).toEqual([]);
  });

  it("refuses neither, both, a non-https source and a one-word inference", () => {
    const at = "#/paths/~1things/get";
    expect(rules(spec({ description: "x", ...ok({}) }))).toEqual([`1 ${at}`]);
    expect(rules(spec({ ...SOURCED, ...INFERRED, ...ok({}) }))).toContain(`1 ${at}`);
    expect(rules(spec({ ...SOURCED, "x-source": "http://vendor.example", ...ok({}) }))).toEqual([`1 ${at}`]);
    expect(rules(spec({ ...INFERRED, "x-inferred": "inferred", ...ok({}) }))).toEqual([`1 ${at}`]);
  });

  it("checks webhooks like operations", () => {
    const doc = { openapi: "3.1.0", webhooks: { ping: { post: { description: "A ping.", ...ok({}) } } } };
    expect(rules(doc)).toEqual(["1 #/webhooks/ping/post"]);
  });
});

describe("evidence rule 2: a response field is required only where the vendor shows it", () => {
  it("lets a documented operation's body require fields", () => {
    expect(
      rules(spec({ ...SOURCED, ...ok({ $ref: "#/components/schemas/Thing" }) }, { Thing: THING })),
    ).toEqual([]);
  });

  it("flags required in an inferred operation's success body, through $ref, items and allOf", () => {
    const envelope = {
      allOf: [
        {
          type: "object",
          properties: { data: { type: "array", items: { $ref: "#/components/schemas/Thing" } } },
        },
        { type: "object", required: ["data"] },
      ],
    };
    expect(new Set(rules(spec({ ...INFERRED, ...ok(envelope) }, { Thing: THING })))).toEqual(
      new Set([
        "2 #/paths/~1things/get/responses/200/content/application~1json/schema/allOf/1",
        "2 #/components/schemas/Thing",
      ]),
    );
  });

  it("lets a schema that cites its own x-source keep required, but not a schema it references", () => {
    const Thing = { ...THING, "x-source": "https://vendor.example/docs/thing" };
    expect(rules(spec({ ...INFERRED, ...ok({ $ref: "#/components/schemas/Thing" }) }, { Thing }))).toEqual(
      [],
    );
    const Wrapper = {
      type: "object",
      "x-source": "https://vendor.example/docs/thing",
      required: ["thing"],
      properties: { thing: { $ref: "#/components/schemas/Thing" } },
    };
    expect(
      rules(
        spec({ ...INFERRED, ...ok({ $ref: "#/components/schemas/Wrapper" }) }, { Wrapper, Thing: THING }),
      ),
    ).toEqual(["2 #/components/schemas/Thing"]);
  });

  it("ignores an inferred operation's error bodies but never lets an inferred property be required", () => {
    const errorBody = { type: "object", required: ["message"], properties: { message: { type: "string" } } };
    const responses = {
      responses: { ...ok({ type: "object" }).responses, ...ok(errorBody, "404").responses },
    };
    expect(rules(spec({ ...INFERRED, ...responses }))).toEqual([]);
    const withGuess = {
      type: "object",
      required: ["request_id"],
      properties: {
        request_id: { type: "string", "x-inferred": "Echo not documented.", description: "Assumed echo." },
      },
    };
    expect(rules(spec({ ...SOURCED, ...ok(withGuess, "404") }))).toEqual([
      "2 #/paths/~1things/get/responses/404/content/application~1json/schema/properties/request_id",
    ]);
  });
});

describe("evidence rule 3: prose words an inference as one", () => {
  it("flags an inferred operation whose description states it as fact", () => {
    const op = { ...INFERRED, description: "Lists things.", ...ok({}) };
    expect(rules(spec(op))).toEqual(["3 #/paths/~1things/get"]);
  });

  it("flags an inferred schema or property without the words, and accepts 'reported by'", () => {
    const Thing = {
      type: "object",
      "x-inferred": "Only seen in client code.",
      description: "Reported by public client code.",
      properties: { id: { type: "integer", "x-inferred": "Guess.", description: "The id." } },
    };
    expect(rules(spec({ ...SOURCED, ...ok({}) }, { Thing }))).toEqual([
      "3 #/components/schemas/Thing/properties/id",
    ]);
  });

  it("does not read example data as schemas", () => {
    const op = { ...SOURCED, ...ok({}), "x-codeSamples": [{ "x-inferred": 1 }] };
    const withExample = { type: "object", example: { "x-inferred": "data", description: "data" } };
    expect(rules(spec(op, { Thing: withExample }))).toEqual([]);
  });
});

describe("evidence rule 5: an inferred request constraint is never enforced", () => {
  it("flags a required inferred body property or query parameter", () => {
    const body = {
      type: "object",
      required: ["name", "tag"],
      properties: {
        name: { type: "string" },
        tag: { type: "string", "x-inferred": "Not documented.", description: "Assumed tag." },
      },
    };
    const param = {
      name: "limit",
      in: "query",
      required: true,
      description: "Assumed page size.",
      "x-inferred": "Not documented.",
      schema: { type: "integer" },
    };
    const op = {
      ...SOURCED,
      parameters: [param],
      requestBody: { content: { "application/json": { schema: body } } },
      ...ok({}),
    };
    expect(rules(spec(op))).toEqual([
      "5 #/paths/~1things/get/parameters/0",
      "5 #/paths/~1things/get/requestBody/content/application~1json/schema/properties/tag",
    ]);
  });

  it("flags a limit, pattern or closed list on an inferred request field, query parameter or schema", () => {
    const assumed = { "x-inferred": "Not documented.", description: "Assumed." };
    const body = {
      type: "object",
      properties: {
        roles: { type: "array", maxItems: 100, items: { type: "string" }, ...assumed },
        state: { $ref: "#/components/schemas/State" },
        name: { type: "string", maxLength: 100 },
      },
    };
    const param = { name: "size", in: "query", ...assumed, schema: { type: "integer", maximum: 50 } };
    const op = {
      ...SOURCED,
      parameters: [param],
      requestBody: { content: { "application/json": { schema: body } } },
      ...ok({ type: "object", properties: { state: { $ref: "#/components/schemas/State" } } }),
    };
    const State = { type: "string", enum: ["open", "closed"], ...assumed };
    expect(rules(spec(op, { State }))).toEqual([
      "5 #/paths/~1things/get/parameters/0/schema",
      "5 #/paths/~1things/get/requestBody/content/application~1json/schema/properties/roles",
      "5 #/components/schemas/State",
    ]);
  });

  it("lets an inferred response field keep its list, and an inferred request field its type and format", () => {
    const assumed = { "x-inferred": "Not documented.", description: "Assumed." };
    const State = { type: "string", enum: ["open", "closed"], ...assumed };
    const body = { type: "object", properties: { due: { type: "string", format: "date", ...assumed } } };
    const op = {
      ...SOURCED,
      requestBody: { content: { "application/json": { schema: body } } },
      ...ok({ type: "object", properties: { state: { $ref: "#/components/schemas/State" } } }),
    };
    expect(rules(spec(op, { State }))).toEqual([]);
  });

  it("flags a limit, pattern or closed list in an inferred operation's request unless the schema cites its page", () => {
    const Kind = { type: "string", enum: ["a", "b"] };
    const Cited = {
      type: "string",
      enum: ["x"],
      maxLength: 10,
      "x-source": "https://vendor.example/docs/kinds",
    };
    const body = {
      type: "object",
      properties: {
        kind: { $ref: "#/components/schemas/Kind" },
        cited: { $ref: "#/components/schemas/Cited" },
        name: { type: "string", maxLength: 100 },
        count: { type: "integer", minimum: 1 },
        tags: { type: "array", maxItems: 5, items: { type: "string", pattern: "^[a-z]+$" } },
      },
    };
    const op = {
      ...INFERRED,
      parameters: [
        { name: "mode", in: "query", schema: { type: "string", const: "all" } },
        { name: "size", in: "query", schema: { type: "integer", maximum: 100 } },
        { name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } },
      ],
      requestBody: { content: { "application/json": { schema: body } } },
      ...ok({ type: "object", properties: { kind: { $ref: "#/components/schemas/Kind" } } }),
    };
    const body0 = "5 #/paths/~1things/get/requestBody/content/application~1json/schema/properties";
    expect(rules(spec(op, { Kind, Cited }))).toEqual([
      "5 #/paths/~1things/get/parameters/0/schema",
      "5 #/paths/~1things/get/parameters/1/schema",
      "5 #/components/schemas/Kind",
      `${body0}/name`,
      `${body0}/count`,
      `${body0}/tags`,
      `${body0}/tags/items`,
    ]);
    // The same request in a documented operation is the vendor's.
    expect(rules(spec({ ...op, ...SOURCED, "x-inferred": undefined }, { Kind, Cited }))).toEqual([]);
  });
});
