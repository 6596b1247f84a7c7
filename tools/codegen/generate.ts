import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildCatalog, emitCatalog } from "./emit-catalog.ts";
import { emitClient } from "./emit-client.ts";
import { emitEntry } from "./emit-entry.ts";
import { buildMockSpec, emitMockEntry, emitMockSpec, recordSources } from "./emit-mock-spec.ts";
import { emitOperations } from "./emit-operations.ts";
import { emitResponseValidators } from "./emit-response-validators.ts";
import { emitSchema } from "./emit-schema.ts";
import { emitValidators } from "./emit-validators.ts";
import { formatGenerated } from "./format-generated.ts";
import { generatedHeader } from "./header.ts";
import { lintSpec } from "./lint-spec.ts";
import { loadSpec, located } from "./load-spec.ts";
import { SpecError, type SpecProblem } from "./spec-error.ts";
import { buildSpecModel } from "./spec-model.ts";
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
  const model = buildSpecModel(spec, problems);
  const validators = model ? emitValidators(model, problems) : "";
  const responseValidators = model ? emitResponseValidators(model, problems) : { js: "", dts: "" };
  if (problems.length > 0 || !model) throw new SpecError(located(spec, problems));
  const header = generatedHeader(entry.spec, spec.source);
  const files = new Map<string, string>();
  files.set(`${entry.outDir}/schema.ts`, header + (await emitSchema(model.document)));
  files.set(`${entry.outDir}/operations.ts`, header + emitOperations(model));
  files.set(`${entry.outDir}/client.ts`, header + emitClient(model, entry.vendor));
  files.set(`${entry.outDir}/index.ts`, header + emitEntry(model));
  const mockSpec = buildMockSpec(model, entry.vendor);
  const custom = mockSpec.operations.filter((o) => o.mock.action === "custom").map((o) => o.operationId);
  const mockSpecFiles = emitMockSpec(mockSpec);
  files.set(`${entry.outDir}/mock-spec.js`, header + mockSpecFiles.js);
  files.set(`${entry.outDir}/mock-spec.d.ts`, header + mockSpecFiles.dts);
  files.set(`${entry.outDir}/mock-validators.ts`, header + validators);
  files.set(`${entry.outDir}/response-validators.js`, header + responseValidators.js);
  files.set(`${entry.outDir}/response-validators.d.ts`, header + responseValidators.dts);
  files.set(`${entry.outDir}/mock.ts`, header + emitMockEntry(model, custom, recordSources(mockSpec)));
  const catalogFiles = emitCatalog(buildCatalog(model, entry.vendor));
  files.set(`${entry.outDir}/catalog.js`, header + catalogFiles.js);
  files.set(`${entry.outDir}/catalog.d.ts`, header + catalogFiles.dts);
  files.set(`${entry.outDir}/README.md`, FOLDER_README);
  return formatGenerated(files);
}
