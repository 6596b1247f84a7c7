/** What an error keeps of the request that failed: never a secret. */
export interface RedactedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

export const REDACTED = "[redacted]";

/**
 * A header name that may carry a credential, by pattern rather than by list, so that a vendor's or a
 * caller's own header (`X-Api-Key`, `X-Auth-Token`, `X-Session`, `Cookie`) is covered too.
 */
const SECRET_HEADER = /auth|token|secret|key|password|passwd|cookie|session|signature/i;
/** A query or body parameter name that may carry a credential (OAuth's `code` and `client_hash` too). */
const SECRET_PARAM = /auth|token|secret|key|password|passwd|cookie|session|signature|hash|code/i;

/** True for a query or body parameter name that may carry a credential. */
export function isSecretName(name: string): boolean {
  return SECRET_PARAM.test(name);
}

/** True for a header name that may carry a credential. */
export function isSecretHeader(name: string): boolean {
  return SECRET_HEADER.test(name);
}

export function redactUrl(url: string, extraSecretParams: readonly string[] = []): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.split("?")[0] ?? "";
  }
  if (parsed.username || parsed.password) {
    parsed.username = "";
    parsed.password = "";
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (isSecretName(name) || extraSecretParams.includes(name)) parsed.searchParams.set(name, REDACTED);
  }
  return parsed.toString();
}

export function redactHeaders(
  headers: Headers,
  extraSecretHeaders: readonly string[] = [],
): Record<string, string> {
  const extra = new Set(extraSecretHeaders.map((h) => h.toLowerCase()));
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = isSecretHeader(name) || extra.has(name) ? REDACTED : value;
  });
  return out;
}

/** What redaction reads of a request (a WHATWG `Request` fits). */
export interface RequestLike {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
}

export function redactRequest(
  request: RequestLike,
  secretNames: { readonly headers?: readonly string[]; readonly params?: readonly string[] } = {},
): RedactedRequest {
  return {
    method: request.method,
    url: redactUrl(request.url, secretNames.params),
    headers: redactHeaders(request.headers, secretNames.headers),
  };
}
