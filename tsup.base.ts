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
    treeshake: true,
  };
}
