import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { outputKey, staticallyLoaded } from "../tools/bundle/loaded-chunks.ts";

/**
 * min+gzip of what a consumer's bundle loads (esbuild, ES modules, code splitting as an application
 * build does): the entry chunk and the chunks it imports, loaded with the page, and apart the chunks
 * only a dynamic `import()` loads (the response validators, loaded by `validateResponses`).
 */
async function size(contents: string): Promise<{ entry: number; lazy: number }> {
  const out = await build({
    stdin: { contents, resolveDir: import.meta.dirname },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "browser",
    splitting: true,
    outdir: "out",
    metafile: true,
    logLevel: "silent",
  });
  // What loads with the page: the entry chunk and every chunk it imports statically, transitively.
  const loaded = staticallyLoaded(out.metafile);
  let entry = 0;
  let lazy = 0;
  for (const file of out.outputFiles) {
    if (!file.path.endsWith(".js")) continue;
    const bytes = gzipSync(file.contents).length;
    if (loaded.has(outputKey(file.path))) entry += bytes;
    else lazy += bytes;
  }
  return { entry, lazy };
}

export async function bundleSizes() {
  const { entry: baseline } = await size(
    `import createClient from "openapi-fetch"; console.log(createClient({ baseUrl: "x" }));`,
  );
  const rows = [{ label: "openapi-fetch alone", bytes: baseline, lazyBytes: 0 }];
  for (const [pkg, fn] of [
    ["webwork", "createWebWorkClient"],
    ["workboard", "createWorkBoardClient"],
    ["workglue", "createWorkglueClient"],
    ["betterworks", "createBetterworksClient"],
    ["boardcrm", "createBoardCRMClient"],
  ] as const) {
    const { entry, lazy } = await size(
      `import { ${fn} } from "@workapis/${pkg}"; console.log(${fn}({ token: "t" }));`,
    );
    rows.push({ label: `@workapis/${pkg}`, bytes: entry, lazyBytes: lazy });
  }
  return rows.map((r) => ({
    ...r,
    kb: r.bytes / 1024,
    lazyKb: r.lazyBytes / 1024,
    ratio: r.bytes / baseline,
  }));
}
