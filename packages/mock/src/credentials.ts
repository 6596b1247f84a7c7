import type { AuthSchemeMeta } from "@workapis/runtime";

/** Whether a request carries a credential of one of the vendor's schemes, and in the right form. */
export function credentialState(
  request: Request,
  url: URL,
  body: unknown,
  auth: readonly AuthSchemeMeta[],
): "ok" | "missing" | "malformed" {
  if (auth.length === 0) return "ok";
  let seen = false;
  for (const scheme of auth) {
    if (scheme.type === "apiKey" && scheme.in === "query") {
      const inQuery = url.searchParams.get(scheme.param);
      const inBody =
        scheme.alsoInBody && body && typeof body === "object"
          ? (body as Record<string, unknown>)[scheme.param]
          : undefined;
      if (inQuery || (typeof inBody === "string" && inBody)) return "ok";
      continue;
    }
    const name = scheme.type === "apiKey" ? scheme.param : "Authorization";
    const value = request.headers.get(name);
    if (value === null) continue;
    seen = true;
    const prefix = scheme.type === "apiKey" ? scheme.prefix : "Bearer";
    const pattern = prefix ? new RegExp(`^${prefix} \\S+$`, "i") : /^\S+$/;
    if (pattern.test(value.trim())) return "ok";
  }
  return seen ? "malformed" : "missing";
}

/** The body without a token sent in it (BoardCRM's access_token), so it never lands in a record. */
export function withoutCredentials(body: unknown, auth: readonly AuthSchemeMeta[]): unknown {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return body;
  const names = auth.flatMap((s) => (s.type === "apiKey" && s.alsoInBody ? [s.param] : []));
  if (!names.some((n) => n in body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([k]) => !names.includes(k)));
}

/** The credential a request carries in a header (with any scheme word stripped). */
export function headerToken(request: Request, auth: readonly AuthSchemeMeta[]): string | undefined {
  for (const scheme of auth) {
    if (scheme.type === "apiKey" && scheme.in !== "header") continue;
    const value = request.headers.get(scheme.type === "apiKey" ? scheme.param : "Authorization");
    if (value) return value.trim().split(/\s+/).pop();
  }
  return undefined;
}
