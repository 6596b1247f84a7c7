/**
 * `pnpm docs`: renders every spec listed in redocly.yaml with `redocly build-docs` into
 * site/<vendor>/index.html, and writes site/index.html listing the vendors and their packages.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadSpec } from "../codegen/load-spec.ts";
import { readVendors } from "../codegen/workspace-config.ts";
import { withCodeSamples } from "./code-samples.ts";
import { makeOffline, offlineBundle, redocBundlePath } from "./offline.ts";

const repoRoot = resolve(import.meta.dirname, "../..");
const site = join(repoRoot, "site");
const redocly = join(repoRoot, "node_modules/.bin/redocly");

interface Entry {
  readonly vendor: string;
  readonly title: string;
  readonly packageName: string;
  readonly version: string;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

const scratch = mkdtempSync(join(tmpdir(), "workapis-docs-"));
const entries: Entry[] = [];
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
  entries.push({ vendor, title, packageName: pkg.name, version: pkg.version });
  console.log(`docs: ${vendor} → site/${vendor}/index.html`);
}

const rows = entries
  .map(
    (e) =>
      `<li><a href="./${e.vendor}/index.html">${escapeHtml(e.title)}</a> — <code>${escapeHtml(e.packageName)}@${escapeHtml(e.version)}</code>` +
      `<pre>npm install ${escapeHtml(e.packageName)}</pre></li>`,
  )
  .join("\n");
writeFileSync(
  join(site, "index.html"),
  `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>workapis: API docs</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}pre{background:#f4f4f4;padding:.5rem}</style>
</head>
<body>
<h1>workapis</h1>
<p>Typed TypeScript clients, mocks and docs for work-management APIs.</p>
<ul>
${rows}
</ul>
</body>
</html>
`,
);
rmSync(scratch, { recursive: true, force: true });
console.log("docs: site/index.html");
