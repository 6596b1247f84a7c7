import type { MockOperation } from "./types.ts";

export interface RouteMatch {
  readonly operation: MockOperation;
  readonly params: Readonly<Record<string, string>>;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Matches a method and path (relative to the base URL) to an operation; literal segments win over templates. */
export function createRouteMatcher(operations: readonly MockOperation[]) {
  const routes = operations
    .map((operation) => {
      const names: string[] = [];
      const source = operation.path
        .split("/")
        .map((segment) =>
          segment.replace(/\{([^}]+)\}|[^{]+/g, (part, name: string | undefined) => {
            if (name === undefined) return escapeRegExp(part);
            names.push(name);
            return "([^/]+)";
          }),
        )
        .join("/");
      const literal = operation.path.replace(/\{[^}]+\}/g, "").length;
      return { operation, names, regex: new RegExp(`^${source}/?$`), literal };
    })
    .sort((a, b) => b.literal - a.literal);

  return (method: string, path: string): RouteMatch | undefined => {
    const m = method.toLowerCase();
    for (const route of routes) {
      if (route.operation.method !== m) continue;
      const found = route.regex.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = decodeURIComponent(found[i + 1] ?? "");
      });
      return { operation: route.operation, params };
    }
    return undefined;
  };
}
