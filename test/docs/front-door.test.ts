/**
 * The docs front door and the pages around the references, checked as generated HTML (no browser):
 * every vendor with its operation count, documented share, package and install line, links to its
 * reference, evidence page and the guides, and nothing loaded from another origin.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readVendors } from "../../tools/codegen/workspace-config.ts";
import { GUIDE_SLUGS } from "../../tools/docs/front-door.ts";
import { sitePages } from "../../tools/docs/site-pages.ts";

const repoRoot = resolve(import.meta.dirname, "../..");
const pages = sitePages(repoRoot);
const index = pages.get("index.html") ?? "";
const METHODS = ["get", "put", "post", "delete", "patch"];

/** Counted from the YAML itself, apart from the code under test. */
function counts(spec: string) {
  const doc = parse(readFileSync(join(repoRoot, spec), "utf8")) as {
    paths: Record<string, Record<string, object>>;
  };
  const ops = Object.values(doc.paths).flatMap((item) =>
    Object.entries(item)
      .filter(([m]) => METHODS.includes(m))
      .map(([, op]) => op),
  );
  const documented = ops.filter((op) => "x-source" in op).length;
  return { total: ops.length, documented, percent: Math.round((documented / ops.length) * 100) };
}

const row = (vendor: string) => {
  const start = index.indexOf(`<tr data-vendor="${vendor}">`);
  return start < 0 ? "" : index.slice(start, index.indexOf("</tr>", start));
};

describe("the docs front door", () => {
  for (const { vendor, spec } of readVendors(repoRoot)) {
    it(`shows ${vendor}: operations, documented share, package, install line and links`, () => {
      const pkg = JSON.parse(readFileSync(join(repoRoot, "packages", vendor, "package.json"), "utf8")) as {
        name: string;
      };
      const { total, documented, percent } = counts(spec);
      const html = row(vendor);
      expect(html, `no row for ${vendor}`).not.toBe("");
      expect(html).toContain(`<td class="ops">${total}</td>`);
      expect(html).toMatch(
        new RegExp(
          `${documented} documented \\(${percent} %(; \\d+ with parts assumed)?\\), ${total - documented} inferred`,
        ),
      );
      expect(html).toContain(`<code>npm install ${pkg.name}</code>`);
      expect(html).toContain(`href="./${vendor}/index.html"`);
      expect(html).toContain(`href="./${vendor}/evidence.html"`);
      expect(pages.get(`${vendor}/evidence.html`)).toContain(`${total} operations: ${documented} documented`);
    });
  }

  it("says which documented operations have parts assumed (WebWork's unread page sections)", () => {
    expect(row("webwork")).toMatch(/; \d+ with parts assumed\)/);
    expect(pages.get("webwork/evidence.html")).toContain(
      'documented, parts assumed: <a href="https://api-docs.webwork-tracker.com/api/projects/updateproject"',
    );
  });

  it("links every guide, and every guide page exists with its title", () => {
    for (const slug of GUIDE_SLUGS) {
      expect(index).toContain(`href="./guides/${slug}.html"`);
      const guide = pages.get(`guides/${slug}.html`) ?? "";
      expect(guide).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
      expect(guide).toContain('href="../index.html"');
    }
    expect(pages.get("guides/quickstart.html")).toContain("npm install @workapis/");
  });

  it("works offline: no script, style, font or image from another origin", () => {
    for (const [path, html] of pages) {
      expect(html, path).not.toMatch(/<(script|link|img|iframe)\b[^>]*(src|href)="(https?:)?\/\//i);
      expect(html, path).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//i);
    }
  });

  it("lists every relative link's target among the site's pages or the references", () => {
    const references = new Set(readVendors(repoRoot).map((v) => `${v.vendor}/index.html`));
    for (const [path, html] of pages) {
      const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/") + 1) : "";
      for (const [, href] of html.matchAll(/href="(\.{1,2}\/[^"#]+)"/g)) {
        const target = new URL(href ?? "", `https://site.invalid/${dir}`).pathname.slice(1);
        expect(pages.has(target) || references.has(target), `${path} links ${href}`).toBe(true);
      }
    }
  });
});
