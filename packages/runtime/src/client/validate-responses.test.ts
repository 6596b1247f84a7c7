import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { ApiError, ResponseValidationError } from "../errors/api-error.ts";
import type { Logger } from "../logging/logger.ts";
import type { ResponseValidatorsLoader } from "../validation/divergence.ts";
import { createResponseValidators } from "../validation/response-checker.ts";
import type { ClientOptions } from "./client-options.ts";
import { createApiClient } from "./create-api-client.ts";
import { type TestErrorCode, type TestPaginated, type TestPaths, testMeta } from "./test-fixture.ts";

const TOKEN = "tok_live_secret_123";
const ajv = new Ajv2020({ allErrors: true, strict: false });
const noteSchema = {
  type: "object",
  required: ["success", "data"],
  properties: {
    success: { const: true },
    data: {
      type: "object",
      required: ["id", "text"],
      properties: { id: { type: "integer" }, text: { type: "string" } },
      unevaluatedProperties: false,
    },
  },
  unevaluatedProperties: false,
};
let loads = 0;
const loader: ResponseValidatorsLoader = async () => {
  loads++;
  return {
    responseValidators: createResponseValidators({
      "get /notes/{id}": { operation: "getNote", statuses: { "200": ajv.compile(noteSchema) } },
    }),
  };
};

/** A fetch answering every request with this body, and a logger keeping its lines. */
function setup(
  body: unknown,
  options: Partial<ClientOptions> = {},
  load: ResponseValidatorsLoader | null = loader,
) {
  const lines: string[] = [];
  const keep = (line: string) => void lines.push(line);
  const logger: Logger = { debug: keep, info: keep, warn: keep, error: keep };
  const client = createApiClient<TestPaths, TestErrorCode, TestPaginated>(
    testMeta,
    {
      token: TOKEN,
      retry: false,
      logger,
      fetch: async () => Response.json(body),
      ...options,
    },
    load ?? undefined,
  );
  const get = (init: Record<string, unknown> = {}) =>
    client.GET("/notes/{id}", { params: { path: { id: 1 } }, ...init });
  return { client, lines, get };
}

const drifted = { success: true, data: { id: "7", note: TOKEN, flag: true } };

describe("validateResponses", () => {
  it("is off by default: a drifted body comes back as data, nothing logged, the validators never loaded", async () => {
    loads = 0;
    const { get, lines } = setup(drifted);
    const { data, error } = await get();
    expect(error).toBeUndefined();
    expect(data).toEqual(drifted);
    expect(lines).toEqual([]);
    expect(loads).toBe(0);
  });

  it("warn: one log line per divergence, values redacted, and the data still returned", async () => {
    const { get, lines } = setup(drifted, { validateResponses: "warn" });
    const { data, error } = await get();
    expect(error).toBeUndefined();
    expect(data).toEqual(drifted);
    expect(lines).toEqual([
      "[workapis] response differs from the spec: getNote /data/text: missing, expected required, got absent",
      "[workapis] response differs from the spec: getNote /data/id: type, expected integer, got string",
      "[workapis] response differs from the spec: getNote /data/note: extra, expected not in the spec, got string (not a failure)",
      "[workapis] response differs from the spec: getNote /data/flag: extra, expected not in the spec, got boolean (not a failure)",
    ]);
    expect(lines.join("\n")).not.toContain(TOKEN);
  });

  it("error: a ResponseValidationError carrying the list, none of the response's values in its message", async () => {
    const { get } = setup(drifted, { validateResponses: "error" });
    const { data, error, response } = await get();
    expect(data).toBeUndefined();
    expect(response?.status).toBe(200);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toBeInstanceOf(ApiError);
    const failure = error as ResponseValidationError;
    expect(failure.status).toBe(200);
    expect(failure.message).toBe(
      "HTTP 200 body differs from the spec: getNote /data/text: missing, expected required, got absent (and 1 more)",
    );
    expect(failure.divergences.map((d) => [d.pointer, d.kind, d.failure])).toEqual([
      ["/data/text", "missing", true],
      ["/data/id", "type", true],
      ["/data/note", "extra", false],
      ["/data/flag", "extra", false],
    ]);
    expect(JSON.stringify(failure)).not.toContain(TOKEN);
    expect(JSON.parse(JSON.stringify(failure)).divergences).toHaveLength(4);
  });

  it("error: an unknown field alone is reported, not a failure", async () => {
    const { get, lines } = setup(
      { success: true, data: { id: 7, text: "x", since: "2024" } },
      {
        validateResponses: "error",
      },
    );
    const { data, error } = await get();
    expect(error).toBeUndefined();
    expect(data).toEqual({ success: true, data: { id: 7, text: "x", since: "2024" } });
    expect(lines).toEqual([]);
  });

  it("a body matching the spec passes in every mode", async () => {
    for (const validateResponses of ["warn", "error"] as const) {
      const { get, lines } = setup({ success: true, data: { id: 7, text: "x" } }, { validateResponses });
      expect((await get()).error).toBeUndefined();
      expect(lines).toEqual([]);
    }
  });

  it("a call's own setting overrides the client's, both ways", async () => {
    const on = setup(drifted, { validateResponses: "error" });
    expect((await on.get({ validateResponses: "off" })).error).toBeUndefined();
    const off = setup(drifted);
    expect((await off.get({ validateResponses: "error" })).error).toBeInstanceOf(ResponseValidationError);
    const warn = setup(drifted);
    await warn.get({ validateResponses: "warn" });
    expect(warn.lines).toHaveLength(4);
  });

  it("an operation or status without a documented JSON body is not checked", async () => {
    const { client } = setup({ anything: 1 }, { validateResponses: "error" });
    expect((await client.GET("/notes")).error).toBeUndefined();
  });

  it("refuses a bad value when the client is made, and in a call, naming the option", async () => {
    expect(() => setup({}, { validateResponses: "strict" as never })).toThrow(
      new TypeError('validateResponses must be one of off, warn, error; got "strict"'),
    );
    const { get } = setup({});
    await expect(get({ validateResponses: true })).rejects.toThrow(
      new TypeError("validateResponses must be one of off, warn, error; got true"),
    );
  });

  it("refuses to validate without the vendor's validators", async () => {
    expect(() => setup({}, { validateResponses: "warn" }, null)).toThrow(/validateResponses needs/);
    const { get } = setup({}, {}, null);
    await expect(get({ validateResponses: "error" })).rejects.toThrow(TypeError);
  });

  it("validators that fail to load: warn logs it once per call, error answers an ApiError", async () => {
    const broken: ResponseValidatorsLoader = () => Promise.reject(new Error(`no module ${TOKEN}`));
    const warn = setup(drifted, { validateResponses: "warn" }, broken);
    expect((await warn.get()).error).toBeUndefined();
    expect(warn.lines).toEqual([
      "[workapis] the response validators could not be loaded: no module [redacted]",
    ]);
    const error = setup(drifted, { validateResponses: "error" }, broken);
    const { error: failure } = await error.get();
    expect(failure).toBeInstanceOf(ResponseValidationError);
    expect(failure?.message).toBe("the response validators could not be loaded: no module [redacted]");
  });
});
