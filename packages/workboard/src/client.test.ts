import {
  authorizeUrl,
  exchangeCode,
  memoryTokenStore,
  type OAuthConfig,
  oauthToken,
} from "@workapis/runtime";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  createWorkBoardClient,
  InternalServerError,
  NotFoundError,
  unwrap,
  type WorkBoardErrorCode,
} from "./index.ts";
import { createWorkBoardMock } from "./msw.ts";

const mock = createWorkBoardMock();
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  mock.reset();
  server.resetHandlers();
});
afterAll(() => server.close());

const TOKEN = "wb-instant-token-test";
const client = (token: Parameters<typeof createWorkBoardClient>[0]["token"] = TOKEN) =>
  createWorkBoardClient({ token, retry: { baseDelayMs: 1, maxDelayMs: 2 }, logLevel: "off" });

describe("@workapis/workboard against its mock", () => {
  it("reads a team with typed data", async () => {
    const { data, error } = await client().GET("/team/{team_id}", { params: { path: { team_id: 48213 } } });
    expect(error).toBeUndefined();
    expect(data?.success).toBe(true);
    expect(data?.data?.team?.team_id).toBe("48213");
    expect(data?.data?.team?.team_name).toBe("Sales North America");
    expect(data?.data?.team?.team_type).toBe("functional");
    expect(data?.data?.team?.dotted_team_ids).toEqual(["48290"]);
  });

  it("creates a team the mock then returns by id and in the list", async () => {
    const created = await unwrap(
      client().POST("/team", {
        body: { team_owner: "212346", team_name: "Mid-Market Sales West", parent_team_id: "48213" },
      }),
    );
    const id = created.data?.team?.team_id;
    expect(created.data?.team?.team_name).toBe("Mid-Market Sales West");
    expect(mock.store.get("team", String(id))).toMatchObject({ team_name: "Mid-Market Sales West" });

    const read = await unwrap(client().GET("/team/{team_id}", { params: { path: { team_id: Number(id) } } }));
    expect(read.data?.team?.team_name).toBe("Mid-Market Sales West");
    const all = await client().paginate("/team").toArray();
    expect(all.some((t) => t.team_id === id)).toBe(true);
  });

  it("pages teams with limit/offset until data.totalCount is reached", async () => {
    const seeded = mock.store.list("team").length;
    expect(seeded).toBeGreaterThan(15);

    const first = await unwrap(client().GET("/team", { params: { query: { limit: 10, offset: 10 } } }));
    expect(first.data?.totalCount).toBe(seeded);
    expect(first.data?.team?.map((t) => t.team_id)).toEqual(
      mock.store
        .list("team")
        .slice(10, 20)
        .map((t) => t["team_id"]),
    );

    const sizes: number[] = [];
    const offsets: (string | null)[] = [];
    for await (const page of client().paginate("/team").pages()) {
      sizes.push(page.items.length);
      offsets.push(new URL(page.response.url).searchParams.get("offset"));
    }
    // WorkBoard's default page size is 15; the iteration stops at data.totalCount, not on an empty page.
    expect(sizes).toEqual([15, seeded - 15]);
    expect(offsets).toEqual(["0", "15"]);

    const bySmallPages = await client()
      .paginate("/team", { params: { query: { limit: 7 } } })
      .toArray();
    expect(bySmallPages).toHaveLength(seeded);
    expect(new Set(bySmallPages.map((t) => t.team_id)).size).toBe(seeded);
  });

  it("records progress on a metric: the value a later read returns", async () => {
    const [metric] = mock.store.list("metric");
    const metric_id = String(metric?.["metric_id"]);
    await unwrap(
      client().PUT("/metric/{metric_id}", {
        params: { path: { metric_id: Number(metric_id) } },
        body: { metric_data: "123456", metric_comment: "Q3 bookings" },
      }),
    );
    const read = await unwrap(
      client().GET("/metric/{metric_id}", { params: { path: { metric_id: Number(metric_id) } } }),
    );
    expect(read.data?.metric?.metric_achieve_target).toBe("123456");
  });

  it("answers a tag update on a metric with status and message, as WorkBoard documents", async () => {
    const metricId = Number(mock.store.list("metric")[0]?.["metric_id"]);
    const { data, error } = await client().PUT("/metric/{metric_id}/tags", {
      params: { path: { metric_id: metricId } },
      body: { tag_ids: [3107] },
    });
    expect(error).toBeUndefined();
    expect(typeof data?.status).toBe("string");
    expect(typeof data?.message).toBe("string");
    expect(data).not.toHaveProperty("success");
  });

  it("looks a user up by email or id, and pages every user with include=org_members", async () => {
    const target = mock.store.insert("user", {
      user_id: "299001",
      email: "lookup.test@northwind-analytics.example",
      first_name: "Lookup",
      last_name: "Test",
    });
    const users = mock.store.list("user");
    const byEmail = await unwrap(
      client().GET("/user", { params: { query: { user_id: String(target?.["email"]).toUpperCase() } } }),
    );
    expect(byEmail.data?.user).toMatchObject({ user_id: target?.["user_id"], email: target?.["email"] });
    const missing = await client().GET("/user", { params: { query: { user_id: "nobody@example.com" } } });
    expect(missing.error).toBeInstanceOf(NotFoundError);

    const second = await unwrap(
      client().GET("/user", { params: { query: { include: "org_members", limit: 5, offset: 5 } } }),
    );
    expect(second.data?.totalCount).toBe(users.length);
    expect(((second.data?.user ?? []) as { user_id: string }[]).map((u) => u.user_id)).toEqual(
      users.slice(5, 10).map((u) => u["user_id"]),
    );
  });

  it("lists goals grouped by their owner, from the store", async () => {
    const [owner] = mock.store.list("user");
    const ownerId = String(owner?.["user_id"]);
    mock.store.insert("goal", { goal_id: "990001", goal_name: "Mocked goal", goal_owner: ownerId });
    const { data } = await unwrap(client().GET("/goal", { params: { query: { goal_owner_id: ownerId } } }));
    expect(data?.goal).toHaveLength(1);
    const [person] = data?.goal ?? [];
    expect(person && "people_goals" in person ? person.user_email : undefined).toBe(owner?.["email"]);
    const goals = person && "people_goals" in person ? (person.people_goals ?? []) : [];
    expect(goals.map((g) => g.goal_id)).toContain("990001");
    expect(goals.every((g) => g.goal_owner === ownerId)).toBe(true);
  });

  it("sets a user's direct manager from manager_id, with the new manager's name and email", async () => {
    const [user, , manager] = mock.store.list("user");
    const user_id = Number(user?.["user_id"]);
    const manager_id = String(manager?.["user_id"]);
    const managerOf = (id: number) =>
      (mock.store.get("user", id)?.["manager"] as Record<string, unknown>[] | undefined)?.[0];
    const before = managerOf(user_id);
    expect(before?.["email"]).not.toBe(manager?.["email"]);
    await unwrap(
      client().PUT("/user/{user_id}", {
        params: { path: { user_id } },
        body: { manager_id, org_role: "direct" },
      }),
    );
    const stored = mock.store.get("user", user_id);
    expect(stored?.["manager"]).toEqual([
      expect.objectContaining({
        user_id: manager_id,
        email: manager?.["email"],
        first_name: manager?.["first_name"],
        last_name: manager?.["last_name"],
      }),
    ]);
    // Fields the embedded object has and the user record does not (the manager's role) stay.
    expect(Object.keys(managerOf(user_id) ?? {}).sort()).toEqual(Object.keys(before ?? {}).sort());
  });

  it("reports a request the mock rejects as a BadRequestError in WorkBoard's envelope", async () => {
    const { error } = await client().POST("/team", {
      body: { team_owner: "212346" } as never,
    });
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error?.status).toBe(400);
    expect(error?.code).toBe("missing_required_parameters");
    expect(error?.body).toMatchObject({ success: false, error: "missing_required_parameters" });
    // WorkBoard's envelope has no per-field details: `details` stays empty, the description is in the body.
    expect(error?.details).toBeUndefined();
    expect(mock.store.list("team").some((t) => t["team_owner"] === "212346" && !t["team_name"])).toBe(false);
  });

  it("reports an unknown record with WorkBoard's typed code", async () => {
    const { error } = await client().GET("/team/{team_id}", { params: { path: { team_id: 999999 } } });
    expect(error).toBeInstanceOf(NotFoundError);
    const code: WorkBoardErrorCode | undefined = error?.code;
    expect(code).toBe("invalid_resource_id");
    expect(error?.message).toMatch(/team/);
  });

  it("treats success:false inside HTTP 200 as a failure with the WorkBoard error code", async () => {
    mock.override("getGoal", () =>
      HttpResponse.json(
        { success: false, message: "Verify goal id", error: "invalid_goal_id" },
        { status: 200 },
      ),
    );
    const result = await client().GET("/goal/{goal_id}", { params: { path: { goal_id: 930112 } } });
    expect(result.data).toBeUndefined();
    expect(result.response?.status).toBe(200);
    const error = result.error;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(BadRequestError);
    expect(error?.status).toBe(200);
    const code: WorkBoardErrorCode | undefined = error?.code;
    expect(code).toBe("invalid_goal_id");
    expect(error?.message).toBe("Verify goal id");
    await expect(
      unwrap(client().GET("/goal/{goal_id}", { params: { path: { goal_id: 930112 } } })),
    ).rejects.toMatchObject({ code: "invalid_goal_id" });
  });

  it("returns the partial success of a bulk goal creation: created goals and failed rows", async () => {
    const { data, error } = await client().POST("/goal", {
      body: {
        goals: [
          { goal_name: "Launch the partner referral program", goal_owner: "212346" },
          {
            goal_name: "Hire two partner managers",
            goal_start_date: "2025-10-01",
            goal_target_date: "2025-09-30",
          },
        ],
      },
    });
    expect(error).toBeUndefined();
    expect(data?.success).toBe(true);
    expect(data?.data?.goal?.goals?.[0]?.goal_id).toMatch(/^\d+$/);
    const failed = data?.data?.goal?.error ?? [];
    expect(failed).toHaveLength(1);
    expect(failed[0]?.error).toMatch(/target date/);
    expect(failed[0]?.for_row?.["goal_name"]).toBe("Hire two partner managers");
  });

  it("passes each failed row back through a typed override of createGoals", async () => {
    mock.override("createGoals", ({ body }) => {
      const rows = body && "goals" in body ? body.goals : [];
      return {
        success: true,
        message: "Goal was created successfully",
        data: {
          totalCount: 0,
          goal: { goals: [], error: rows.map((row) => ({ error: "Goal owner not found", for_row: row })) },
        },
      };
    });
    const result = await unwrap(
      client().POST("/goal", {
        body: { goals: [{ goal_name: "A", goal_owner: "nobody@example.org" }, { goal_name: "B" }] },
      }),
    );
    expect(result.data?.goal?.goals).toEqual([]);
    expect(result.data?.goal?.error?.map((e) => [e.error, e.for_row?.["goal_name"]])).toEqual([
      ["Goal owner not found", "A"],
      ["Goal owner not found", "B"],
    ]);
  });

  it("sends the token as a Bearer header and is refused without one", async () => {
    let seen: Request | undefined;
    mock.override("getTeam", ({ request }) => {
      seen = request;
      return { success: true, message: "ok", data: { team: { team_id: "1", team_name: "x" } } };
    });
    await unwrap(client().GET("/team/{team_id}", { params: { path: { team_id: 1 } } }));
    expect(seen?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    // Since 2019-08-05 WorkBoard refuses the token as an access_token URL parameter.
    expect(seen?.url).not.toContain(TOKEN);

    const { error } = await client("").GET("/team", { retry: false });
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error?.code).toBe("invalid_access_token");
  });

  it("never leaks the token into errors", async () => {
    const { error } = await client().GET("/team/{team_id}", { params: { path: { team_id: 999999 } } });
    expect(error?.request?.headers["authorization"]).toBe("[redacted]");
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect(String(error?.stack)).not.toContain(TOKEN);
  });

  it("retries a 429 with Retry-After and succeeds", async () => {
    mock.scenario("listTeams", { kind: "error", status: 429, retryAfter: 0 });
    const { data, error } = await client().GET("/team");
    expect(error).toBeUndefined();
    expect(data?.data?.team?.length).toBeGreaterThan(0);
  });

  it("does not repeat a POST after a 500 and reports it typed", async () => {
    mock.scenario("createTeam", { kind: "error", status: 500 }, 2);
    const before = mock.store.list("team").length;
    const { error } = await client().POST("/team", { body: { team_owner: "212346", team_name: "Ops" } });
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error?.message).toBe("Internal server error");
    // The second armed 500 is still waiting: the POST was sent once.
    const again = await client().POST("/team", { body: { team_owner: "212346", team_name: "Ops" } });
    expect(again.error?.status).toBe(500);
    expect(mock.store.list("team")).toHaveLength(before);
  });
});

