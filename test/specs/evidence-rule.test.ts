/**
 * The evidence rule (specs/README.md) over every spec in redocly.yaml: rules 1, 2, 3 and 5, checked
 * mechanically. A failure lists each violation with its rule number and JSON pointer.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readVendors } from "../../tools/codegen/workspace-config.ts";
import { evidenceViolations, GENERIC_INFERRED } from "../../tools/evidence/rule.ts";

const repoRoot = resolve(import.meta.dirname, "../..");
const vendors = readVendors(repoRoot);
const load = (spec: string) => parse(readFileSync(join(repoRoot, spec), "utf8")) as Record<string, unknown>;

describe("the evidence rule holds in every spec", () => {
  it("covers all five vendors", () => {
    expect(vendors.map((v) => v.vendor).sort()).toEqual([
      "betterworks",
      "boardcrm",
      "webwork",
      "workboard",
      "workglue",
    ]);
  });

  for (const { vendor, spec } of vendors) {
    it(`${vendor}: no violations of rules 1, 2, 3 and 5`, () => {
      const violations = evidenceViolations(load(spec)).map(
        (v) => `rule ${v.rule} at ${v.pointer}: ${v.message}`,
      );
      expect(violations, `${spec} breaks the evidence rule:\n${violations.join("\n")}`).toEqual([]);
    });
  }

  for (const vendor of ["boardcrm", "betterworks", "workglue"]) {
    it(`${vendor}: every inferred operation gives its own reason, not the generic sentence`, () => {
      const spec = vendors.find((v) => v.vendor === vendor)?.spec ?? `specs/${vendor}/openapi.yaml`;
      expect(readFileSync(join(repoRoot, spec), "utf8")).not.toContain(GENERIC_INFERRED);
    });
  }
});
