import type { AuthSchemeMeta } from "../metadata.ts";

/**
 * A token, or a function that returns the current one (for rotation). A function that also has
 * `refresh()` (see `oauthToken`) is asked to refresh once when a call comes back 401.
 */
export type TokenSource = string | (() => string | Promise<string>);

export function canRefresh(
  source: TokenSource,
): source is (() => Promise<string>) & { refresh(): Promise<string> } {
  return typeof source === "function" && typeof (source as { refresh?: unknown }).refresh === "function";
}

/** How a vendor's credential is attached to a request, and which names carry secrets. */
export interface AuthPlan {
  /**
   * The request with the token attached: a header scheme sets it on the request's headers (replacing
   * one the caller set), a query scheme returns a copy of the request with the parameter in its URL.
   */
  readonly apply: (request: Request, token: string) => Request;
  /**
   * For tokens the vendor also reads from the body (BoardCRM's `access_token`): the body field. The
   * client puts the token into every object body it sends, and into the query only when there is none.
   */
  readonly bodyField?: string;
  readonly secretHeaders: readonly string[];
  readonly secretParams: readonly string[];
}

function headerPlan(name: string, prefix: string | undefined): AuthPlan {
  return {
    apply(request, token) {
      request.headers.set(name, prefix ? `${prefix} ${token}` : token);
      return request;
    },
    secretHeaders: [name.toLowerCase()],
    secretParams: [],
  };
}

function queryPlan(param: string): AuthPlan {
  return {
    apply(request, token) {
      const url = new URL(request.url);
      url.searchParams.set(param, token);
      return new Request(url, request);
    },
    secretHeaders: [],
    secretParams: [param],
  };
}

/**
 * Chooses how to send the token from the spec's security schemes: an API key scheme as declared
 * (header with optional prefix, or query parameter), otherwise `Authorization: Bearer` (http bearer
 * and OAuth 2.0 access tokens alike).
 */
export function planAuth(schemes: readonly AuthSchemeMeta[]): AuthPlan {
  const apiKey = schemes.find((s) => s.type === "apiKey");
  if (apiKey?.type === "apiKey") {
    if (apiKey.in === "query") {
      const plan = queryPlan(apiKey.param);
      return apiKey.alsoInBody ? { ...plan, bodyField: apiKey.param } : plan;
    }
    if (apiKey.in === "header") return headerPlan(apiKey.param, apiKey.prefix);
  }
  return headerPlan("Authorization", "Bearer");
}

export async function resolveToken(source: TokenSource): Promise<string> {
  return typeof source === "function" ? await source() : source;
}
