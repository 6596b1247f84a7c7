/**
 * The docs site's own pages around the Redoc references: the front door (site/index.html), one
 * evidence page per vendor and the guides rendered from docs/guides/*.md. Pure functions from data
 * to HTML, so a test can check the pages without a browser; every style is inline and every link is
 * relative, so the site works offline.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
// marked: a maintained CommonMark/GFM renderer, so the guides stay plain markdown in docs/guides.
import { marked } from "marked";
import { evidenceSummary, type VendorEvidence } from "../evidence/evidence.ts";

export interface VendorCard {
  readonly vendor: string;
  readonly title: string;
  readonly packageName: string;
  readonly version: string;
  readonly evidence: VendorEvidence;
}

export interface Guide {
  readonly slug: string;
  readonly title: string;
  /** The guide's body as HTML (rendered from its markdown). */
  readonly html: string;
}

/** The guides, in reading order; each is docs/guides/<slug>.md. */
export const GUIDE_SLUGS = [
  "quickstart",
  "testing-with-mocks",
  "pagination",
  "errors",
  "webhooks",
  "oauth",
] as const;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** Reads and renders the guides; the title is the markdown's first `# ` heading. */
export function loadGuides(repoRoot: string): Guide[] {
  return GUIDE_SLUGS.map((slug) => {
    const markdown = readFileSync(join(repoRoot, "docs", "guides", `${slug}.md`), "utf8");
    const title = /^# (.+)$/m.exec(markdown)?.[1]?.trim() ?? slug;
    return { slug, title, html: marked.parse(markdown, { async: false }) };
  });
}

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:62rem;margin:0 auto;padding:1.5rem 1rem 3rem;color:#1d2430;line-height:1.5}
a{color:#1f5fbf}header{border-bottom:1px solid #dde3ea;margin-bottom:1.5rem}nav a{margin-right:1rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid #e4e8ee;vertical-align:top}
th{background:#f5f7fa;font-weight:600}code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}
pre{background:#f4f6f8;padding:.75rem;overflow-x:auto;border-radius:4px}
.bar{display:inline-block;width:6rem;height:.6rem;background:#f0c36d;border-radius:3px;vertical-align:middle;overflow:hidden}
.bar span{display:block;height:100%;background:#3f9e5a}.muted{color:#5b6675}.guides li{margin:.3rem 0}`;

function page(title: string, base: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><p><a href="${base}index.html"><strong>workapis</strong></a> · typed clients, mocks and docs for work-management APIs</p></header>
${body}
</body>
</html>
`;
}

const shareBar = (e: VendorEvidence) =>
  `<span class="bar" role="img" aria-label="${e.documentedPercent} % documented"><span style="width:${e.documentedPercent}%"></span></span>`;

/** site/index.html: the vendors with their evidence and install line, and the guides. */
export function renderFrontDoor(cards: readonly VendorCard[], guides: readonly Guide[]): string {
  const rows = cards
    .map((c) => {
      const e = c.evidence;
      return `<tr data-vendor="${escapeHtml(c.vendor)}">
<td><strong>${escapeHtml(c.title)}</strong></td>
<td><code>${escapeHtml(c.packageName)}</code> <span class="muted">${escapeHtml(c.version)}</span><br><code>npm install ${escapeHtml(c.packageName)}</code></td>
<td class="ops">${e.operations.length}</td>
<td class="share">${shareBar(e)} ${e.documented} documented (${e.documentedPercent} %${e.partlyAssumed > 0 ? `; ${e.partlyAssumed} with parts assumed` : ""}), ${e.inferred} inferred</td>
<td><a href="./${c.vendor}/index.html">Reference</a> · <a href="./${c.vendor}/evidence.html">Evidence</a></td>
</tr>`;
    })
    .join("\n");
  const guideItems = guides
    .map((g) => `<li><a href="./guides/${g.slug}.html">${escapeHtml(g.title)}</a></li>`)
    .join("\n");
  return page(
    "workapis: API docs",
    "./",
    `<main>
<h1>workapis</h1>
<p>Typed TypeScript clients for five work-management APIs, generated from hand-written OpenAPI specs,
with stateful mocks for your tests and a reference for every operation. Install the vendor you need and
start with the <a href="./guides/quickstart.html">quickstart</a>.</p>
<h2 id="vendors">Vendors</h2>
<table>
<thead><tr><th>API</th><th>Package and install</th><th>Operations</th><th>Documented by the vendor</th><th>Docs</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p class="muted">A <em>documented</em> operation cites the vendor's own page that shows it. An <em>inferred</em>
one is this project's design where the vendor publishes nothing: it is marked in the reference, its
undocumented response fields are optional in the types, and an inferred mechanism is offered, not
enforced. Each vendor's evidence page lists the source pages and the reason for every inference.</p>
<h2 id="guides">Guides</h2>
<ul class="guides">
${guideItems}
</ul>
</main>`,
  );
}

/** site/guides/<slug>.html */
export function renderGuidePage(guide: Guide, guides: readonly Guide[]): string {
  const nav = guides
    .map((g) =>
      g.slug === guide.slug
        ? `<strong>${escapeHtml(g.title)}</strong>`
        : `<a href="./${g.slug}.html">${escapeHtml(g.title)}</a>`,
    )
    .join(" · ");
  return page(`${guide.title} · workapis`, "../", `<nav>${nav}</nav>\n<main>\n${guide.html}</main>`);
}

/** site/<vendor>/evidence.html: the source pages and every operation's evidence. */
export function renderEvidencePage(card: VendorCard): string {
  const e = card.evidence;
  const link = (url: string) => `<a href="${escapeHtml(url)}" rel="noreferrer">${escapeHtml(url)}</a>`;
  const pages = e.pages
    .map(
      (p) =>
        `<tr><td>${link(p.url)}</td><td>${p.operations.map((o) => `<code>${escapeHtml(o)}</code>`).join(", ")}</td></tr>`,
    )
    .join("\n");
  const ops = e.operations
    .map(
      (o) =>
        `<tr class="${o.source ? "documented" : "inferred"}"><td><code>${escapeHtml(o.operationId)}</code></td><td><code>${o.method} ${escapeHtml(o.path)}</code></td>` +
        `<td>${o.source ? `documented${o.partlyAssumed ? ", parts assumed" : ""}: ${link(o.source)}` : `inferred: ${escapeHtml(o.inferred ?? "")}`}</td></tr>`,
    )
    .join("\n");
  return page(
    `${card.title}: evidence · workapis`,
    "../",
    `<main>
<h1>${escapeHtml(card.title)}: what is documented, what is assumed</h1>
<p><strong>${escapeHtml(evidenceSummary(e))}</strong> ${shareBar(e)} · <a href="./index.html">Reference</a> · <code>npm install ${escapeHtml(card.packageName)}</code></p>
${e.pages.length > 0 ? `<h2>Vendor pages</h2>\n<table><thead><tr><th>Page</th><th>Operations it documents</th></tr></thead><tbody>\n${pages}\n</tbody></table>` : "<p>The vendor publishes no page that documents an operation of this API.</p>"}
<h2>Every operation</h2>
<table><thead><tr><th>Operation</th><th>Call</th><th>Evidence</th></tr></thead><tbody>
${ops}
</tbody></table>
</main>`,
  );
}
