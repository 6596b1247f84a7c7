import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { MockOptions, VendorMock } from "@workapis/mock";
import { readVendors } from "../codegen/workspace-config.ts";

const repoRoot = resolve(import.meta.dirname, "../..");

/** Loads a vendor's generated mock factory (`create<Name>Mock`) from its package sources. */
export async function loadVendorMock(vendor: string, options: MockOptions = {}): Promise<VendorMock> {
  const known = readVendors(repoRoot).map((v) => v.vendor);
  if (!known.includes(vendor)) throw new Error(`unknown vendor "${vendor}"; known: ${known.join(", ")}`);
  const file = resolve(repoRoot, "packages", vendor, "src/generated/mock.ts");
  if (!existsSync(file)) throw new Error(`${file} is missing: run pnpm generate`);
  const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const factory = Object.entries(module).find(
    ([name, value]) => /^create\w+Mock$/.test(name) && typeof value === "function",
  )?.[1] as ((options: MockOptions) => VendorMock) | undefined;
  if (!factory) throw new Error(`${file} exports no create<Vendor>Mock`);
  return factory(options);
}
