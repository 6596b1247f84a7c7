import type { MockOperation } from "./types.ts";

export interface RouteMatch {
  readonly operation: MockOperation;
  readonly params: Readonly<Record<string, string>>;
}

/** What a method and path lead to: an operation, or the methods the path has when the method is not one. */
export type RouteResult =
  | ({ readonly kind: "operation" } & RouteMatch)
  | { readonly kind: "method-not-allowed"; readonly allowed: readonly string[] }
  | { readonly kind: "no-route" };

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

  return (method: string, path: string): RouteResult => {
    const m = method.toLowerCase();
    const allowed = new Set<string>();
    for (const route of routes) {
      const found = route.regex.exec(path);
      if (!found) continue;
      if (route.operation.method !== m) {
        allowed.add(route.operation.method.toUpperCase());
        continue;
      }
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = decodeURIComponent(found[i + 1] ?? "");
      });
      return { kind: "operation", operation: route.operation, params };
    }
    return allowed.size > 0 ? { kind: "method-not-allowed", allowed: [...allowed] } : { kind: "no-route" };
  };
}
