import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { formatGenerated } from "./format-generated.ts";

/**
 * Generated code is laid out like hand-written code: Biome's width (biome.json, `lineWidth`) holds
 * for every line of every generated TypeScript or JavaScript file, except what a formatter cannot
 * break: a line that is one string (a spec description or pattern inside a validator, a URL in a
 * fixture) or one anchored regular expression literal (a format's pattern), a type reached through
 * long literal keys, and, in schema.ts, a comment holding the spec's own prose.
 */
const repoRoot = resolve(import.meta.dirname, "../..");
const width = (
  JSON.parse(readFileSync(join(repoRoot, "biome.json"), "utf8")) as { formatter: { lineWidth: number } }
).formatter.lineWidth;

const oneString =
  /^(?:(?:[A-Za-z_$][\w$]*|"(?:[^"\\]|\\.)*")\s*:\s*)?(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)(?:[,;]|\s*\+)?$/;
/** A type reached through literal keys (`paths["/a/{id}"]["get"]["responses"][200]`): Biome cannot break it. */
const literalKeyPath = /^[\w$]+(?:\[(?:"[^"]*"|[0-9]+)\])+$/;
const comment = /^(?:\/\/|\/\*|\*)/;
/** A lone regular expression literal (`/^…$/i;`), as ajv inlines a format's pattern. */
const regexLiteral = /^\/\^.*\$\/[a-z]*;?$/;

export function overlongLines(file: string, text: string, limit = width): string[] {
  const specProse = file.endsWith("schema.ts");
  return text
    .split("\n")
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line }) => line.length > limit)
    .filter(({ line }) => {
      const code = line.trim();
      return (
        !oneString.test(code) &&
        !literalKeyPath.test(code) &&
        !regexLiteral.test(code) &&
        !(specProse && comment.test(code))
      );
    })
    .map(({ line, number }) => `${file}:${number} (${line.length} characters) ${line.trim().slice(0, 80)}`);
}

describe("generated code layout", () => {
  it("flags a long code line and lets a lone long string through", () => {
    const long = "x".repeat(width);
    const text = [
      `const a = { b: 1, c: "${long}" };`,
      `  "${long}",`,
      `  key: "${long}",`,
      `  "${long}" +`,
      `  paths["/${long}"]["get"][200]`,
      `  type T = paths["/${long}"]["get"][200]`,
      `    /^[a-z]${long}$/i;`,
      `  const re = /^[a-z]${long}$/i;`,
    ].join("\n");
    expect(overlongLines("operations.ts", text).map((l) => l.split(" ")[0])).toEqual([
      "operations.ts:1",
      "operations.ts:6",
      "operations.ts:8",
    ]);
    expect(overlongLines("schema.ts", ` * @description ${long}`)).toEqual([]);
    expect(overlongLines("client.ts", ` * ${long}`)).toHaveLength(1);
  });

  it("formatGenerated lays a long line out within the width", () => {
    const source = `export const meta = { ${Array.from({ length: 30 }, (_, i) => `op${i}: { method: "GET" }`).join(", ")} };\n`;
    const out = formatGenerated(
      new Map([
        ["x/operations.ts", source],
        ["x/README.md", "# not code\n"],
      ]),
    );
    expect(overlongLines("operations.ts", out.get("x/operations.ts") ?? "")).toEqual([]);
    expect(out.get("x/operations.ts")).toContain('op29: { method: "GET" }');
    expect(out.get("x/README.md")).toBe("# not code\n");
  });

  it("no committed generated file has a line past the formatter's width", () => {
    const problems: string[] = [];
    for (const pkg of readdirSync(join(repoRoot, "packages"))) {
      const dir = join(repoRoot, "packages", pkg, "src", "generated");
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        continue; // a package without generated code (the runtime)
      }
      for (const name of names.filter((n) => /\.(?:ts|js)$/.test(n))) {
        problems.push(
          ...overlongLines(`packages/${pkg}/src/generated/${name}`, readFileSync(join(dir, name), "utf8")),
        );
      }
    }
    expect(problems).toEqual([]);
  });
});
