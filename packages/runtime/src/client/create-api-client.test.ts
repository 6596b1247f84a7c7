import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  AbortedError,
  ApiError,
  AuthenticationError,
  ConnectionError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
} from "../errors/api-error.ts";
import type { ClientOptions } from "./client-options.ts";
import { createApiClient } from "./create-api-client.ts";
import { BASE, type TestErrorCode, type TestPaginated, type TestPaths, testMeta } from "./test-fixture.ts";
import { unwrap } from "./unwrap.ts";

const TOKEN = "tok_live_secret_123";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const fast = { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 };
function client(options: Partial<ClientOptions> = {}) {
  return createApiClient<TestPaths, TestErrorCode, TestPaginated>(testMeta, {
    token: TOKEN,
    retry: fast,
    logLevel: "off",
    ...options,
  });
}
function counting(respond: (n: number, request: Request) => Response | Promise<Response>) {
  const seen: Request[] = [];
  return {
    seen,
    resolver: ({ request }: { request: Request }) => respond(seen.push(request.clone()), request),
  };
}

describe("createApiClient: success", () => {
  it("reads a text/csv operation as text without parseAs, and its failure still as the JSON envelope", async () => {
    let status = 200;
    server.use(
      http.get(`${BASE}/notes/export`, () =>
        status === 200
          ? new HttpResponse("id,text\n7,hi\n", { headers: { "Content-Type": "text/csv" } })
          : HttpResponse.json({ success: false, message: "Token expired", error: "no_access" }, { status }),
      ),
    );
    const csv = await client().GET("/notes/export");
    expect(csv.data).toBe("id,text\n7,hi\n");
    status = 401;
    const denied = await client().GET("/notes/export");
    expect(denied.error).toBeInstanceOf(AuthenticationError);
    expect(denied.error?.message).toBe("Token expired");
    expect(denied.error?.code).toBe("no_access");
  });

  it("sends the bearer token and a fresh request id, and returns typed data with the echoed id", async () => {
    const calls = counting((_, request) =>
      HttpResponse.json(
        { success: true, data: { id: 7, text: "hi" } },
        { headers: { "X-Request-Id": request.headers.get("x-request-id") ?? "" } },
      ),
    );
    server.use(http.get(`${BASE}/notes/:id`, calls.resolver));
    const api = client();
    const first = await api.GET("/notes/{id}", { params: { path: { id: 7 } } });
    const second = await api.GET("/notes/{id}", { params: { path: { id: 7 } } });
    expect(first.error).toBeUndefined();
    expect(first.data?.data).toEqual({ id: 7, text: "hi" });
    expect(calls.seen[0]?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(first.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.requestId).toBe(calls.seen[0]?.headers.get("x-request-id"));
    expect(second.requestId).not.toBe(first.requestId);
  });

  it("sends no request id to a vendor that reads none", async () => {
    const calls = counting(() => HttpResponse.json({ success: true, data: { id: 7, text: "hi" } }));
    server.use(http.get(`${BASE}/notes/:id`, calls.resolver));
    const { requestIdHeader: _, ...vendor } = testMeta.vendor;
    const api = createApiClient<TestPaths, TestErrorCode, TestPaginated>(
      { ...testMeta, vendor },
      { token: TOKEN, logLevel: "off" },
    );
    const { data, requestId } = await api.GET("/notes/{id}", { params: { path: { id: 7 } } });
    expect(data?.data).toEqual({ id: 7, text: "hi" });
    expect(calls.seen[0]?.headers.get("x-request-id")).toBeNull();
    expect(requestId).toBeUndefined();
  });

  it("keeps the caller's headers and request id, but sends its own credential, on every attempt", async () => {
    const calls = counting((n) =>
      n === 1 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({ success: true, data: [] }),
    );
    server.use(http.get(`${BASE}/notes`, calls.resolver));
    const result = await client().GET("/notes", {
      headers: { "X-Trace": "t-1", "X-Request-Id": "caller-chosen", Authorization: "Bearer someone-else" },
    });
    expect(result.error).toBeUndefined();
    expect(calls.seen).toHaveLength(2);
    for (const sent of calls.seen) {
      expect(sent.headers.get("x-trace")).toBe("t-1");
      expect(sent.headers.get("x-request-id")).toBe("caller-chosen");
      expect(sent.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    }
  });

  it("accepts a token function, called per request", async () => {
    let n = 0;
    const calls = counting(() => HttpResponse.json({ success: true, data: [], meta: { last_page: 1 } }));
    server.use(http.get(`${BASE}/notes`, calls.resolver));
    const api = client({ token: () => `rotating-${++n}` });
    await api.GET("/notes");
    await api.GET("/notes");
    expect(calls.seen.map((r) => r.headers.get("authorization"))).toEqual([
      "Bearer rotating-1",
      "Bearer rotating-2",
    ]);
  });
});

describe("createApiClient: errors", () => {
  it("turns a 422 envelope into UnprocessableEntityError with field details, token redacted", async () => {
    server.use(
      http.post(`${BASE}/notes`, () =>
        HttpResponse.json(
          { success: false, message: "Validation failed", errors: { text: ["The text field is required."] } },
          { status: 422 },
        ),
      ),
    );
    const { data, error } = await client().POST("/notes", { body: { text: "" } });
    expect(data).toBeUndefined();
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error?.status).toBe(422);
    expect(error?.details).toEqual({ text: ["The text field is required."] });
    expect(error?.request?.headers["authorization"]).toBe("[redacted]");
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect(String(error)).not.toContain(TOKEN);
  });

  it("treats success:false inside HTTP 200 as an error with the vendor code", async () => {
    server.use(
      http.get(`${BASE}/notes/:id`, () =>
        HttpResponse.json({ success: false, message: "No access", error: "no_access" }),
      ),
    );
    const { error } = await client().GET("/notes/{id}", { params: { path: { id: 1 } } });
    expect(error).toBeInstanceOf(ApiError);
    expect(error?.status).toBe(200);
    expect(error?.code).toBe("no_access");
    expect(error?.message).toBe("No access");
  });

  it("turns a truncated JSON body on 200 into InvalidResponseError, not a SyntaxError", async () => {
    server.use(
      http.get(
        `${BASE}/notes/:id`,
        () =>
          new HttpResponse('{"success":true,"data":{"id"', {
            headers: { "Content-Type": "application/json" },
          }),
      ),
    );
    const { error, response } = await client().GET("/notes/{id}", { params: { path: { id: 1 } } });
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error?.status).toBe(200);
    expect(response?.status).toBe(200);
  });

  it("retries an HTML 502 twice on a GET, then reports InternalServerError with a snippet", async () => {
    const calls = counting(
      () =>
        new HttpResponse("<html><h1>502 Bad Gateway</h1></html>", {
          status: 502,
          headers: { "Content-Type": "text/html" },
        }),
    );
    server.use(http.get(`${BASE}/notes/:id`, calls.resolver));
    const { error } = await client().GET("/notes/{id}", { params: { path: { id: 1 } } });
    expect(calls.seen).toHaveLength(3);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error?.message).toContain("502 Bad Gateway");
  });

  it("recovers when a retry succeeds, and never retries a POST", async () => {
    const gets = counting((n) =>
      n < 2
        ? new HttpResponse(null, { status: 503 })
        : HttpResponse.json({ success: true, data: { id: 1, text: "ok" } }),
    );
    const posts = counting(() => new HttpResponse(null, { status: 500 }));
    server.use(http.get(`${BASE}/notes/:id`, gets.resolver), http.post(`${BASE}/notes`, posts.resolver));
    const api = client();
    const ok = await api.GET("/notes/{id}", { params: { path: { id: 1 } } });
    expect(ok.data?.data.text).toBe("ok");
    expect(gets.seen).toHaveLength(2);
    const failed = await api.POST("/notes", { body: { text: "x" } });
    expect(failed.error).toBeInstanceOf(InternalServerError);
    expect(posts.seen).toHaveLength(1);
  });

  it("honours Retry-After on 429 and can be disabled per request", async () => {
    const calls = counting((n) =>
      n === 1
        ? HttpResponse.json(
            { success: false, message: "Too many" },
            { status: 429, headers: { "Retry-After": "0" } },
          )
        : HttpResponse.json({ success: true, data: { id: 1, text: "later" } }),
    );
    server.use(http.get(`${BASE}/notes/:id`, calls.resolver));
    const api = client();
    expect((await api.GET("/notes/{id}", { params: { path: { id: 1 } } })).data?.data.text).toBe("later");
    expect(calls.seen).toHaveLength(2);
    const once = await api.GET("/notes/{id}", { params: { path: { id: 1 } }, retry: false });
    expect(once.error).toBeUndefined();
    server.use(
      http.get(`${BASE}/notes/:id`, () =>
        HttpResponse.json(
          { success: false, message: "Too many" },
          { status: 429, headers: { "Retry-After": "0" } },
        ),
      ),
    );
    const limited = await api.GET("/notes/{id}", { params: { path: { id: 1 } }, retry: false });
    expect(limited.error).toBeInstanceOf(RateLimitError);
  });

  it("reports network failures as ConnectionError after retrying", async () => {
    const calls = counting(() => HttpResponse.error());
    server.use(http.get(`${BASE}/notes/:id`, calls.resolver));
    const { error } = await client().GET("/notes/{id}", { params: { path: { id: 1 } } });
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error?.status).toBeUndefined();
    expect(calls.seen).toHaveLength(3);
  });

  it("times out slow responses per attempt, and aborts on the caller's signal without retrying", async () => {
    const calls = counting(async () => {
      await delay(200);
      return HttpResponse.json({ success: true, data: { id: 1, text: "slow" } });
    });
    server.use(http.get(`${BASE}/notes/:id`, calls.resolver));
    const timedOut = await client({ retry: false }).GET("/notes/{id}", {
      params: { path: { id: 1 } },
      timeoutMs: 20,
    });
    expect(timedOut.error).toBeInstanceOf(TimeoutError);
    const controller = new AbortController();
    const pending = client().GET("/notes/{id}", { params: { path: { id: 1 } }, signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const aborted = await pending;
    expect(aborted.error).toBeInstanceOf(AbortedError);
    expect(calls.seen).toHaveLength(2);
  });

  it("sends nothing for a signal aborted before the call", async () => {
    const calls = counting(() => HttpResponse.json({ success: true, data: { id: 1, text: "sent" } }));
    server.use(http.get(`${BASE}/notes/:id`, calls.resolver));
    const { error } = await client({ rateLimit: false }).GET("/notes/{id}", {
      params: { path: { id: 1 } },
      signal: AbortSignal.abort(),
    });
    expect(error).toBeInstanceOf(AbortedError);
    expect(calls.seen).toHaveLength(0);
  });

  it("unwrap returns data or throws the typed error", async () => {
    server.use(
      http.get(`${BASE}/notes/:id`, ({ params }) =>
        params["id"] === "1"
          ? HttpResponse.json({ success: true, data: { id: 1, text: "one" } })
          : HttpResponse.json({ success: false, message: "Not found" }, { status: 404 }),
      ),
    );
    const api = client();
    const note = await unwrap(api.GET("/notes/{id}", { params: { path: { id: 1 } } }));
    expect(note.data.text).toBe("one");
    await expect(unwrap(api.GET("/notes/{id}", { params: { path: { id: 2 } } }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("createApiClient: per-operation server and security", () => {
  it("sends an unsecured operation to its own server without the token", async () => {
    const meta = {
      ...testMeta,
      operations: testMeta.operations.map((o) =>
        o.path === "/notes/{id}"
          ? { ...o, secured: false as const, baseUrl: "https://auth.notes.test/oauth" }
          : o,
      ),
    };
    const calls = counting(() => HttpResponse.json({ success: true, data: { id: 1, text: "open" } }));
    server.use(http.get("https://auth.notes.test/oauth/notes/:id", calls.resolver));
    const api = createApiClient<TestPaths, TestErrorCode, TestPaginated>(meta, {
      token: TOKEN,
      logLevel: "off",
    });
    const { data } = await api.GET("/notes/{id}", { params: { path: { id: 1 } } });
    expect(data?.data.text).toBe("open");
    expect(calls.seen[0]?.headers.get("authorization")).toBeNull();
  });
});

describe("createApiClient: a custom fetch", () => {
  it("is called with a Request: the built URL, the method, the merged headers with the token, the body", async () => {
    const calls: Request[] = [];
    const api = client({
      headers: { "X-Team": "core" },
      fetch: async (request) => {
        calls.push(request);
        return Response.json({ success: true, data: { id: 3, text: "made" } });
      },
    });
    await api.GET("/notes", { params: { query: { tag: "a b", page: 2 } }, cache: "no-store" });
    const created = await api.POST("/notes", { body: { text: "made" } });
    expect(created.data?.data.id).toBe(3);
    const [listed, posted] = calls;
    expect(listed).toBeInstanceOf(Request);
    expect(listed?.url).toBe(`${BASE}/notes?tag=a%20b&page=2`);
    expect(listed?.method).toBe("GET");
    expect(listed?.cache).toBe("no-store");
    expect(listed?.redirect).toBe("manual");
    expect(listed?.body).toBeNull();
    expect(posted?.url).toBe(`${BASE}/notes`);
    expect(posted?.method).toBe("POST");
    expect(await posted?.text()).toBe('{"text":"made"}');
    expect(posted?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(posted?.headers.get("content-type")).toBe("application/json");
    expect(posted?.headers.get("x-team")).toBe("core");
    expect(posted?.signal).toBeInstanceOf(AbortSignal);
  });

  it("makes the same request through globalThis.fetch as the fetch it was given would", async () => {
    const calls = counting((_, request) =>
      HttpResponse.json({ success: true, data: { id: 4, text: request.method } }),
    );
    server.use(http.post(`${BASE}/notes`, calls.resolver));
    const { data } = await client().POST("/notes", { body: { text: "x" } });
    expect(data?.data.text).toBe("POST");
    const sent = calls.seen[0];
    expect(sent?.url).toBe(`${BASE}/notes`);
    expect(await sent?.text()).toBe('{"text":"x"}');
    expect(sent?.headers.get("content-type")).toBe("application/json");
    expect(sent?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
  });
});

describe("createApiClient: base URLs", () => {
  it("refuses a baseUrl option that is not a URL when the client is made", () => {
    expect(() => client({ baseUrl: "api.notes.test/v2" })).toThrow(
      new TypeError("baseUrl is not a URL: api.notes.test/v2"),
    );
  });
});
