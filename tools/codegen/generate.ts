import { readFileSync } from "node:fs";
import { join } from "node:path";
import { emitClient } from "./emit-client.ts";
import { emitEntry } from "./emit-entry.ts";
import { buildMockSpec, emitMockEntry, emitMockSpec, recordSources } from "./emit-mock-spec.ts";
import { emitOperations } from "./emit-operations.ts";
import { emitSchema } from "./emit-schema.ts";
import { emitValidators } from "./emit-validators.ts";
import { extractMeta } from "./extract-meta.ts";
import { formatGenerated } from "./format-generated.ts";
import { generatedHeader } from "./header.ts";
import { lintSpec } from "./lint-spec.ts";
import { loadSpec, located } from "./load-spec.ts";
import { SpecError, type SpecProblem } from "./spec-error.ts";
import type { VendorEntry } from "./workspace-config.ts";

const FOLDER_README = `# Generated: do not edit

Everything in this folder is written by \`pnpm generate\` (tools/codegen) from the vendor's spec in
\`specs/\`. Change the spec and regenerate; CI fails when these files are stale.
`;

/**
 * Generates one vendor's files (repo-relative path → content), formatted, without writing them. A spec that
 * does not parse, lint or carry valid extensions throws `SpecError` listing file and JSON pointer.
 */
export async function generateVendor(entry: VendorEntry, repoRoot: string): Promise<Map<string, string>> {
  const spec = loadSpec(entry.spec, readFileSync(join(repoRoot, entry.spec), "utf8"));
  const problems: SpecProblem[] = await lintSpec(join(repoRoot, entry.spec), join(repoRoot, "redocly.yaml"));
  const meta = extractMeta(spec, problems);
  const validators = meta ? emitValidators(spec.document, problems, entry.spec) : "";
  if (problems.length > 0 || !meta) throw new SpecError(located(spec, problems));
  const header = generatedHeader(entry.spec, spec.source);
  const files = new Map<string, string>();
  files.set(`${entry.outDir}/schema.ts`, header + (await emitSchema(spec.document)));
  files.set(`${entry.outDir}/operations.ts`, header + emitOperations(meta));
  files.set(`${entry.outDir}/client.ts`, header + emitClient(meta));
  files.set(`${entry.outDir}/index.ts`, header + emitEntry(meta));
  const mockSpec = buildMockSpec(spec.document, entry.vendor, meta);
  const custom = mockSpec.operations.filter((o) => o.mock.action === "custom").map((o) => o.operationId);
  const mockSpecFiles = emitMockSpec(mockSpec);
  files.set(`${entry.outDir}/mock-spec.js`, header + mockSpecFiles.js);
  files.set(`${entry.outDir}/mock-spec.d.ts`, header + mockSpecFiles.dts);
  files.set(`${entry.outDir}/mock-validators.ts`, header + validators);
  files.set(`${entry.outDir}/mock.ts`, header + emitMockEntry(meta, custom, recordSources(mockSpec)));
  files.set(`${entry.outDir}/README.md`, FOLDER_README);
  return formatGenerated(files);
}
