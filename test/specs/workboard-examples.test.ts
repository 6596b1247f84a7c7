/**
 * WorkBoard's examples, value-matched: every example of WorkBoard's own OpenAPI documents (extracted
 * into docs/evidence/workboard-vendor-examples.json by tools/evidence/extract-workboard-examples.ts)
 * appears in specs/workboard/openapi.yaml at the same place (same operation and status, parameter,
 * body or schema) with the vendor's values. Our examples may add fields; they never change or drop
 * a value the vendor shows.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { carriesValues, findCounterparts, type VendorExample } from "../../tools/evidence/vendor-examples.ts";
import { COMMIT, DOCUMENTS, REPOSITORY } from "../../tools/evidence/workboard-documents.ts";

const repoRoot = resolve(import.meta.dirname, "../..");
const ours = parse(readFileSync(join(repoRoot, "specs/workboard/openapi.yaml"), "utf8")) as Record<
  string,
  unknown
>;
const extract = JSON.parse(
  readFileSync(join(repoRoot, "docs/evidence/workboard-vendor-examples.json"), "utf8"),
) as {
  repository: string;
  commit: string;
  documents: Record<keyof typeof DOCUMENTS, { url: string; path: string; examples: VendorExample[] }>;
};

describe("WorkBoard's own examples are in our spec with the vendor's values", () => {
  it("the extract cites both vendor documents at a pinned commit", () => {
    expect(extract.repository).toBe(REPOSITORY);
    expect(extract.commit).toBe(COMMIT);
    for (const [name, document] of Object.entries(DOCUMENTS)) {
      const extracted = extract.documents[name as keyof typeof DOCUMENTS];
      expect(extracted.url).toBe(document.url);
      expect(extracted.path).toBe(document.path);
      expect(extracted.examples.length).toBeGreaterThan(0);
    }
  });

  for (const [name, document] of Object.entries(DOCUMENTS)) {
    const extracted = extract.documents[name as keyof typeof DOCUMENTS];
    describe(`${name} (${document.url})`, () => {
      for (const example of extracted.examples) {
        it(example.pointer, () => {
          const vendor = {
            url: document.url,
            ...("schemas" in document ? { schemas: document.schemas } : {}),
          };
          const found = findCounterparts(ours, vendor, example);
          expect(found, `our spec has nothing in the place of ${name} ${example.pointer}`).toBeDefined();
          const matching = (found ?? []).filter((c) => carriesValues(c.value, example.value));
          expect(
            matching.map((c) => c.pointer),
            `no example of ours carries ${JSON.stringify(example.value)}; ours: ${JSON.stringify(found)}`,
          ).not.toEqual([]);
        });
      }
    });
  }
});
