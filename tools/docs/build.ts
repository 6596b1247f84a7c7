/**
 * `pnpm docs`: renders every spec listed in redocly.yaml with `redocly build-docs` into
 * site/<vendor>/index.html, an evidence page per vendor (site/<vendor>/evidence.html), the guides of
 * docs/guides into site/guides/, and the front door site/index.html.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { loadSpec } from "../codegen/load-spec.ts";
import { readVendors } from "../codegen/workspace-config.ts";
import { withCodeSamples } from "./code-samples.ts";
import { makeOffline, offlineBundle, redocBundlePath } from "./offline.ts";
import { sitePages } from "./site-pages.ts";

const repoRoot = resolve(import.meta.dirname, "../..");
const site = join(repoRoot, "site");
const redocly = join(repoRoot, "node_modules/.bin/redocly");

const scratch = mkdtempSync(join(tmpdir(), "workapis-docs-"));
mkdirSync(join(site, "assets"), { recursive: true });
writeFileSync(
  join(site, "assets", "redoc.standalone.js"),
  offlineBundle(readFileSync(redocBundlePath(), "utf8")),
);
for (const { vendor, spec } of readVendors(repoRoot)) {
  const out = join(site, vendor, "index.html");
  mkdirSync(join(site, vendor), { recursive: true });
  const pkg = JSON.parse(readFileSync(join(repoRoot, "packages", vendor, "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  const { document } = loadSpec(spec, readFileSync(join(repoRoot, spec), "utf8"));
  const info = document["info"] as { title?: string } | undefined;
  const title = info?.title ?? vendor;
  const xw = document["x-workapis"] as { clientName: string };
  const servers = document["servers"] as { url: string }[];
  const augmented = withCodeSamples(document, {
    packageName: pkg.name,
    clientName: xw.clientName,
    baseUrl: servers[0]?.url ?? "",
  });
  const input = join(scratch, `${vendor}.json`);
  writeFileSync(input, JSON.stringify(augmented));
  execFileSync(redocly, ["build-docs", input, "--output", out, "--title", title], {
    cwd: repoRoot,
    stdio: ["ignore", "ignore", "inherit"],
  });
  writeFileSync(out, makeOffline(readFileSync(out, "utf8"), "../assets"));
  console.log(`docs: ${vendor} → site/${vendor}/index.html`);
}

for (const [path, html] of sitePages(repoRoot)) {
  mkdirSync(dirname(join(site, path)), { recursive: true });
  writeFileSync(join(site, path), html);
}
rmSync(scratch, { recursive: true, force: true });
console.log("docs: site/index.html");
