/**
 * `pnpm generate [--check] [vendor…]`: regenerates packages/<vendor>/src/generated from the specs
 * listed in redocly.yaml, and the evidence table in each packages/<vendor>/README.md that holds the
 * evidence-table markers. With --check it writes nothing and exits 1 when a committed file is stale.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { vendorReadme } from "../evidence/vendor-readme.ts";
import { generateVendor } from "./generate.ts";
import { SpecError } from "./spec-error.ts";
import { readVendors } from "./workspace-config.ts";

const repoRoot = resolve(import.meta.dirname, "../..");
const args = process.argv.slice(2);
const check = args.includes("--check");
const only = args.filter((a) => !a.startsWith("--"));
const vendors = readVendors(repoRoot).filter((v) => only.length === 0 || only.includes(v.vendor));

let failed = false;
for (const entry of vendors) {
  try {
    const files = await generateVendor(entry, repoRoot);
    // A file the generator no longer writes (renamed, dropped) is stale too: the folder is all generated.
    for (const dir of new Set([...files.keys()].map((path) => dirname(path)))) {
      for (const name of existsSync(join(repoRoot, dir)) ? readdirSync(join(repoRoot, dir)) : []) {
        const path = `${dir}/${name}`;
        if (files.has(path)) continue;
        if (check) {
          console.error(`stale: ${path} is not generated any more (run pnpm generate)`);
          failed = true;
        } else {
          rmSync(join(repoRoot, path), { recursive: true, force: true });
          console.log(`removed ${path}`);
        }
      }
    }
    // The README's evidence table is a generated section of a hand-written file, kept apart from the
    // generated folder so the stale-file sweep above never touches the package's own files.
    const readme = vendorReadme(entry, repoRoot);
    if (readme) files.set(readme.path, readme.content);
    for (const [path, content] of files) {
      const abs = join(repoRoot, path);
      const current = existsSync(abs) ? readFileSync(abs, "utf8") : undefined;
      if (current === content) continue;
      if (check) {
        console.error(`stale: ${path} (run pnpm generate)`);
        failed = true;
      } else {
        mkdirSync(dirname(abs), { recursive: true });
        writeFileSync(abs, content);
        console.log(`wrote ${path}`);
      }
    }
    console.log(`${entry.vendor}: ${check ? "checked" : "generated"} from ${entry.spec}`);
  } catch (error) {
    failed = true;
    console.error(error instanceof SpecError ? error.message : error);
  }
}
process.exitCode = failed ? 1 : 0;
