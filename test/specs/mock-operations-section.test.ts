/**
 * Each vendor README lists, in a generated section, every operation a test can override or arm a
 * scenario for (`mock.override(operationId, …)`), and the resources of `mock.store`: the list is
 * read from the spec, so it names exactly the spec's operations.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readVendors } from "../../tools/codegen/workspace-config.ts";
import { MOCK_END, MOCK_START } from "../../tools/evidence/mock-operations-section.ts";

const repoRoot = resolve(import.meta.dirname, "../..");
const METHODS = ["get", "put", "post", "delete", "patch"];

function operationIds(spec: string): string[] {
  const doc = parse(readFileSync(join(repoRoot, spec), "utf8")) as {
    paths: Record<string, Record<string, { operationId?: string }>>;
  };
  return Object.values(doc.paths).flatMap((item) =>
    Object.entries(item).flatMap(([method, op]) =>
      METHODS.includes(method) ? [String(op.operationId)] : [],
    ),
  );
}

describe("each vendor README lists the operations its mock lets a test override", () => {
  for (const { vendor, spec } of readVendors(repoRoot)) {
    it(vendor, () => {
      const readme = readFileSync(join(repoRoot, "packages", vendor, "README.md"), "utf8");
      const start = readme.indexOf(MOCK_START);
      const end = readme.indexOf(MOCK_END);
      expect(start, `packages/${vendor}/README.md has no mock-operations markers`).toBeGreaterThan(-1);
      const section = readme.slice(start, end);
      const listed = [...section.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);
      expect(listed.sort()).toEqual(operationIds(spec).sort());
      expect(section).toMatch(/mock\.store/);
    });
  }
});
