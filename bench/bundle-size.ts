import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { splitBundle } from "../tools/bundle/split-bundle.ts";

/** A consumer's bundle of `contents`, as an application build makes it: ES modules, minified, split. */
const bundle = (contents: string, options: Parameters<typeof splitBundle>[2] = {}) =>
  splitBundle(contents, import.meta.dirname, { ...options, minify: true });

/**
 * min+gzip of what a consumer's bundle loads: the entry chunk and the chunks it imports, loaded with
 * the page; apart, the chunks only a dynamic `import()` loads: the response validators (loaded by
 * `validateResponses`), and the rest of what some calls load on first use (paging, following a
 * redirect, reading an error response, the response review).
 */
async function size(contents: string): Promise<{ entry: number; validators: number; onUse: number }> {
  const sizes = { entry: 0, validators: 0, onUse: 0 };
  for (const file of await bundle(contents)) {
    const bytes = gzipSync(file.contents).length;
    if (file.withPage) sizes.entry += bytes;
    else if (Object.keys(file.inputs).some((input) => /\/dist\/validators\.js$/.test(input)))
      sizes.validators += bytes;
    else sizes.onUse += bytes;
  }
  return sizes;
}

export async function bundleSizes() {
  const { entry: baseline } = await size(
    `import createClient from "openapi-fetch"; console.log(createClient({ baseUrl: "x" }));`,
  );
  const rows = [{ label: "openapi-fetch alone", bytes: baseline, validatorsBytes: 0, onUseBytes: 0 }];
  for (const [pkg, fn] of [
    ["webwork", "createWebWorkClient"],
    ["workboard", "createWorkBoardClient"],
    ["workglue", "createWorkglueClient"],
    ["betterworks", "createBetterworksClient"],
    ["boardcrm", "createBoardCRMClient"],
  ] as const) {
    const { entry, validators, onUse } = await size(
      `import { ${fn} } from "@workapis/${pkg}"; console.log(${fn}({ token: "t" }));`,
    );
    rows.push({ label: `@workapis/${pkg}`, bytes: entry, validatorsBytes: validators, onUseBytes: onUse });
  }
  return rows.map((r) => ({
    ...r,
    kb: r.bytes / 1024,
    validatorsKb: r.validatorsBytes / 1024,
    onUseKb: r.onUseBytes / 1024,
    ratio: r.bytes / baseline,
    /** What the client adds over openapi-fetch alone, in kB. */
    addedKb: (r.bytes - baseline) / 1024,
  }));
}

/** The area of the code a bundled input belongs to, for `bundleComposition`. */
function areaOf(input: string): string {
  if (input.includes("node_modules/openapi-fetch/")) return "openapi-fetch";
  if (input.includes("/src/generated/")) return "the vendor's generated metadata and client";
  const runtime = /packages\/runtime\/src\/([^/]+)\//.exec(input);
  if (runtime) return `runtime: ${runtime[1]}/`;
  return "other";
}

/**
 * What one vendor client's entry is made of: built from the workspace sources (so each module keeps
 * its name) as `bundleSizes` builds the packages, each area's share of the minified bytes that load
 * with the page. Shares of the gzipped total are estimated in proportion.
 */
export async function bundleComposition(pkg: string, fn: string) {
  const root = join(import.meta.dirname, "..");
  const files = await bundle(
    `import { ${fn} } from ${JSON.stringify(join(root, `packages/${pkg}/src/index.ts`))}; console.log(${fn}({ token: "t" }));`,
    {
      alias: { "@workapis/runtime": join(root, "packages/runtime/src/index.ts") },
      external: [`@workapis/${pkg}/validators`],
    },
  );
  const areas = new Map<string, number>();
  let gz = 0;
  for (const file of files.filter((f) => f.withPage)) {
    gz += gzipSync(file.contents).length;
    for (const [input, bytes] of Object.entries(file.inputs)) {
      const area = areaOf(input);
      areas.set(area, (areas.get(area) ?? 0) + bytes);
    }
  }
  const minified = [...areas.values()].reduce((sum, b) => sum + b, 0);
  return [...areas.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([area, bytes]) => ({ area, bytes, share: bytes / minified, gzKb: (gz * bytes) / minified / 1024 }));
}
