import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AbortedError,
  ApiError,
  AuthenticationError,
  InternalServerError,
  InvalidResponseError,
  TimeoutError,
} from "../errors/api-error.ts";
import type { ApiMeta } from "../metadata.ts";
import type { ClientOptions } from "./client-options.ts";
import { createApiClient } from "./create-api-client.ts";
import { BASE, type TestErrorCode, type TestPaginated, type TestPaths, testMeta } from "./test-fixture.ts";

const TOKEN = "tok_live_secret_123";
type Answer = (request: Request) => Response | Promise<Response>;

/** A client over a fetch that records each request it is given and answers with `answer`. */
function recording(answer: Answer, options: Partial<ClientOptions> = {}, meta: ApiMeta = testMeta) {
  const sent: Request[] = [];
  const api = createApiClient<TestPaths, TestErrorCode, TestPaginated>(meta, {
    token: TOKEN,
    retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 },
    rateLimit: false,
    logLevel: "off",
    fetch: async (request) => {
      sent.push(request.clone());
      return answer(request);
    },
    ...options,
  });
  return { api, sent };
}
const note = () => Response.json({ success: true, data: { id: 1, text: "ok" } });
const redirect = (status: number, location: string) => new Response(null, { status, headers: { location } });

describe("redirects", () => {
  it("follows a same-origin 307 with the credential, and a cross-origin one without the client's or the caller's secrets", async () => {
    const { api, sent } = recording((request) => {
      if (request.url === `${BASE}/notes/1`) return redirect(307, "/v2/moved/1");
      if (request.url === `${BASE.replace("/v2", "")}/v2/moved/1`)
        return redirect(308, "https://other.test/n/1?x=1");
      return note();
    });
    const { data } = await api.GET("/notes/{id}", {
      params: { path: { id: 1 } },
      headers: { "X-Api-Key": "caller-key", "X-Trace": "t1" },
    });
    expect(data?.data.text).toBe("ok");
    expect(sent.map((r) => r.url)).toEqual([
      `${BASE}/notes/1`,
      `${BASE}/moved/1`,
      "https://other.test/n/1?x=1",
    ]);
    expect(sent[1]?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    const foreign = sent[2];
    expect(foreign?.headers.get("authorization")).toBeNull();
    expect(foreign?.headers.get("x-api-key")).toBeNull();
    expect(foreign?.headers.get("x-trace")).toBe("t1");
  });

  it("drops a query credential on another origin, and never sends a body credential there", async () => {
    const meta: ApiMeta = {
      ...testMeta,
      vendor: {
        ...testMeta.vendor,
        auth: [{ type: "apiKey", name: "q", in: "query", param: "access_token", alsoInBody: true }],
      },
    };
    const { api, sent } = recording(
      (request) =>
        request.url.startsWith("https://evil.test")
          ? note()
          : redirect(307, `https://evil.test/take${new URL(request.url).search}`),
      {},
      meta,
    );
    await api.GET("/notes/{id}", { params: { path: { id: 1 } } });
    expect(sent).toHaveLength(2);
    expect(new URL(sent[1]?.url ?? "").searchParams.has("access_token")).toBe(false);
    const posted = await api.POST("/notes", { body: { text: "x" } });
    expect(posted.error).toBeInstanceOf(ApiError);
    expect(posted.error?.message).toContain("another origin");
    expect(sent.slice(2).every((r) => !r.url.startsWith("https://evil.test"))).toBe(true);
    expect(JSON.stringify(posted.error)).not.toContain(TOKEN);
  });

  it("refuses https to http, more than 5 hops, and a write answered 301/302/303", async () => {
    const downgrade = recording(() => redirect(302, "http://api.notes.test/v2/notes/1"));
    const down = await downgrade.api.GET("/notes/{id}", { params: { path: { id: 1 } } });
    expect(down.error?.message).toContain("https to http:");
    expect(downgrade.sent).toHaveLength(1);

    let hop = 0;
    const loop = recording(() => redirect(302, `/v2/notes/${++hop}`));
    const looped = await loop.api.GET("/notes/{id}", { params: { path: { id: 1 } }, retry: false });
    expect(looped.error?.message).toContain("more than 5 redirects");
    expect(loop.sent).toHaveLength(6);

    for (const status of [301, 302, 303]) {
      const write = recording((request) =>
        request.method === "POST" ? redirect(status, "/v2/notes/9") : note(),
      );
      const { error, data } = await write.api.POST("/notes", { body: { text: "x" } });
      expect(data).toBeUndefined();
      expect(error?.status).toBe(status);
      expect(error?.message).toContain("was not performed");
      expect(write.sent.map((r) => r.method)).toEqual(["POST"]);
    }
  });
});

describe("a stalled body over loopback", () => {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "application/json" });
    response.write('{"success":true,');
    // …and nothing more: the body stalls.
  });
  let base = "";
  beforeAll(async () => {
    await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  const stalled = () =>
    createApiClient<TestPaths, TestErrorCode, TestPaginated>(testMeta, {
      token: TOKEN,
      baseUrl: base,
      retry: false,
      rateLimit: false,
      logLevel: "off",
    });

  it("ends with TimeoutError at the timeout", async () => {
    const { error } = await stalled().GET("/notes/{id}", { params: { path: { id: 1 } }, timeoutMs: 300 });
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it("ends with AbortedError when the caller aborts while the body is read", async () => {
    const { error } = await stalled().GET("/notes/{id}", {
      params: { path: { id: 1 } },
      signal: AbortSignal.timeout(300),
    });
    expect(error).toBeInstanceOf(AbortedError);
  });
});

describe("options are checked", () => {
  const make = (options: Partial<ClientOptions>) => () =>
    createApiClient<TestPaths, TestErrorCode, TestPaginated>(testMeta, { token: TOKEN, ...options });

  it("refuses a timeout that is not 1 to 2^31-1 ms, naming the option; false and Infinity mean none", () => {
    for (const timeoutMs of [0, -1, Number.NaN, 2 ** 31, 1.5e12])
      expect(make({ timeoutMs }), String(timeoutMs)).toThrow(/^timeoutMs must be/);
    expect(make({ timeoutMs: false })).not.toThrow();
    expect(make({ timeoutMs: Number.POSITIVE_INFINITY })).not.toThrow();
  });

  it("refuses bad retry, rate limit, fetch, log level and header values when the client is made", () => {
    expect(make({ retry: { maxRetries: -1 } })).toThrow(/retry\.maxRetries/);
    expect(make({ retry: { baseDelayMs: Number.NaN } })).toThrow(/retry\.baseDelayMs/);
    expect(make({ rateLimit: { requests: 0, perSeconds: 60 } })).toThrow(/rateLimit/);
    expect(make({ fetch: "fetch" as never })).toThrow(/fetch must be a function/);
    expect(make({ logLevel: "loud" as never })).toThrow(/logLevel/);
    expect(make({ headers: { "X-A": "a\r\nInjected: 1" } })).toThrow(/headers\["X-A"\]/);
  });

  it("refuses a token with CR, LF or NUL before sending anything, without quoting it", async () => {
    const secret = "abc\r\nX-Evil: 1";
    expect(make({ token: secret })).toThrow(TypeError);
    try {
      make({ token: secret })();
    } catch (error) {
      expect(String(error)).not.toContain("abc");
    }
    const { api, sent } = recording(note, { token: () => "tok\0en-value" });
    const { error } = await api.GET("/notes/{id}", { params: { path: { id: 1 } } });
    expect(error).toBeInstanceOf(ApiError);
    expect(error?.message).toContain("CR, LF or NUL");
    expect(error?.message).not.toContain("en-value");
    expect(sent).toHaveLength(0);
  });

  it("checks a call's own timeout and retry the same way", async () => {
    const { api } = recording(note);
    await expect(api.GET("/notes/{id}", { params: { path: { id: 1 } }, timeoutMs: 0 })).rejects.toThrow(
      /^timeoutMs must be/,
    );
    await expect(
      api.GET("/notes/{id}", { params: { path: { id: 1 } }, retry: { maxRetries: 1.5 } }),
    ).rejects.toThrow(/retry\.maxRetries/);
  });
});

describe("secrets never leave in an error", () => {
  it("scrubs a token the server echoes from message, String(), JSON.stringify, stack and body", async () => {
    const { api } = recording(() =>
      Response.json({ success: false, message: `API key Bearer ${TOKEN} is not valid` }, { status: 401 }),
    );
    const { error } = await api.GET("/notes/{id}", { params: { path: { id: 1 } } });
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error?.message).toBe("API key Bearer [redacted] is not valid");
    for (const shown of [
      String(error),
      JSON.stringify(error),
      error?.stack ?? "",
      JSON.stringify(error?.body),
    ])
      expect(shown).not.toContain(TOKEN);
  });

  it("scrubs it from log lines too", async () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const { api } = recording(() => new Response(`upstream refused ${TOKEN}`, { status: 503 }), {
      logLevel: "debug",
      logger: { debug: log, info: log, warn: log, error: log },
    });
    const { error } = await api.GET("/notes/{id}", { params: { path: { id: 1 } } });
    expect(error).toBeInstanceOf(InternalServerError);
    expect(lines.length).toBeGreaterThan(0);
    expect([...lines, String(error)].join("\n")).not.toContain(TOKEN);
  });
});

