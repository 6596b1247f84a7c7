import type { Options } from "tsup";

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
    // esbuild already drops unused code while bundling; tsup's `treeshake: true` adds a Rollup pass over
    // its output that cost ~5 s per vendor (the large mock spec and validators) and saved nothing a
    // consumer's bundler would not drop anyway (bench/bundle-size.ts measures what consumers get).
    treeshake: false,
  };
}
