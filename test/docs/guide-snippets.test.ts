import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, normalize, resolve } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../conformance/spec-model.ts";
import { assembleModule, extractSnippets } from "./markdown-snippets.ts";

/**
 * What the READMEs and guides show is what users can write: every TypeScript block of every
 * Markdown guide (the root README, CONTRIBUTING.md, the package READMEs, docs/, examples/) is
 * type-checked strictly against the built packages, and every relative link in a package README
 * points at a file the published package ships.
 */
const scratch = resolve(import.meta.dirname, "../.snippets");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Tracked and new Markdown files, changelogs and changesets aside (they hold no samples). */
function guides(): string[] {
  return execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z", "*.md"], {
    cwd: repoRoot,
    encoding: "utf8",
  })
    .split("\0")
    .filter((file) => file !== "" && !file.startsWith(".changeset/") && !file.endsWith("CHANGELOG.md"))
    .filter((file) => existsSync(join(repoRoot, file)))
    .sort();
}

describe("guide snippets", () => {
  it("extracts TypeScript blocks with their lines and leaves nocheck blocks out", () => {
    const markdown = [
      "# Title", // 1
      "```ts", // 2
      'import { a } from "x";', // 3
      "a();", // 4
      "```", // 5
      "```sh", // 6
      "pnpm test", // 7
      "```", // 8
      "```ts nocheck", // 9
      "not: typescript", // 10
      "```", // 11
      "```typescript", // 12
      'import { a, b } from "x";', // 13
      "b(a);", // 14
      "```", // 15
    ].join("\n");
    const snippets = extractSnippets(markdown);
    expect(snippets.map((s) => s.line)).toEqual([3, 13]);
    const module = assembleModule(snippets);
    const lines = module.source.split("\n");
    // Imports on top, the second without the name the first imported; each block a nested scope.
    expect(lines.slice(0, 2)).toEqual(['import { a } from "x";', 'import { b } from "x";']);
    expect(module.markdownLine.slice(0, 6)).toEqual([3, 13, 3, 4, 13, 14]);
    expect(lines[3]).toBe("a();");
    expect(lines[5]).toBe("b(a);");
    expect(lines.at(-2)).toBe("}}");
    expect(lines).toHaveLength(module.markdownLine.length);
  });

  it("every TypeScript block of every README and guide compiles against the built packages", () => {
    rmSync(scratch, { recursive: true, force: true });
    const modules = new Map<string, { guide: string; markdownLine: number[] }>();
    for (const guide of guides()) {
      const snippets = extractSnippets(readFileSync(join(repoRoot, guide), "utf8"));
      if (snippets.length === 0) continue;
      const { source, markdownLine } = assembleModule(snippets);
      const file = join(scratch, `${guide.replaceAll("/", "__")}.ts`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, source);
      modules.set(file, { guide, markdownLine });
    }
    expect([...modules.values()].map((m) => m.guide)).toContain("README.md");
    const program = ts.createProgram([...modules.keys()], {
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
      const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
      const traced = d.file ? modules.get(normalize(d.file.fileName)) : undefined;
      if (!d.file || !traced) return `${d.file?.fileName ?? ""} ${message}`;
      const line = d.file.getLineAndCharacterOfPosition(d.start ?? 0).line;
      return `${traced.guide}:${traced.markdownLine[line] ?? 0} ${message}`;
    });
    expect(problems).toEqual([]);
  });
});

describe("package README links", () => {
  const packagesDir = join(repoRoot, "packages");
  const packages = execFileSync("git", ["ls-files", "packages/*/package.json"], {
    cwd: repoRoot,
    encoding: "utf8",
  })
    .split("\n")
    .filter(Boolean)
    .map((file) => dirname(file).slice("packages/".length));

  /** Whether `file` (relative to the package) is shipped by the package's `files` list. */
  function shipped(packageRoot: string, files: readonly string[], file: string): boolean {
    const path = normalize(file);
    if (path.startsWith("..")) return false;
    if (path === "package.json" || /^readme(\.md)?$/i.test(path) || /^licen[cs]e/i.test(path)) return true;
    return (
      files.some((entry) => {
        const root = normalize(entry.replace(/\/\*\*.*$/, "").replace(/\/$/, ""));
        return path === root || path.startsWith(`${root}/`);
      }) &&
      existsSync(join(packageRoot, path)) &&
      statSync(join(packageRoot, path)).isFile()
    );
  }

  it.each(packages)("@workapis/%s: every relative link resolves to a file the package ships", (name) => {
    const root = join(packagesDir, name);
    const { files = [] } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      files?: string[];
    };
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const links = [...readme.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1] ?? "");
    const relative = links.filter((href) => !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith("#"));
    const broken = relative.filter((href) => !shipped(root, files, href.split("#")[0] ?? ""));
    // Paths to files outside the package (site/, specs/, another package) do not exist for a reader
    // of the published package: they are written as code spans pointing at the repository instead.
    const repoPaths = [...readme.matchAll(/`((?:site|specs|docs|packages)\/[^`\s]+)`/g)].map((m) => m[1]);
    expect({ broken, repoPaths }).toEqual({ broken: [], repoPaths: [] });
  });
});
