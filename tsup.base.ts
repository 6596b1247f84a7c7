import type { Plugin } from "esbuild";
import type { Options } from "tsup";

/**
 * openapi-fetch's `createClient` is its default export. In our CommonJS output esbuild would read that
 * export the way Node does for a CommonJS module imported from ESM (our sources are `"type": "module"`):
 * as the whole `module.exports` object, not the function. So the CommonJS build bundles openapi-fetch's
 * ES module, whose default export esbuild links directly, and a CommonJS consumer never has to resolve
 * openapi-fetch; the ES module build imports it from the `openapi-fetch` dependency.
 */
const BUNDLED_IN_CJS = "openapi-fetch";

const bundleOpenapiFetchInCjs: Plugin = {
  name: "bundle-openapi-fetch-in-cjs",
  setup(build) {
    if (build.initialOptions.format === "cjs") return;
    build.onResolve({ filter: /^openapi-fetch$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/** The one tsup configuration every package builds with: ESM + CJS + .d.ts, platform-neutral. */
export function packageBuild(entry: Record<string, string>): Options {
  return {
    entry,
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "es2022",
    platform: "neutral",
    // Not external to tsup; the plugin above keeps it external in the ES module build only.
    noExternal: [BUNDLED_IN_CJS],
    esbuildPlugins: [bundleOpenapiFetchInCjs],
    // esbuild already drops unused code while bundling; tsup's `treeshake: true` adds a Rollup pass over
    // its output that cost ~5 s per vendor (the large mock spec and validators) and saved nothing a
    // consumer's bundler would not drop anyway (bench/bundle-size.ts measures what consumers get).
    treeshake: false,
  };
}

/**
 * A vendor package: the client (`index`), its mock handlers (`msw`), the response validators the
 * client loads by the package's own name when `validateResponses` is on (so kept out of the client's
 * bundle), the `probe` command and the operation catalog.
 */
export function vendorPackageBuild(vendor: string): Options {
  return {
    ...packageBuild({
      index: "src/index.ts",
      msw: "src/msw.ts",
      validators: "src/validators.ts",
      probe: "src/probe.ts",
      catalog: "src/catalog.ts",
    }),
    external: [`@workapis/${vendor}/validators`],
  };
}