describe("empty success bodies", () => {
  it("turns an empty 200 or 201 of a JSON operation into InvalidResponseError; 204 and declared no-content stay success", async () => {
    const empty = (status: number) => recording(() => new Response(null, { status }));
    const got = await empty(200).api.GET("/notes/{id}", { params: { path: { id: 1 } } });
    expect(got.error).toBeInstanceOf(InvalidResponseError);
    expect(got.error?.status).toBe(200);
    const created = await empty(201).api.POST("/notes", { body: { text: "x" } });
    expect(created.error).toBeInstanceOf(InvalidResponseError);
    const none = await empty(204).api.GET("/notes/{id}", { params: { path: { id: 1 } } });
    expect(none.error).toBeUndefined();
    const meta: ApiMeta = {
      ...testMeta,
      operations: testMeta.operations.map((o) =>
        o.path === "/notes" && o.method === "post" ? { ...o, emptyStatuses: [201] } : o,
      ),
    };
    const declared = recording(() => new Response(null, { status: 201 }), {}, meta);
    expect((await declared.api.POST("/notes", { body: { text: "x" } })).error).toBeUndefined();
  });
});

describe("attempts", () => {
  it("says in the final error how many attempts were made", async () => {
    const { api, sent } = recording(() => new Response("busy", { status: 503 }));
    const { error } = await api.GET("/notes/{id}", { params: { path: { id: 1 } } });
    expect(sent).toHaveLength(3);
    expect(error?.attempts).toBe(3);
    expect(error?.message).toContain("after 3 attempts");
    expect(JSON.parse(JSON.stringify(error)).attempts).toBe(3);
  });
});

