import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { generateVendor } from "./generate.ts";
import { readVendors } from "./workspace-config.ts";

const repoRoot = resolve(import.meta.dirname, "../..");

/** CI's freshness check: every committed generated file equals what the spec generates now. */
describe("committed generated files", () => {
  const vendors = readVendors(repoRoot);
  it("covers at least one vendor", () => {
    expect(vendors.length).toBeGreaterThan(0);
  });
  for (const entry of vendors) {
    it(`${entry.vendor} is fresh (run \`pnpm generate\` if this fails)`, async () => {
      const files = await generateVendor(entry, repoRoot);
      for (const [path, content] of files) {
        const abs = join(repoRoot, path);
        expect(existsSync(abs), `${path} is missing`).toBe(true);
        expect(readFileSync(abs, "utf8"), `${path} is stale`).toBe(content);
      }
      // Nothing else in the folder: a file the generator stopped writing must not linger.
      for (const dir of new Set([...files.keys()].map((path) => dirname(path))))
        for (const name of readdirSync(join(repoRoot, dir)))
          expect(files.has(`${dir}/${name}`), `${dir}/${name} is not generated any more`).toBe(true);
    });
  }
});
