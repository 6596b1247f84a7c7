import { HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  type BetterworksClientOptions,
  type BetterworksErrorCode,
  type components,
  createBetterworksClient,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  UnprocessableEntityError,
  unwrap,
} from "./index.ts";
import { createBetterworksMock } from "./msw.ts";

const TOKEN = "bw-key-0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const BASE = "https://app.betterworks.com/api/v1";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const mock = createBetterworksMock();
const server = setupServer(...mock.handlers);

/** Every request the mock received: method, URL and headers as they went over the wire. */
const seen: { method: string; url: URL; headers: Headers }[] = [];
server.events.on("request:start", ({ request }) => {
  seen.push({ method: request.method, url: new URL(request.url), headers: new Headers(request.headers) });
});

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  seen.length = 0;
});
afterEach(() => mock.reset());
afterAll(() => server.close());

const client = (options: Partial<BetterworksClientOptions> = {}) =>
  createBetterworksClient({
    token: TOKEN,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    logLevel: "off",
    ...options,
  });

describe("@workapis/betterworks against its mock", () => {
  it("reads a user by numeric id with typed data", async () => {
    const { data, error } = await client().GET("/users/{identifier}", {
      params: { path: { identifier: "148665" } },
    });
    expect(error).toBeUndefined();
    expect(data?.id).toBe(148665);
    expect(data?.email).toBe("priya.raman@kestrelanalytics.com");
    expect(data?.role).toBe("admin");
    expect(data?.department?.name).toBe("Engineering");
  });

  it("creates a department the mock then returns", async () => {
    const created = await unwrap(
      client().POST("/departments", { body: { name: "Revenue Operations", parent_id: 5102 } }),
    );
    expect(created.name).toBe("Revenue Operations");
    expect(created.parent_id).toBe(5102);
    // Every response field is optional (the vendor documents no body), so the test insists on the id.
    const id = created.id;
    if (id === undefined) throw new Error("the created department has no id");
    expect(mock.store.get("department", id)).toMatchObject({ name: "Revenue Operations" });

    const read = await unwrap(
      client().GET("/departments/{department_id}", { params: { path: { department_id: id } } }),
    );
    expect(read).toMatchObject({ id, name: "Revenue Operations", parent_id: 5102 });
  });

  it("pages through users with page and size until count is reached", async () => {
    const sizes: number[] = [];
    for await (const page of client()
      .paginate("/users", { params: { query: { size: 10 } } })
      .pages()) {
      sizes.push(page.items.length);
    }
    expect(sizes).toEqual([10, 10, 5]);
    expect(seen.map((r) => r.url.searchParams.get("page"))).toEqual(["1", "2", "3"]);
    expect(seen.every((r) => r.url.searchParams.get("size") === "10")).toBe(true);

    // Without a size, the default of 20 applies; every seeded user comes back once.
    const all = await client().paginate("/users").toArray();
    expect(all).toHaveLength(mock.store.list("user").length);
    expect(new Set(all.map((u) => u.id)).size).toBe(all.length);
  });

  it("rejects a size over 100 with a typed 400 invalid_parameter error", async () => {
    const { error } = await client().GET("/users", { params: { query: { size: 101 } } });
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error?.status).toBe(400);
    expect(error?.code).toBe("invalid_parameter");
    expect(error?.details?.["size"]?.[0]).toMatch(/100/);

    const max = await unwrap(client().GET("/users", { params: { query: { size: 100 } } }));
    expect(max.results).toHaveLength(mock.store.list("user").length);
    expect(max.count).toBe(max.results?.length);
  });

  it("follows filterGoals' nextURL until it is null", async () => {
    // The mock answers the legacy filter in one page; serve it in pages of 10 the way Betterworks does.
    mock.override("filterGoals", ({ request, store }) => {
      const url = new URL(request.url);
      const page = Number(url.searchParams.get("page") ?? "1");
      const goals = store.list("goal") as components["schemas"]["Goal"][];
      const more = page * 10 < goals.length;
      return {
        results: goals.slice((page - 1) * 10, page * 10),
        more,
        nextURL: more ? `${BASE}/goals/filter/?owner=148665&page=${page + 1}` : null,
      };
    });
    const goals = await client()
      .paginate("/goals/filter", { params: { query: { owner: 148665 } } })
      .toArray();
    expect(goals).toHaveLength(mock.store.list("goal").length);
    expect(new Set(goals.map((g) => g.id)).size).toBe(goals.length);
    expect(seen.map((r) => r.url.search)).toEqual([
      "?owner=148665",
      "?owner=148665&page=2",
      "?owner=148665&page=3",
    ]);
    expect(seen.every((r) => r.url.pathname === "/api/v1/goals/filter/")).toBe(true);
  });

  it("reports an invalid body as a 422 validation_failed with field details", async () => {
    const missing = await client().POST("/users", {
      body: { first_name: "Jamal", last_name: "Wright" } as never,
    });
    expect(missing.error).toBeInstanceOf(UnprocessableEntityError);
    expect(missing.error?.code).toBe("validation_failed");
    expect(missing.error?.details?.["email"]?.[0]).toMatch(/email/);

    const unknownManager = await client().POST("/users", {
      body: {
        email: "jamal.wright@example.org",
        first_name: "Jamal",
        last_name: "Wright",
        manager_id: 149999,
      },
    });
    expect(unknownManager.error).toBeInstanceOf(UnprocessableEntityError);
    expect(Object.keys(unknownManager.error?.details ?? {})).toEqual(["manager_id"]);
    expect(mock.store.list("user").some((u) => u["email"] === "jamal.wright@example.org")).toBe(false);
  });

  it("refuses a non-admin key with 403 permission_denied, typed on error.code", async () => {
    mock.scenario("listDepartments", {
      kind: "error",
      status: 403,
      message: "You do not have permission to perform this action.",
    });
    const { data, error } = await client().GET("/departments");
    expect(data).toBeUndefined();
    expect(error).toBeInstanceOf(PermissionDeniedError);
    const code: BetterworksErrorCode | undefined = error?.code;
    expect(code).toBe("permission_denied");
    expect(error?.message).toBe("You do not have permission to perform this action.");
    expect(seen).toHaveLength(1); // a 403 is not retried
  });

  it("reports a key whose user has not accepted the privacy notice as privacy_notice_not_accepted", async () => {
    mock.override("getCurrentUser", ({ request }) =>
      HttpResponse.json(
        {
          success: false,
          code: "privacy_notice_not_accepted",
          detail: "The user this API token belongs to has not accepted the Betterworks privacy notice.",
          request_id: request.headers.get("X-Request-Id") ?? "",
        },
        { status: 403 },
      ),
    );
    const thrown = await unwrap(client().GET("/user")).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(PermissionDeniedError);
    const error = thrown as PermissionDeniedError<
      BetterworksErrorCode,
      components["schemas"]["ErrorEnvelope"]
    >;
    expect(error.code).toBe("privacy_notice_not_accepted");
    expect(error.message).toMatch(/privacy notice/);
    expect(error.body?.request_id).toBe(error.requestId);
  });

  it("sends the key as Authorization: APIToken <key>; a Bearer header is refused", async () => {
    let authorization: string | null = null;
    mock.override("getCurrentUser", ({ request, store }) => {
      authorization = request.headers.get("Authorization");
      return store.get("user", 148665) as components["schemas"]["User"];
    });
    const me = await unwrap(client().GET("/user"));
    expect(me.id).toBe(148665);
    expect(authorization).toBe(`APIToken ${TOKEN}`);

    mock.restore("getCurrentUser");
    const asBearer = client({
      fetch: (request) => {
        const headers = new Headers(request.headers);
        headers.set("Authorization", `Bearer ${TOKEN}`);
        return globalThis.fetch(new Request(request, { headers }));
      },
    });
    const { error } = await asBearer.GET("/user");
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error?.status).toBe(401);
  });

  it("sends a fresh X-Request-Id on every call and exposes the echo as requestId", async () => {
    const first = await client().GET("/user");
    const second = await client().GET("/users/{identifier}", { params: { path: { identifier: "148702" } } });
    const sent = seen.map((r) => r.headers.get("X-Request-Id"));
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(UUID);
    expect(sent[1]).toMatch(UUID);
    expect(sent[0]).not.toBe(sent[1]);
    expect(first.requestId).toBe(sent[0]);
    expect(second.requestId).toBe(sent[1]);

    // A caller's own id (e.g. to quote to Betterworks Support) is sent as is.
    const own = await client().GET("/user", {
      params: { header: { "X-Request-Id": "support-ticket-4711" } },
    });
    expect(seen[2]?.headers.get("X-Request-Id")).toBe("support-ticket-4711");
    expect(own.requestId).toBe("support-ticket-4711");

    // Errors carry the id too.
    mock.scenario("getUser", { kind: "error", status: 500 });
    const failed = await client({ retry: false }).GET("/users/{identifier}", {
      params: { path: { identifier: "148702" } },
    });
    expect(failed.error).toBeInstanceOf(InternalServerError);
    expect(failed.error?.code).toBe("server_error");
    expect(failed.error?.requestId).toBe(seen[3]?.headers.get("X-Request-Id"));
    expect(failed.error?.requestId).toMatch(UUID);
    expect(failed.requestId).toBe(failed.error?.requestId);
  });

  it("appends the trailing slash Betterworks URLs need, before the query string", async () => {
    await client().GET("/users/{identifier}", { params: { path: { identifier: "148665" } } });
    await client().GET("/users", { params: { query: { size: 5, role: "admin" } } });
    await client().POST("/departments", { body: { name: "Legal" } });
    expect(seen.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`)).toEqual([
      "GET /api/v1/users/148665/",
      "GET /api/v1/users/?size=5&role=admin",
      "POST /api/v1/departments/",
    ]);
  });

  it("retries a 429 with Retry-After 0 under the same request id, then succeeds", async () => {
    mock.scenario("listUsers", { kind: "error", status: 429, retryAfter: 0 });
    const { data, error } = await client().GET("/users");
    expect(error).toBeUndefined();
    expect(data?.results).toHaveLength(20);
    expect(seen).toHaveLength(2);
    expect(seen[1]?.headers.get("X-Request-Id")).toBe(seen[0]?.headers.get("X-Request-Id"));
  });

  it("never leaks the API key into an error", async () => {
    const { error } = await client().GET("/users/{identifier}", {
      params: { path: { identifier: "999999" } },
    });
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error?.code).toBe("not_found");
    expect(error?.request?.headers["authorization"]).toBe("[redacted]");
    expect(error?.request?.url).toBe(`${BASE}/users/999999/`);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect(String(error?.stack)).not.toContain(TOKEN);
  });
});

describe("role-based access in the mock", () => {
  const roleMock = createBetterworksMock({ tokenRoles: { "employee-key": "user" } });
  const viaRoleMock = (token: string) =>
    createBetterworksClient({
      token,
      retry: false,
      logLevel: "off",
      fetch: roleMock.fetch,
    });

  it("refuses an admin-only operation to a key whose user is not an admin, with the typed permission error", async () => {
    const { error } = await viaRoleMock("employee-key").GET("/users");
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error?.status).toBe(403);
    const code: BetterworksErrorCode | undefined = error?.code;
    expect(code).toBe("permission_denied");
  });

  it("lets the same key read what any user may, and an admin key list users", async () => {
    const me = await viaRoleMock("employee-key").GET("/user");
    expect(me.error).toBeUndefined();
    const all = await viaRoleMock("admin-key").GET("/users");
    expect(all.error).toBeUndefined();
    expect(all.data?.results?.length).toBeGreaterThan(0);
  });
});
