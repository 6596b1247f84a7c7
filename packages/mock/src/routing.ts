import { createRouteMatcher, type RouteResult } from "./route-matcher.ts";
import type { MockSpec } from "./types.ts";

const trimSlash = (url: string) => url.replace(/\/$/, "");

/** Where a vendor mock answers: its base URL, plus the own servers some operations have (an OAuth host). */
export interface MockRoutes {
  readonly baseUrl: string;
  readonly baseUrls: readonly string[];
  /** What a request's method and URL lead to; undefined when the URL is not under any of the base URLs. */
  resolve(method: string, url: URL): RouteResult | undefined;
}

export function createRoutes(spec: MockSpec, baseUrlOption?: string): MockRoutes {
  const baseUrl = trimSlash(baseUrlOption ?? spec.baseUrl);
  const baseOf = (serverUrl: string | undefined) => (serverUrl ? trimSlash(serverUrl) : baseUrl);
  const baseUrls = [
    baseUrl,
    ...new Set(spec.operations.flatMap((o) => (o.serverUrl ? [baseOf(o.serverUrl)] : []))),
  ];
  const routes = baseUrls
    .map((base) => ({
      origin: new URL(base).origin,
      path: trimSlash(new URL(base).pathname),
      match: createRouteMatcher(spec.operations.filter((o) => baseOf(o.serverUrl) === base)),
    }))
    // The longest base path first: `/v2` before `/`.
    .sort((a, b) => b.path.length - a.path.length);
  return {
    baseUrl,
    baseUrls,
    resolve(method, url) {
      const route = routes.find((r) => url.origin === r.origin && url.pathname.startsWith(r.path));
      return route?.match(method, url.pathname.slice(route.path.length) || "/");
    },
  };
}
