import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../tools/codegen/load-spec.ts";
import { deref, isObj, operationsOf, parametersOf } from "../../tools/codegen/spec-walk.ts";
import { repoRoot } from "../conformance/spec-model.ts";

/**
 * What an editor shows a consumer of the built WebWork package, through TypeScript's language
 * service: the call types are ours (typed through a second type parameter to keep `tsc` fast), and
 * this checks they still give what openapi-fetch's did: path completions, completions inside the init,
 * the body and the query, and a mistake reported on the property that is wrong.
 */
const scratch = resolve(import.meta.dirname, "../.editor");
const file = join(scratch, "consumer.ts");
const specFile = "specs/webwork/openapi.yaml";
const { document: spec } = loadSpec(specFile, readFileSync(resolve(repoRoot, specFile), "utf8"));

const source = `import { createWebWorkClient } from "@workapis/webwork";
const c = createWebWorkClient({ token: "t" });
c.GET("/");
c.GET("/members", { params: { query: { workspace_id: 1,  } } });
c.GET("/members", {  });
c.POST("/members", { params: { query: { workspace_id: 1 } }, body: { email: "a@b.example",  } });
c.GET("/members", { params: { query: { workspace_id: "4821" } } });
`;
/** The offset just after the first occurrence of `marker` in the source. */
const after = (marker: string) => {
  const at = source.indexOf(marker);
  if (at < 0) throw new Error(`no ${marker} in the source`);
  return at + marker.length;
};

let service: ts.LanguageService;
beforeAll(() => {
  mkdirSync(scratch, { recursive: true });
  writeFileSync(file, source);
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
    types: [],
    skipLibCheck: true,
  };
  service = ts.createLanguageService({
    getScriptFileNames: () => [file],
    getScriptVersion: () => "1",
    getScriptSnapshot: (name) =>
      ts.sys.fileExists(name) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(name) ?? "") : undefined,
    getCurrentDirectory: () => scratch,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: (name) => ts.sys.realpath?.(name) ?? name,
  });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const completions = (offset: number) =>
  (service.getCompletionsAtPosition(file, offset, {})?.entries ?? []).map((e) => e.name);

describe("the WebWork client in an editor", () => {
  const operations = operationsOf(spec);

  it("completes the path with every path that has the method", () => {
    const getPaths = operations.filter((o) => o.method === "get").map((o) => o.path);
    expect(getPaths.length).toBeGreaterThan(5);
    expect(completions(after('c.GET("/')).sort()).toEqual([...getPaths].sort());
  });

  it("completes the init's options, the query's parameters and the body's fields", () => {
    const init = completions(after('c.GET("/members", { '));
    expect(init).toEqual(expect.arrayContaining(["params", "headers", "timeoutMs", "retry", "signal"]));
    expect(init).not.toContain("method");

    const listMembers = operations.find((o) => o.method === "get" && o.path === "/members");
    if (!listMembers) throw new Error("GET /members is not in the spec");
    const query = parametersOf(spec, listMembers)
      .filter((p) => p["in"] === "query")
      .map((p) => String(p["name"]));
    expect(query).toContain("workspace_id");
    // The editor leaves out what the object already has.
    expect(completions(after("workspace_id: 1, ")).sort()).toEqual(
      query.filter((q) => q !== "workspace_id").sort(),
    );

    const invite = operations.find((o) => o.method === "post" && o.path === "/members");
    const body = deref(spec, invite?.operation["requestBody"]);
    const media = isObj(body) && isObj(body["content"]) ? body["content"]["application/json"] : undefined;
    const schema = deref(spec, isObj(media) ? media["schema"] : undefined);
    const fields = Object.keys(isObj(schema) && isObj(schema["properties"]) ? schema["properties"] : {});
    expect(fields).toContain("firstname");
    expect(completions(after('email: "a@b.example", ')).sort()).toEqual(
      fields.filter((f) => f !== "email").sort(),
    );
  });

  it("reports a wrong parameter type on the parameter, naming both types", () => {
    const errors = service.getSemanticDiagnostics(file);
    const wrong = errors.find((d) => d.start === source.indexOf('workspace_id: "4821"'));
    expect(
      wrong,
      errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n"),
    ).toBeDefined();
    expect(ts.flattenDiagnosticMessageText(wrong?.messageText, "\n")).toBe(
      "Type 'string' is not assignable to type 'number'.",
    );
  });
});