describe("WorkBoard OAuth 2.0 with the runtime helpers", () => {
  const oauth: OAuthConfig = {
    authorizationUrl: "https://www.myworkboard.com/wb/oauth/authorize",
    tokenUrl: "https://www.myworkboard.com/wb/oauth/token",
    clientId: "wbapp-4821-demo",
    redirectUri: "https://okr-sync.example.org/oauth/workboard/callback",
    extraTokenParams: { client_hash: "client-hash-secret" },
  };

  it("builds the authorize URL with the client id and state", () => {
    const url = new URL(authorizeUrl(oauth, { state: "st-1" }));
    expect(url.origin + url.pathname).toBe("https://www.myworkboard.com/wb/oauth/authorize");
    expect(url.searchParams.get("client_id")).toBe("wbapp-4821-demo");
    expect(url.searchParams.get("state")).toBe("st-1");
    expect(url.searchParams.get("redirect_uri")).toBe(oauth.redirectUri);
    expect(url.searchParams.has("client_hash")).toBe(false);
  });

  it("exchanges the code with client_hash and calls the API with the stored token", async () => {
    let form: Record<string, string> = {};
    server.use(
      http.post(oauth.tokenUrl, async ({ request }) => {
        form = Object.fromEntries(new URLSearchParams(await request.text()));
        return HttpResponse.json({ access_token: "wb-oauth-token-1" });
      }),
    );
    const tokens = await exchangeCode(oauth, "code-5min");
    expect(form).toMatchObject({
      client_id: "wbapp-4821-demo",
      client_hash: "client-hash-secret",
      code: "code-5min",
    });
    expect(tokens.accessToken).toBe("wb-oauth-token-1");
    expect(tokens.refreshToken).toBeUndefined();

    let seen: string | null = null;
    mock.override("listTeams", ({ request }) => {
      seen = request.headers.get("authorization");
      return { success: true, message: "ok", data: { totalCount: 0, team: [] } };
    });
    const store = memoryTokenStore(tokens);
    await unwrap(client(oauthToken(oauth, store)).GET("/team"));
    expect(seen).toBe("Bearer wb-oauth-token-1");
  });

  it("reads the token from WorkBoard's own envelope with a fetch that unwraps data", async () => {
    server.use(
      http.post(oauth.tokenUrl, () =>
        HttpResponse.json({
          success: true,
          message: "Access token generated successfully",
          data: { access_token: "wb-oauth-token-2" },
        }),
      ),
    );
    // The envelope shape is the spec's (inferred) one; exchangeCode alone wants a top-level access_token.
    await expect(exchangeCode(oauth, "code")).rejects.toBeInstanceOf(ApiError);

    const unwrapping: OAuthConfig = {
      ...oauth,
      fetch: async (request) => {
        const response = await fetch(request);
        const body = (await response.json()) as { data?: Record<string, unknown> };
        return Response.json({ ...body, ...body.data }, { status: response.status });
      },
    };
    const tokens = await exchangeCode(unwrapping, "code");
    expect(tokens.accessToken).toBe("wb-oauth-token-2");
  });

  it("reports a refused exchange with WorkBoard's code and without the client hash", async () => {
    server.use(
      http.post(oauth.tokenUrl, () =>
        HttpResponse.json(
          { success: false, message: "Invalid client hash", error: "invalid_client_hash" },
          { status: 400 },
        ),
      ),
    );
    const error = await exchangeCode(oauth, "code").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as ApiError).code).toBe("invalid_client_hash");
    expect(JSON.stringify(error)).not.toContain("client-hash-secret");
  });
});
