import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApiClient } from "../client/create-api-client.ts";
import {
  BASE,
  type TestErrorCode,
  type TestPaginated,
  type TestPaths,
  testMeta,
} from "../client/test-fixture.ts";
import { BadRequestError, ConnectionError, InvalidResponseError, TimeoutError } from "../errors/api-error.ts";
import {
  authorizeUrl,
  exchangeCode,
  memoryTokenStore,
  type OAuthConfig,
  oauthToken,
  refreshTokens,
} from "./oauth.ts";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const config: OAuthConfig = {
  authorizationUrl: "https://auth.notes.test/oauth/authorize",
  tokenUrl: "https://auth.notes.test/oauth/token",
  clientId: "client-1",
  clientSecret: "client-secret-xyz",
  redirectUri: "https://app.example.org/callback",
  extraTokenParams: { client_hash: "hash-abc" },
};

describe("OAuth helpers", () => {
  it("builds the authorize URL", () => {
    const url = new URL(authorizeUrl(config, { state: "s1", scope: ["read", "write"] }));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "client-1",
      redirect_uri: "https://app.example.org/callback",
      state: "s1",
      scope: "read write",
    });
  });

  it("exchanges a code with a form body and reads expiry", async () => {
    let form: URLSearchParams | undefined;
    server.use(
      http.post(config.tokenUrl, async ({ request }) => {
        form = new URLSearchParams(await request.text());
        return HttpResponse.json({
          access_token: "at-1",
          refresh_token: "rt-1",
          expires_in: 3600,
          token_type: "Bearer",
        });
      }),
    );
    const tokens = await exchangeCode(config, "code-9", 1_000);
    expect(tokens).toEqual({ accessToken: "at-1", refreshToken: "rt-1", expiresAt: 1_000 + 3_600_000 });
    expect(form && Object.fromEntries(form)).toEqual({
      client_id: "client-1",
      client_secret: "client-secret-xyz",
      grant_type: "authorization_code",
      code: "code-9",
      redirect_uri: "https://app.example.org/callback",
      client_hash: "hash-abc",
    });
  });

  it("reports a refused exchange as a typed error without secrets", async () => {
    server.use(
      http.post(config.tokenUrl, () =>
        HttpResponse.json({ error: "invalid_grant", error_description: "Code expired" }, { status: 400 }),
      ),
    );
    const error = await exchangeCode(config, "old").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).code).toBe("invalid_grant");
    expect((error as Error).message).toContain("Code expired");
    expect(JSON.stringify(error)).not.toContain("client-secret-xyz");
  });

  it.each([
    ["a JSON body without access_token", () => HttpResponse.json({ token_type: "Bearer" })],
    ["an access_token that is not a string", () => HttpResponse.json({ access_token: 42 })],
    ["a body that is not JSON", () => new HttpResponse("<html>maintenance</html>", { status: 200 })],
    ["an empty body", () => new HttpResponse(null, { status: 200 })],
  ])("reports a 200 with %s as InvalidResponseError", async (_, answer) => {
    server.use(http.post(config.tokenUrl, answer));
    const error = await exchangeCode(config, "code-9").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).status).toBe(200);
    expect((error as Error).message).toContain("access_token");
    expect(JSON.stringify(error)).not.toContain("client-secret-xyz");
    expect(String(error)).not.toContain("code-9");
  });

  it("reports a token request that gets no response as ConnectionError, without secrets", async () => {
    const cause = new TypeError("fetch failed");
    const unreachable: OAuthConfig = { ...config, fetch: () => Promise.reject(cause) };
    const error = await refreshTokens(unreachable, "refresh-token-secret").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect((error as ConnectionError).status).toBeUndefined();
    expect((error as Error).cause).toBe(cause);
    for (const secret of ["client-secret-xyz", "refresh-token-secret", "hash-abc"]) {
      expect(String(error)).not.toContain(secret);
      expect(JSON.stringify(error)).not.toContain(secret);
    }
  });

  it("fails a token request that never answers with TimeoutError, and aborts its signal", async () => {
    const signals: AbortSignal[] = [];
    const silent: OAuthConfig = {
      ...config,
      timeoutMs: 20,
      fetch: (request) => {
        signals.push(request.signal);
        return new Promise<Response>(() => undefined);
      },
    };
    const error = await exchangeCode(silent, "code-9").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain("20 ms");
    expect(JSON.stringify(error)).not.toContain("client-secret-xyz");
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(true);
  });
});

describe("refresh on 401", () => {
  it("refreshes once, stores the new tokens and repeats the call", async () => {
    let refreshes = 0;
    server.use(
      http.post(config.tokenUrl, () => {
        refreshes++;
        return HttpResponse.json({ access_token: "fresh", refresh_token: "rt-2", expires_in: 3600 });
      }),
      http.get(`${BASE}/notes/:id`, ({ request }) =>
        request.headers.get("authorization") === "Bearer fresh"
          ? HttpResponse.json({ success: true, data: { id: 1, text: "ok" } })
          : HttpResponse.json({ success: false, message: "expired" }, { status: 401 }),
      ),
    );
    const store = memoryTokenStore({ accessToken: "stale", refreshToken: "rt-1" });
    const api = createApiClient<TestPaths, TestErrorCode, TestPaginated>(testMeta, {
      token: oauthToken(config, store),
    });
    const [a, b] = await Promise.all([
      api.GET("/notes/{id}", { params: { path: { id: 1 } } }),
      api.GET("/notes/{id}", { params: { path: { id: 1 } } }),
    ]);
    expect(a.data?.data.text).toBe("ok");
    expect(b.data?.data.text).toBe("ok");
    expect(refreshes).toBe(1);
    expect(await store.get()).toMatchObject({ accessToken: "fresh", refreshToken: "rt-2" });
  });

  it("returns the 401 when the refreshed token is refused too, without looping", async () => {
    let calls = 0;
    server.use(
      http.post(config.tokenUrl, () => HttpResponse.json({ access_token: "still-bad" })),
      http.get(`${BASE}/notes/:id`, () => {
        calls++;
        return HttpResponse.json({ success: false, message: "nope" }, { status: 401 });
      }),
    );
    const api = createApiClient<TestPaths, TestErrorCode, TestPaginated>(testMeta, {
      token: oauthToken(config, memoryTokenStore({ accessToken: "a", refreshToken: "r" })),
    });
    const { error } = await api.GET("/notes/{id}", { params: { path: { id: 1 } } });
    expect(error?.status).toBe(401);
    expect(calls).toBe(2);
  });
});
