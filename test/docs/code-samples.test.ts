import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../tools/codegen/load-spec.ts";
import { operationsOf } from "../../tools/codegen/spec-walk.ts";
import { codeSamples } from "../../tools/docs/code-samples.ts";
import { repoRoot, vendors } from "../conformance/spec-model.ts";

/**
 * Every TypeScript sample the docs show is type-checked against the built packages, strictly: a
 * sample that does not compile fails the build.
 */
const scratch = resolve(import.meta.dirname, "../.samples");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("docs code samples", () => {
  it("compile under strict TypeScript for every operation of every vendor", { timeout: 300_000 }, () => {
    rmSync(scratch, { recursive: true, force: true });
    const files: string[] = [];
    for (const { vendor, spec } of vendors()) {
      const { document } = loadSpec(spec, readFileSync(resolve(repoRoot, spec), "utf8"));
      const pkg = JSON.parse(readFileSync(resolve(repoRoot, "packages", vendor, "package.json"), "utf8")) as {
        name: string;
      };
      const ctx = {
        packageName: pkg.name,
        clientName: (document["x-workapis"] as { clientName: string }).clientName,
        baseUrl: "https://api.example.test",
      };
      mkdirSync(join(scratch, vendor), { recursive: true });
      for (const op of operationsOf(document)) {
        const sample = codeSamples(document, op, ctx).find((s) => s.lang === "TypeScript");
        expect(
          sample,
          `${vendor} ${String(op.operation["operationId"])} has a TypeScript sample`,
        ).toBeDefined();
        const file = join(scratch, vendor, `${String(op.operation["operationId"])}.ts`);
        writeFileSync(file, `${sample?.source ?? ""}\nexport {};\n`);
        files.push(file);
      }
    }
    const program = ts.createProgram(files, {
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
      types: ["node"],
      skipLibCheck: true,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${d.file.fileName.slice(scratch.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : "";
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    expect(problems).toEqual([]);
    expect(files.length).toBeGreaterThan(100);
  });
});
