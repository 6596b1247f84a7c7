import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadSpec } from "../codegen/load-spec.ts";
import type { VendorEntry } from "../codegen/workspace-config.ts";
import { vendorEvidence } from "./evidence.ts";
import { mockOperationsMarkdown, withMockOperationsSection } from "./mock-operations-section.ts";
import { evidenceMarkdown, withEvidenceSection } from "./readme-section.ts";

/**
 * The vendor package's README (repo-relative path and content) with a fresh evidence table and, where
 * it holds the mock-operations markers, a fresh list of the operations its mock can override; undefined
 * when the README does not hold the evidence-table markers.
 */
export function vendorReadme(
  entry: VendorEntry,
  repoRoot: string,
): { path: string; content: string } | undefined {
  const path = `packages/${entry.vendor}/README.md`;
  if (!existsSync(join(repoRoot, path))) return undefined;
  const { document } = loadSpec(entry.spec, readFileSync(join(repoRoot, entry.spec), "utf8"));
  const withEvidence = withEvidenceSection(
    readFileSync(join(repoRoot, path), "utf8"),
    evidenceMarkdown(vendorEvidence(document), entry.spec),
  );
  if (withEvidence === undefined) return undefined;
  const content =
    withMockOperationsSection(withEvidence, mockOperationsMarkdown(document, entry.spec)) ?? withEvidence;
  return { path, content };
}
