import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { splitBundle } from "./split-bundle.ts";

const dir = mkdtempSync(join(tmpdir(), "split-bundle-"));
writeFileSync(join(dir, "always.js"), `export const always = () => "loaded with the page";`);
writeFileSync(join(dir, "later.js"), `export const later = () => "loaded on first use";`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("splitBundle", () => {
  it("tells what loads with the page from what only an import() loads, with each file's inputs", async () => {
    const files = await splitBundle(
      `import { always } from "./always.js"; console.log(always()); import("./later.js").then((m) => m.later());`,
      dir,
    );
    const withPage = files.filter((f) => f.withPage);
    const onUse = files.filter((f) => !f.withPage);
    const inputsWithPage = withPage.flatMap((f) => Object.keys(f.inputs));
    expect(inputsWithPage).toHaveLength(2);
    expect(inputsWithPage).toEqual(expect.arrayContaining(["<stdin>", expect.stringMatching(/always\.js$/)]));
    expect(withPage.map((f) => f.text).join("")).toContain("loaded with the page");
    expect(onUse.flatMap((f) => Object.keys(f.inputs))).toEqual([expect.stringMatching(/later\.js$/)]);
    expect(onUse.map((f) => f.text).join("")).toContain("loaded on first use");
    expect(files.every((f) => Object.values(f.inputs).every((bytes) => bytes > 0))).toBe(true);
  });
});
