import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The CDN script tag build-docs writes, in both places (modulepreload and the hydrating import). */
const CDN_BUNDLE = /https:\/\/cdn\.redocly\.com\/redoc\/v[\d.]+\/bundles\/redoc\.standalone\.js/g;

/** Path of the Redoc bundle shipped in the `redoc` package, served from the site itself. */
export function redocBundlePath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("redoc/package.json")), "bundles", "redoc.standalone.js");
}

/** A transparent 1×1 SVG: stands in for the Redoc logo the bundle would fetch from its CDN. */
const BLANK_SVG = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E";

/** The Redoc bundle with its CDN-hosted logo images replaced, so the page makes no outside request. */
export function offlineBundle(js: string): string {
  return js.replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g, BLANK_SVG);
}

/**
 * Makes a build-docs page work offline: the Redoc bundle comes from `assetsHref` instead of the
 * CDN (the SRI attributes go with it), so no request leaves the site.
 */
export function makeOffline(html: string, assetsHref: string): string {
  const local = `${assetsHref}/redoc.standalone.js`;
  const out = html
    .replace(/\s+integrity="[^"]*"\s+crossorigin="anonymous"/g, "")
    .replace(CDN_BUNDLE, local)
    // Redoc reports usage to Redocly's collector unless told not to; the page must stay on the site.
    .replace(/"disableTelemetry":false/g, '"disableTelemetry":true')
    .replace("<head>", '<head>\n  <link rel="icon" href="data:,">');
  const external = /<(?:script|link)[^>]+(?:src|href)="(https?:)?\/\/[^"]+"/.exec(out);
  if (external) throw new Error(`docs page still loads an external resource: ${external[0]}`);
  return out;
}
