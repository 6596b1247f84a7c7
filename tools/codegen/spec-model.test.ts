import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "./load-spec.ts";
import type { SpecProblem } from "./spec-error.ts";
import { buildSpecModel, type ModelResponse, parseModeOf } from "./spec-model.ts";
import type { Obj } from "./spec-walk.ts";

const tiny = loadSpec("tiny.yaml", readFileSync(join(import.meta.dirname, "fixtures/tiny.yaml"), "utf8"));

/** A response as the model holds it, offering the given media types. */
const response = (status: string, ...mediaTypes: string[]): ModelResponse => ({
  status,
  content:
    mediaTypes.length === 0
      ? undefined
      : { mediaTypes, mediaType: mediaTypes[0] ?? "", media: {}, example: undefined },
});

describe("parseModeOf", () => {
  it("leaves JSON (and +json, and no content) to openapi-fetch's default", () => {
    expect(parseModeOf([response("200", "application/json"), response("400", "text/plain")])).toBeUndefined();
    expect(parseModeOf([response("200", "application/problem+json")])).toBeUndefined();
    expect(parseModeOf([response("204")])).toBeUndefined();
    // JSON among the choices wins: openapi-fetch asks for it by default.
    expect(parseModeOf([response("200", "application/octet-stream", "application/json")])).toBeUndefined();
  });

  it("reads text/* as text and any other success media type as a Blob", () => {
    expect(parseModeOf([response("200", "text/csv")])).toBe("text");
    expect(parseModeOf([response("200", "application/octet-stream")])).toBe("blob");
    expect(parseModeOf([response("2XX", "application/pdf"), response("404", "application/json")])).toBe(
      "blob",
    );
  });
});

describe("buildSpecModel", () => {
  const problems: SpecProblem[] = [];
  const model = buildSpecModel(tiny, problems);
  const op = (id: string) => model?.operations.find((o) => o.operationId === id);

  it("reads every operation once, with its evidence, mock and runtime facts", () => {
    expect(problems).toEqual([]);
    expect(model?.vendor.clientName).toBe("Tiny");
    expect(op("listNotes")).toMatchObject({
      method: "get",
      path: "/notes",
      inferred: expect.stringContaining("assumed"),
      source: undefined,
      retrySafe: true,
      secured: true,
      credentialRequired: true,
      mock: { resource: "note", action: "list" },
      pagination: { style: "page", in: "query", pageParam: "page" },
    });
    expect(op("createNote")).toMatchObject({ source: "https://tiny.test/docs/notes", retrySafe: false });
    expect(model?.paginated.map((p) => p.op.operationId)).toContain("listNotes");
  });

  it("marks the reads: GETs and the POSTs the spec marks x-retry-safe, no other retry-safe method", () => {
    expect(op("listNotes")).toMatchObject({ retrySafe: true, safeRead: true });
    expect(op("createNote")).toMatchObject({ retrySafe: false, safeRead: false });
    const paths = structuredClone(tiny.document["paths"]) as Record<string, Record<string, Obj>>;
    const notes = paths["/notes"] ?? {};
    const create = notes["post"] ?? {};
    notes["post"] = { ...create, "x-retry-safe": true };
    notes["put"] = { ...create, operationId: "replaceNotes" };
    notes["delete"] = { ...create, operationId: "deleteNotes" };
    const found: SpecProblem[] = [];
    const marked = buildSpecModel({ ...tiny, document: { ...tiny.document, paths } }, found);
    expect(found).toEqual([]);
    const facts = marked?.operations.map((o) => [o.operationId, o.retrySafe, o.safeRead]);
    expect(facts).toHaveLength(4);
    expect(facts).toEqual(
      expect.arrayContaining([
        ["listNotes", true, true],
        ["createNote", true, true],
        ["replaceNotes", true, false],
        ["deleteNotes", true, false],
      ]),
    );
  });

  it("follows the $refs of parameters, bodies and responses, and prefers JSON content", () => {
    expect(op("listNotes")?.parameters.map((p) => `${p.in}:${p.name}`)).toEqual([
      "query:page",
      "query:per_page",
    ]);
    const failure = op("listNotes")?.responses.find((r) => r.status === "401");
    expect(failure?.content?.mediaType).toContain("json");
    expect(failure?.content?.example).toBeDefined();
    expect(op("createNote")?.requestBody).toMatchObject({
      required: true,
      content: { mediaType: "application/json", example: { text: "hello" } },
    });
  });

  it("collects problems instead of a model for a spec that breaks the conventions", () => {
    const broken = loadSpec("broken.yaml", "openapi: 3.1.0\ninfo: { title: x, version: '1' }\npaths: {}\n");
    const found: SpecProblem[] = [];
    expect(buildSpecModel(broken, found)).toBeUndefined();
    expect(found.map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringContaining("x-workapis is required"), "a server URL is required"]),
    );
  });
});
