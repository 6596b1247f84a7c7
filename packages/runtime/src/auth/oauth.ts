import { DEFAULT_TIMEOUT_MS } from "../client/client-options.ts";
import {
  ApiError,
  ConnectionError,
  errorClassForStatus,
  InvalidResponseError,
  TimeoutError,
} from "../errors/api-error.ts";
import { redactRequest } from "../errors/redact.ts";
import { Deadline } from "../transport/deadline.ts";
import { defaultFetch, type FetchLike } from "../transport/fetch-like.ts";
import { fetchFollowingRedirects } from "../transport/redirects.ts";

/** An OAuth 2.0 authorization-code client, as the vendor registered it. */
export interface OAuthConfig {
  readonly authorizationUrl: string;
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  readonly redirectUri: string;
  /** Vendor-specific token-request fields (e.g. WorkBoard's `client_hash`). */
  readonly extraTokenParams?: Readonly<Record<string, string>>;
  readonly fetch?: FetchLike;
  /** How long the token request may take before it fails with `TimeoutError`, in ms. Default 60 000. */
  readonly timeoutMs?: number;
}

export interface TokenSet {
  readonly accessToken: string;
  readonly refreshToken?: string;
  /** Expiry in ms since the epoch, when the server said. */
  readonly expiresAt?: number;
  readonly scope?: string;
}

/** Where tokens live between calls and processes (memory, a database, a secrets manager). */
export interface TokenStore {
  get(): TokenSet | undefined | Promise<TokenSet | undefined>;
  set(tokens: TokenSet): void | Promise<void>;
}

/** A token source the client can also ask to refresh once after a 401. */
export interface RefreshableToken {
  (): Promise<string>;
  refresh(): Promise<string>;
}

export function memoryTokenStore(initial?: TokenSet): TokenStore {
  let current = initial;
  return {
    get: () => current,
    set: (tokens) => {
      current = tokens;
    },
  };
}

/** The URL to send the user to; `state` should be a fresh unguessable value you check on return. */
export function authorizeUrl(
  config: OAuthConfig,
  params: {
    readonly state: string;
    readonly scope?: readonly string[];
    readonly extra?: Readonly<Record<string, string>>;
  },
): string {
  const url = new URL(config.authorizationUrl);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", config.clientId);
  url.searchParams.set("redirect_uri", config.redirectUri);
  url.searchParams.set("state", params.state);
  if (params.scope?.length) url.searchParams.set("scope", params.scope.join(" "));
  for (const [k, v] of Object.entries(params.extra ?? {})) url.searchParams.set(k, v);
  return url.toString();
}

async function tokenRequest(
  config: OAuthConfig,
  fields: Record<string, string>,
  now: number,
): Promise<TokenSet> {
  const body = new URLSearchParams({ client_id: config.clientId, ...fields, ...config.extraTokenParams });
  if (config.clientSecret) body.set("client_secret", config.clientSecret);
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = new Deadline(timeoutMs, undefined);
  const request = new Request(config.tokenUrl, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body,
    redirect: "manual",
    signal: deadline.signal,
  });
  const redacted = redactRequest(request);
  let response: Response;
  let text: string;
  try {
    // The body carries the client secret, a code or a refresh token: it never goes to another origin.
    const fetch = config.fetch ?? defaultFetch;
    response = await deadline.cover(
      fetchFollowingRedirects(request, fetch, { headers: [], params: [], inBody: true }),
    );
    text = await deadline.cover(response.text());
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    if (deadline.timedOut)
      throw new TimeoutError({
        message: `OAuth token request timed out after ${timeoutMs} ms`,
        request: redacted,
        cause,
      });
    throw new ConnectionError({
      message: "OAuth token request failed before a response arrived",
      request: redacted,
      cause,
    });
  } finally {
    deadline.end();
  }
  let json: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object") json = parsed as Record<string, unknown>;
  } catch {
    // handled below: no access_token
  }
  const token = json["access_token"];
  const code = typeof json["error"] === "string" ? json["error"] : undefined;
  const description = typeof json["error_description"] === "string" ? json["error_description"] : undefined;
  if (!response.ok) {
    const Class = errorClassForStatus(response.status);
    throw new Class({
      message: `OAuth token request failed: ${description ?? code ?? `HTTP ${response.status}`}`,
      status: response.status,
      code,
      request: redacted,
      headers: response.headers,
    });
  }
  // A success status without a token: the server answered, but not with what OAuth promises.
  if (typeof token !== "string" || token.length === 0)
    throw new InvalidResponseError({
      message: `OAuth token response (HTTP ${response.status}) has no access_token${
        (description ?? code) ? `: ${description ?? code}` : ""
      }`,
      status: response.status,
      code,
      request: redacted,
      headers: response.headers,
    });
  const expiresIn = Number(json["expires_in"]);
  return {
    accessToken: token,
    ...(typeof json["refresh_token"] === "string" ? { refreshToken: json["refresh_token"] } : {}),
    ...(Number.isFinite(expiresIn) && expiresIn > 0 ? { expiresAt: now + expiresIn * 1000 } : {}),
    ...(typeof json["scope"] === "string" ? { scope: json["scope"] } : {}),
  };
}

/** Exchanges the authorization code from the redirect for tokens. */
export function exchangeCode(config: OAuthConfig, code: string, now: number = Date.now()): Promise<TokenSet> {
  return tokenRequest(
    config,
    { grant_type: "authorization_code", code, redirect_uri: config.redirectUri },
    now,
  );
}

export function refreshTokens(
  config: OAuthConfig,
  refreshToken: string,
  now: number = Date.now(),
): Promise<TokenSet> {
  return tokenRequest(config, { grant_type: "refresh_token", refresh_token: refreshToken }, now);
}

/**
 * A token source over a store: returns the stored access token, refreshing it a minute before it
 * expires, and on demand after a 401 (the client asks once per call). Concurrent refreshes share one request.
 */
export function oauthToken(
  config: OAuthConfig,
  store: TokenStore,
  clock: () => number = Date.now,
): RefreshableToken {
  let inflight: Promise<string> | undefined;
  const refresh = () => {
    inflight ??= (async () => {
      const current = await store.get();
      if (!current?.refreshToken)
        throw new ApiError({ message: "OAuth: no refresh token stored; authorize again", status: 401 });
      const next = await refreshTokens(config, current.refreshToken, clock());
      await store.set({ ...next, refreshToken: next.refreshToken ?? current.refreshToken });
      return next.accessToken;
    })().finally(() => {
      inflight = undefined;
    });
    return inflight;
  };
  const source = async () => {
    const current = await store.get();
    if (!current)
      throw new ApiError({ message: "OAuth: no token stored; exchange a code first", status: 401 });
    if (current.expiresAt !== undefined && current.refreshToken && clock() > current.expiresAt - 60_000)
      return refresh();
    return current.accessToken;
  };
  return Object.assign(source, { refresh });
}
