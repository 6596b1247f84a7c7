import { describe, expect, it } from "vitest";
import { breakingChanges, bumpsFromChangesets, releaseProblems } from "./breaking-changes.ts";

const spec = (paths: Record<string, unknown>) => ({ openapi: "3.1.0", paths });
const op = (extra: Record<string, unknown> = {}) => ({ operationId: "x", responses: {}, ...extra });
const body = (required: string[], isRequired = true) => ({
  required: isRequired,
  content: { "application/json": { schema: { type: "object", required } } },
});

describe("breakingChanges", () => {
  it("reports removed operations, new required parameters and stricter bodies", () => {
    const before = spec({
      "/a": { get: op(), post: op({ requestBody: body(["name"]) }) },
      "/b": { get: op() },
    });
    const after = spec({
      "/a": {
        get: op({ parameters: [{ name: "workspace_id", in: "query", required: true }] }),
        post: op({ requestBody: body(["name", "email"]) }),
      },
    });
    expect(breakingChanges(before, after)).toEqual([
      "GET /a: new required parameter query:workspace_id",
      "POST /a: new required body property email",
      "GET /b: operation removed",
    ]);
  });

  it("does not report additions: new operations and optional parameters", () => {
    const before = spec({ "/a": { get: op() } });
    const after = spec({
      "/a": { get: op({ parameters: [{ name: "page", in: "query" }] }) },
      "/c": { post: op({ requestBody: body(["x"]) }) },
    });
    expect(breakingChanges(before, after)).toEqual([]);
  });
});

describe("changesets", () => {
  const files = [
    '---\n"@workapis/webwork": minor\n"@workapis/runtime": patch\n---\n\nAdd things.\n',
    "---\n'@workapis/webwork': major\n---\n\nRemove an operation.\n",
  ];

  it("reads the highest bump per package", () => {
    expect(Object.fromEntries(bumpsFromChangesets(files))).toEqual({
      "@workapis/webwork": "major",
      "@workapis/runtime": "patch",
    });
  });

  it("fails a spec change without a changeset, and a breaking change without a major bump", () => {
    const bumps = bumpsFromChangesets([files[0] ?? ""]);
    expect(
      releaseProblems(
        [
          { packageName: "@workapis/webwork", breaking: ["GET /b: operation removed"] },
          { packageName: "@workapis/workglue", breaking: [] },
          { packageName: "@workapis/runtime", breaking: [] },
        ],
        bumps,
      ),
    ).toEqual([
      "@workapis/webwork: breaking spec change needs a major bump, the changeset says minor: GET /b: operation removed",
      "@workapis/workglue: the spec changed but no changeset names the package (run pnpm changeset)",
    ]);
    expect(
      releaseProblems([{ packageName: "@workapis/webwork", breaking: ["x"] }], bumpsFromChangesets(files)),
    ).toEqual([]);
  });
});
