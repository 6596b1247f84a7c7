import { build } from "esbuild";
import { describe, expect, it } from "vitest";

/** The runtime must run wherever `fetch` exists: it bundles for the browser with no Node built-in. */
describe("browser bundle", () => {
  it("bundles for platform=browser without any node: import", async () => {
    const result = await build({
      entryPoints: [new URL("./index.ts", import.meta.url).pathname],
      bundle: true,
      write: false,
      format: "esm",
      platform: "browser",
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.startsWith("node:") || /(^|\/)node_modules\/@types\/node/.test(i))).toBe(
      false,
    );
    const code = result.outputFiles[0]?.text ?? "";
    expect(code).not.toMatch(/from ["']node:|require\(["']node:/);
    expect(code).toContain("crypto.subtle");
  });
});
