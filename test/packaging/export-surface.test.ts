import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../conformance/spec-model.ts";

/**
 * The public boundary of every published entry point, as users get it from the built packages: the
 * names the ES module and the CommonJS build export at run time, and every name the type declarations
 * export (values and types). Both are compared with export-surface.json, so an accidental export (an
 * internal helper, a class only the runtime uses) fails here; a deliberate one is added there.
 */
const snapshot = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "export-surface.json"), "utf8"),
) as Record<string, { readonly runtime: readonly string[]; readonly declarations: readonly string[] }>;
const require = createRequire(import.meta.url);

/** Every name an `export { … }` statement of a bundled declaration file exports. */
function declaredNames(dts: string): string[] {
  const names = new Set<string>();
  for (const match of dts.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}/gm)) {
    for (const part of (match[1] ?? "").split(",")) {
      const name = part
        .trim()
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/)
        .pop();
      if (name) names.add(name);
    }
  }
  return [...names].sort();
}

describe.each(Object.keys(snapshot))("%s", (entry) => {
  const expected = snapshot[entry] ?? { runtime: [], declarations: [] };
  // `@workapis/<package>` is its `index` entry, `@workapis/<package>/<entry>` the named one.
  const [name = "", subpath = "index"] = entry.replace("@workapis/", "").split("/");
  const dir = resolve(repoRoot, "packages", name);

  it("exports exactly the recorded names at run time, from ESM and CommonJS alike", async () => {
    const esm = Object.keys(await import(entry)).sort();
    const cjs = Object.keys(require(entry) as object)
      .filter((name) => name !== "__esModule")
      .sort();
    expect(esm).toEqual(expected.runtime);
    expect(cjs).toEqual(expected.runtime);
  });

  it("declares exactly the recorded names in its types", () => {
    for (const file of [`${subpath}.d.ts`, `${subpath}.d.cts`]) {
      expect(declaredNames(readFileSync(resolve(dir, "dist", file), "utf8")), file).toEqual(
        expected.declarations,
      );
    }
  });
});
