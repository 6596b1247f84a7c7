/**
 * The evidence tables users see reflect the specs: each vendor README's generated section counts the
 * spec's operations and names every one, and the docs front page shows the same counts.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readVendors } from "../../tools/codegen/workspace-config.ts";
import { END, START } from "../../tools/evidence/readme-section.ts";

const repoRoot = resolve(import.meta.dirname, "../..");
const METHODS = ["get", "put", "post", "delete", "patch"];

/** Counted straight from the YAML, independently of the code that renders the tables. */
function countOperations(spec: string) {
  const doc = parse(readFileSync(join(repoRoot, spec), "utf8")) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const ids: string[] = [];
  let documented = 0;
  for (const item of Object.values(doc.paths))
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method) || op === null || typeof op !== "object") continue;
      ids.push(String((op as Record<string, unknown>)["operationId"]));
      if ("x-source" in op) documented++;
    }
  return { ids, documented };
}

describe("each vendor README's evidence table reflects its spec", () => {
  for (const { vendor, spec } of readVendors(repoRoot)) {
    it(vendor, () => {
      const readme = readFileSync(join(repoRoot, "packages", vendor, "README.md"), "utf8");
      const start = readme.indexOf(START);
      const end = readme.indexOf(END);
      expect(start, `packages/${vendor}/README.md has no evidence-table markers`).toBeGreaterThan(-1);
      const section = readme.slice(start, end);
      const { ids, documented } = countOperations(spec);
      expect(section).toContain(`**${ids.length} operations: ${documented} documented by the vendor`);
      expect(section).toContain(`, ${ids.length - documented} inferred (`);
      for (const id of ids) expect(section).toContain(`| \`${id}\` |`);
    });
  }
});
