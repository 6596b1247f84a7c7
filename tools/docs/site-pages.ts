import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadSpec } from "../codegen/load-spec.ts";
import { readVendors } from "../codegen/workspace-config.ts";
import { vendorEvidence } from "../evidence/evidence.ts";
import {
  loadGuides,
  renderEvidencePage,
  renderFrontDoor,
  renderGuidePage,
  type VendorCard,
} from "./front-door.ts";

/** What the front door shows of each vendor in redocly.yaml: its spec's title and evidence, its package. */
export function vendorCards(repoRoot: string): VendorCard[] {
  return readVendors(repoRoot).map(({ vendor, spec }) => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "packages", vendor, "package.json"), "utf8")) as {
      name: string;
      version: string;
    };
    const { document } = loadSpec(spec, readFileSync(join(repoRoot, spec), "utf8"));
    const info = document["info"] as { title?: string } | undefined;
    return {
      vendor,
      title: info?.title ?? vendor,
      packageName: pkg.name,
      version: pkg.version,
      evidence: vendorEvidence(document),
    };
  });
}

/**
 * The site's own pages (path under site/ → HTML): the front door, each vendor's evidence page and the
 * guides. The Redoc references next to them are built by `redocly build-docs` in build.ts.
 */
export function sitePages(repoRoot: string): Map<string, string> {
  const cards = vendorCards(repoRoot);
  const guides = loadGuides(repoRoot);
  const pages = new Map<string, string>([["index.html", renderFrontDoor(cards, guides)]]);
  for (const card of cards) pages.set(`${card.vendor}/evidence.html`, renderEvidencePage(card));
  for (const guide of guides) pages.set(`guides/${guide.slug}.html`, renderGuidePage(guide, guides));
  return pages;
}
