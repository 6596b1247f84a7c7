import { type BuildOptions, build } from "esbuild";
import { outputKey, staticallyLoaded } from "./loaded-chunks.ts";

/** One output file of a split bundle, and whether it loads with the page. */
export interface BundledFile {
  readonly key: string;
  readonly contents: Uint8Array;
  readonly text: string;
  /** The input files bundled into it, each with the bytes it takes there. */
  readonly inputs: Readonly<Record<string, number>>;
  readonly withPage: boolean;
}

/**
 * `contents` bundled as an application's bundler builds it for the browser: ES modules, code splitting
 * on, resolved from `resolveDir`. Each output file says whether it loads with the page (the entry
 * chunk and what it imports statically) or only through an `import()`.
 */
export async function splitBundle(
  contents: string,
  resolveDir: string,
  options: Pick<BuildOptions, "alias" | "external" | "minify"> = {},
): Promise<BundledFile[]> {
  const result = await build({
    ...options,
    stdin: { contents, resolveDir },
    bundle: true,
    splitting: true,
    outdir: "out",
    write: false,
    format: "esm",
    platform: "browser",
    metafile: true,
    logLevel: "silent",
  });
  const loaded = staticallyLoaded(result.metafile);
  return result.outputFiles
    .filter((file) => file.path.endsWith(".js"))
    .map((file) => {
      const key = outputKey(file.path);
      return {
        key,
        contents: file.contents,
        text: file.text,
        inputs: Object.fromEntries(
          Object.entries(result.metafile.outputs[key]?.inputs ?? {}).map(([input, { bytesInOutput }]) => [
            input,
            bytesInOutput,
          ]),
        ),
        withPage: loaded.has(key),
      };
    });
}
