import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { splitBundle } from "../../tools/bundle/split-bundle.ts";
import { repoRoot, vendors } from "../conformance/spec-model.ts";

/**
 * Every publishable package resolves for users: publint finds nothing, @arethetypeswrong/cli finds
 * ESM, CJS and types right under node16 and bundler resolution, the metadata users rely on is there,
 * and the client entry of a vendor package pulls in neither msw nor mock code.
 */
const packages = ["runtime", "mock", ...vendors().map((v) => v.vendor), "mcp"];
const bin = (name: string) => resolve(repoRoot, "node_modules/.bin", name);

describe.each(packages)("@workapis/%s", (name) => {
  const dir = resolve(repoRoot, "packages", name);
  const pkg = JSON.parse(readFileSync(resolve(dir, "package.json"), "utf8")) as Record<string, unknown>;

  it("has the metadata users rely on", () => {
    expect(pkg["sideEffects"]).toBe(false);
    expect(pkg["files"]).toEqual(["dist", "README.md"]);
    expect(pkg["engines"]).toEqual({ node: ">=20" });
    expect(pkg["license"]).toBe("MIT");
    expect(pkg["repository"]).toMatchObject({ type: "git" });
    expect((pkg["keywords"] as string[]).length).toBeGreaterThan(2);
    const exports = pkg["exports"] as Record<string, { import?: Record<string, string> }>;
    expect(Object.keys(exports["."]?.import ?? {})[0]).toBe("types");
  });

  it("passes publint and arethetypeswrong (node16 and bundler)", { timeout: 120_000 }, () => {
    expect(() => execFileSync(bin("publint"), ["--strict"], { cwd: dir, stdio: "pipe" })).not.toThrow();
    const attw = () =>
      execFileSync(bin("attw"), ["--pack", ".", "--profile", "node16"], { cwd: dir, stdio: "pipe" });
    expect(attw).not.toThrow();
  });
});

/** Long string values of a vendor's seeded mock records (names, emails, notes): what mock data looks like. */
async function seededStrings(vendor: string): Promise<string[]> {
  const file = resolve(repoRoot, "packages", vendor, "src/generated/mock-spec.js");
  const { mockSpec } = (await import(pathToFileURL(file).href)) as {
    mockSpec: { fixtures: Record<string, Record<string, unknown>[]> };
  };
  const { fixtures } = mockSpec;
  const values = Object.values(fixtures).flatMap((records) =>
    records.slice(1).flatMap((record) => Object.values(record)),
  );
  return [
    ...new Set(values.filter((v): v is string => typeof v === "string" && / /.test(v) && v.length > 12)),
  ];
}

describe.each(vendors().map((v) => v.vendor))("@workapis/%s client entry", (vendor) => {
  it("bundles without msw or mock code", async () => {
    // Everything the client entry exports, as a user's bundle would see it, split as an
    // application's bundler splits it: what `validateResponses` loads on demand is its own chunk.
    const files = await splitBundle(`export * from "@workapis/${vendor}";`, import.meta.dirname);
    // What loads with the client: the entry chunk and the chunks it imports statically.
    const withPage = files.filter((f) => f.withPage);
    const inputs = withPage.flatMap((f) => Object.keys(f.inputs));
    expect(inputs.filter((i) => /node_modules\/(\.pnpm\/)?msw/.test(i))).toEqual([]);
    expect(inputs.filter((i) => /mock/.test(i))).toEqual([]);
    const text = withPage.map((f) => f.text).join("\n");
    expect(text).toContain("function createApiClient"); // the client itself is among what loads
    expect(text).not.toContain("createVendorMock");
    // No mock data either: not one seeded record's value is in the client's bundle.
    const seeded = await seededStrings(vendor);
    expect(seeded.length).toBeGreaterThan(0);
    expect(seeded.filter((value) => text.includes(value))).toEqual([]);
  });
});

describe("pnpm release:dry", () => {
  it("shows the version plan and what every package would publish, without publishing", {
    timeout: 300_000,
  }, () => {
    const output = execFileSync("pnpm", ["release:dry"], { cwd: repoRoot, encoding: "utf8", stdio: "pipe" });
    expect(output).toContain("Packages to be bumped");
    for (const name of packages)
      expect(output).toMatch(new RegExp(`^\\+ @workapis/${name}@\\d+\\.\\d+\\.\\d+$`, "m"));
  });
});