describe("every option works per client and per call", () => {
  it("fetch: the call's own fetch replaces the client's", async () => {
    const client = recording(note);
    const own: Request[] = [];
    await client.api.GET("/notes/{id}", {
      params: { path: { id: 1 } },
      fetch: async (request) => {
        own.push(request);
        return note();
      },
    });
    expect(own).toHaveLength(1);
    expect(own[0]?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(client.sent).toHaveLength(0);
  });

  it("headers: the client's go on every call, a call's own win", async () => {
    const { api, sent } = recording(note, { headers: { "X-Team": "core", "X-Env": "prod" } });
    await api.GET("/notes/{id}", { params: { path: { id: 1 } }, headers: { "X-Env": "test" } });
    expect(sent[0]?.headers.get("x-team")).toBe("core");
    expect(sent[0]?.headers.get("x-env")).toBe("test");
  });

  it("signal: a custom fetch receives it on the Request and can cancel", async () => {
    const controller = new AbortController();
    const { api } = recording(
      (request) =>
        new Promise<Response>((_, reject) =>
          request.signal.addEventListener("abort", () => reject(request.signal.reason)),
        ),
    );
    const pending = api.GET("/notes/{id}", { params: { path: { id: 1 } }, signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    expect((await pending).error).toBeInstanceOf(AbortedError);
  });

  it("timeoutMs: the client's applies, a call's own overrides it, false turns it off", async () => {
    const slow: Answer = () => new Promise((resolve) => setTimeout(() => resolve(note()), 80));
    const { api } = recording(slow, { timeoutMs: 20, retry: false });
    expect((await api.GET("/notes/{id}", { params: { path: { id: 1 } } })).error).toBeInstanceOf(
      TimeoutError,
    );
    expect(
      (await api.GET("/notes/{id}", { params: { path: { id: 1 } }, timeoutMs: 1_000 })).error,
    ).toBeUndefined();
    expect(
      (await api.GET("/notes/{id}", { params: { path: { id: 1 } }, timeoutMs: false })).error,
    ).toBeUndefined();
  });

  it("retry: the client's applies, a call's own overrides it", async () => {
    const { api, sent } = recording(() => new Response(null, { status: 503 }), {
      retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    await api.GET("/notes/{id}", { params: { path: { id: 1 } } });
    expect(sent).toHaveLength(2);
    await api.GET("/notes/{id}", { params: { path: { id: 1 } }, retry: false });
    expect(sent).toHaveLength(3);
    await api.GET("/notes/{id}", {
      params: { path: { id: 1 } },
      retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 1 },
    });
    expect(sent).toHaveLength(7);
  });

  it("middleware: the client's and a call's run on the real Request, before the credential is added", async () => {
    const seen: string[] = [];
    const { api, sent } = recording(note, {
      middleware: [
        {
          onRequest({ request }) {
            seen.push(`client:${request.headers.get("authorization")}`);
            request.headers.set("X-From-Client-Middleware", "1");
          },
        },
      ],
    });
    await api.GET("/notes/{id}", {
      params: { path: { id: 1 } },
      middleware: [{ onRequest: ({ request }) => void seen.push(`call:${request instanceof Request}`) }],
    });
    expect(seen).toEqual(["client:null", "call:true"]);
    expect(sent[0]?.headers.get("x-from-client-middleware")).toBe("1");
  });
});
