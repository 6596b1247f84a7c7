import { join } from "node:path";
import { build, type Plugin } from "esbuild";
import { describe, expect, it } from "vitest";
import { outputKey, staticallyLoaded } from "./loaded-chunks.ts";

const chunk = (imports: [string, string][], entryPoint?: string) => ({
  ...(entryPoint === undefined ? {} : { entryPoint }),
  imports: imports.map(([path, kind]) => ({ path, kind })),
});

describe("staticallyLoaded", () => {
  it("follows static imports transitively from the entry, not dynamic ones, cycles included", () => {
    const loaded = staticallyLoaded({
      outputs: {
        "out/stdin.js": chunk(
          [
            ["out/a.js", "import-statement"],
            ["out/lazy.js", "dynamic-import"],
          ],
          "<stdin>",
        ),
        "out/a.js": chunk([
          ["out/b.js", "import-statement"],
          ["out/stdin.js", "import-statement"],
        ]),
        "out/b.js": chunk([]),
        "out/lazy.js": chunk([["out/c.js", "import-statement"]]),
        "out/c.js": chunk([]),
        "out/other.js": chunk([["out/c.js", "import-statement"]], "other.ts"),
      },
    });
    expect([...loaded].sort()).toEqual(["out/a.js", "out/b.js", "out/stdin.js"]);
  });

  it("splits a real esbuild bundle: what an import() loads stays out", async () => {
    // Three modules in memory: the entry imports `client` and loads `validators` with import().
    const sources: Record<string, string> = {
      client: `export const client = "client-code"; export const load = () => import("validators");`,
      validators: `export const validators = "validator-code";`,
    };
    const inMemory: Plugin = {
      name: "in-memory",
      setup(b) {
        b.onResolve({ filter: /^(client|validators)$/ }, (args) => ({ path: args.path, namespace: "mem" }));
        b.onLoad({ filter: /.*/, namespace: "mem" }, (args) => ({ contents: sources[args.path] ?? "" }));
      },
    };
    const result = await build({
      stdin: { contents: `export * from "client";` },
      bundle: true,
      splitting: true,
      format: "esm",
      outdir: "out",
      write: false,
      metafile: true,
      logLevel: "silent",
      plugins: [inMemory],
    });
    const loaded = staticallyLoaded(result.metafile);
    const text = (load: boolean) =>
      result.outputFiles
        .filter((f) => loaded.has(outputKey(f.path)) === load)
        .map((f) => f.text)
        .join("\n");
    expect(text(true)).toContain("client-code");
    expect(text(true)).not.toContain("validator-code");
    expect(text(false)).toContain("validator-code");
  });
});

describe("outputKey", () => {
  it("is the path relative to the working directory, with / separators", () => {
    expect(outputKey(join("/work", "app", "out", "chunk-1.js"), join("/work", "app"))).toBe("out/chunk-1.js");
  });
});
