/**
 * Writes docs/evidence/workboard-vendor-examples.json: every example in WorkBoard's own OpenAPI
 * documents (v1 and v2), by JSON pointer, as archived in the public repository
 * github.com/api-evangelist/workboard (`openapi/_original/`) at the commit below.
 * test/specs/workboard-examples.test.ts checks that our spec carries each of them.
 *
 *   pnpm exec tsx tools/evidence/extract-workboard-examples.ts <clone of api-evangelist/workboard>
 *
 * The clone may be bare; the documents are read from the pinned commit, whatever is checked out.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { formatGenerated } from "../codegen/format-generated.ts";
import { collectVendorExamples } from "./vendor-examples.ts";
import { COMMIT, DOCUMENTS, REPOSITORY } from "./workboard-documents.ts";

const OUT = "docs/evidence/workboard-vendor-examples.json";

function main(clone: string | undefined): void {
  if (!clone) throw new TypeError("usage: extract-workboard-examples.ts <clone of api-evangelist/workboard>");
  const git = (...args: string[]) => execFileSync("git", ["-C", clone, ...args], { encoding: "utf8" });
  const documents = Object.fromEntries(
    Object.entries(DOCUMENTS).map(([name, document]) => {
      const text = git("show", `${COMMIT}:${document.path}`);
      return [
        name,
        {
          ...document,
          blob: git("rev-parse", `${COMMIT}:${document.path}`).trim(),
          examples: collectVendorExamples(parse(text)),
        },
      ];
    }),
  );
  const out = {
    description:
      "Every example in WorkBoard's published OpenAPI documents, by JSON pointer inside the document. Written by tools/evidence/extract-workboard-examples.ts; checked against specs/workboard/openapi.yaml by test/specs/workboard-examples.test.ts.",
    repository: REPOSITORY,
    commit: COMMIT,
    documents,
  };
  const repoRoot = resolve(import.meta.dirname, "../..");
  // Laid out by the repository's own formatter, as every checked-in JSON file is.
  const [formatted] = formatGenerated(new Map([[OUT, `${JSON.stringify(out, null, 2)}\n`]])).values();
  writeFileSync(join(repoRoot, OUT), formatted ?? "");
  const count = Object.values(documents).reduce((n, d) => n + d.examples.length, 0);
  console.log(`wrote ${OUT}: ${count} examples`);
}

main(process.argv[2]);
