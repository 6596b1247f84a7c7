import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

export interface VendorEntry {
  /** The API alias in redocly.yaml, which is also the package folder name. */
  readonly vendor: string;
  /** Spec path relative to the repo root. */
  readonly spec: string;
  /** Generated folder relative to the repo root. */
  readonly outDir: string;
}

/** The vendors are the `apis` of redocly.yaml: one list drives lint, codegen and docs. */
export function readVendors(repoRoot: string): VendorEntry[] {
  const config = parse(readFileSync(join(repoRoot, "redocly.yaml"), "utf8")) as {
    apis?: Record<string, { root?: string }>;
  };
  return Object.entries(config.apis ?? {}).map(([vendor, api]) => {
    if (typeof api.root !== "string") throw new Error(`redocly.yaml: apis.${vendor}.root is missing`);
    return { vendor, spec: api.root, outDir: `packages/${vendor}/src/generated` };
  });
}
