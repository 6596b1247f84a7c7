import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** min+gzip of a consumer that imports one vendor client (esbuild), against bare openapi-fetch. */
async function size(contents: string): Promise<number> {
  const out = await build({
    stdin: { contents, resolveDir: import.meta.dirname },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "browser",
    logLevel: "silent",
  });
  return gzipSync(out.outputFiles[0]?.contents ?? new Uint8Array()).length;
}

export async function bundleSizes() {
  const baseline = await size(
    `import createClient from "openapi-fetch"; console.log(createClient({ baseUrl: "x" }));`,
  );
  const rows = [{ label: "openapi-fetch alone", bytes: baseline }];
  for (const [pkg, fn] of [
    ["webwork", "createWebWorkClient"],
    ["workboard", "createWorkBoardClient"],
    ["workglue", "createWorkglueClient"],
    ["betterworks", "createBetterworksClient"],
    ["boardcrm", "createBoardCRMClient"],
  ] as const) {
    rows.push({
      label: `@workapis/${pkg}`,
      bytes: await size(`import { ${fn} } from "@workapis/${pkg}"; console.log(${fn}({ token: "t" }));`),
    });
  }
  return rows.map((r) => ({ ...r, kb: r.bytes / 1024, ratio: r.bytes / baseline }));
}
