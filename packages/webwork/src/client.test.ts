import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createWebWorkClient, UnprocessableEntityError, unwrap, webWorkWebhooks } from "./index.ts";
import { createWebWorkMock } from "./msw.ts";

const mock = createWebWorkMock();
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => mock.reset());
afterAll(() => server.close());

const WORKSPACE = 4821;
const client = () =>
  createWebWorkClient({
    token: "pat_test",
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    logLevel: "off",
    rateLimit: false,
  });

describe("@workapis/webwork against its mock", () => {
  it("lists workspaces with typed data", async () => {
    const { data, error } = await client().GET("/workspaces");
    expect(error).toBeUndefined();
    expect(data?.success).toBe(true);
    expect(data?.data.length).toBeGreaterThan(0);
    expect(typeof data?.data[0]?.workspace_name).toBe("string");
  });

  it("paginates members across pages of the vendor's default size", async () => {
    const pages: number[] = [];
    for await (const page of client()
      .paginate("/members", { params: { query: { workspace_id: WORKSPACE } } })
      .pages()) {
      pages.push(page.items.length);
    }
    expect(pages.reduce((a, b) => a + b, 0)).toBe(mock.store.list("member").length);
    expect(pages[0]).toBe(20);
    expect(pages.length).toBeGreaterThan(1);
  });

  it("invites a member the mock then returns", async () => {
    const invited = await unwrap(
      client().POST("/members", {
        params: { query: { workspace_id: WORKSPACE } },
        body: { email: "li.wei@example.org", firstname: "Li", lastname: "Wei", role: "Regular User" },
      }),
    );
    expect(invited.success).toBe(true);
    expect(mock.store.list("member").some((m) => m["email"] === "li.wei@example.org")).toBe(true);
  });

  it("reports a 422 with the vendor's field errors", async () => {
    const { error } = await client().POST("/members", {
      params: { query: { workspace_id: WORKSPACE } },
      body: { firstname: "Li", lastname: "Wei", role: "Regular User" } as never,
    });
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error?.details?.["email"]?.[0]).toMatch(/email/);
  });

  it("approves a submitted timesheet once; a second approval is a conflict", async () => {
    const submitted = mock.store
      .list("timesheet")
      .find((t) => t["status"] === "submitted" || t["status"] === "pending");
    const id = String(submitted?.["id"]);
    const ok = await client().PUT("/timesheets/{timesheetId}/approve", {
      params: { path: { timesheetId: id } },
      body: { workspace_id: WORKSPACE },
    });
    expect(ok.error).toBeUndefined();
    expect(mock.store.get("timesheet", id)?.["status"]).toBe("approved");
    const again = await client().PUT("/timesheets/{timesheetId}/approve", {
      params: { path: { timesheetId: id } },
      body: { workspace_id: WORKSPACE },
    });
    expect(again.error?.status).toBe(409);
  });

  it("retries a 429 with Retry-After and succeeds", async () => {
    mock.scenario("listWorkspaces", { kind: "error", status: 429, retryAfter: 0 });
    const { data } = await client().GET("/workspaces");
    expect(data?.success).toBe(true);
  });

  it("creates a time entry the way the vendor answers: saved_minutes, no id, then listed", async () => {
    const [contract] = mock.store.list("contract");
    const { data, error, response } = await client().POST("/time-entries", {
      body: {
        workspace_id: WORKSPACE,
        user_id: Number(contract?.["user_id"]),
        contract_id: Number(contract?.["id"]),
        notes: "Client workshop",
        date: "2025-03-12",
        start_time: "09:00",
        end_time: "10:30",
      },
    });
    expect(error).toBeUndefined();
    expect(response?.status).toBe(201);
    expect(data?.saved_minutes).toBe(90);
    expect(data?.data).not.toHaveProperty("id");
    expect(data?.data?.start_time).toBe("2025-03-12T09:00:00Z");
    const listed = await client().GET("/time-entries", {
      params: {
        query: { workspace_id: WORKSPACE, user_id: Number(contract?.["user_id"]), date: "2025-03-12" },
      },
    });
    const entry = listed.data?.data.find((e) => e.activity_description === "Client workshop");
    expect(entry?.duration_minutes).toBe(90);
    expect(entry?.method).toBe("Manually added time");
    expect(typeof entry?.id).toBe("string");
  });

  it("refuses a time entry whose end is not after its start, in the vendor's envelope", async () => {
    const { error, response } = await client().POST("/time-entries", {
      body: {
        workspace_id: WORKSPACE,
        user_id: 10234,
        date: "2025-03-12",
        start_time: "11:00",
        end_time: "10:00",
      },
    });
    expect(response?.status).toBe(422);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
  });

  it("parses a webhook delivery without any signature, since WebWork documents none", async () => {
    const body = JSON.stringify({
      id: "evt_1",
      event: "tracker.started",
      created_at: "2025-03-14T10:55:00Z",
      workspace_id: WORKSPACE,
      data: { user_id: 10234 },
    });
    const event = await webWorkWebhooks.parse({ body });
    expect(event.event).toBe("tracker.started");
    const bytes = new TextEncoder().encode(body);
    await expect(webWorkWebhooks.parse({ body: bytes, headers: {} })).resolves.toMatchObject({
      workspace_id: WORKSPACE,
    });
    await expect(webWorkWebhooks.parse({ body: "not json" })).rejects.toThrow(/not JSON/);
  });

  it("parses a delivery that lacks fields: WebWork does not document the body, so none is promised", async () => {
    const event = await webWorkWebhooks.parse({ body: '{"event":"tracker.started"}' });
    expect(event.event).toBe("tracker.started");
    // The types make a caller check each field it reads; a missing one is reported, not assumed.
    const startedBy = event.event === "tracker.started" ? event.data?.user_id : undefined;
    expect(startedBy).toBeUndefined();
  });

  it("checks the assumed signature scheme only when the caller asks", async () => {
    const body = '{"event":"tracker.stopped","data":{"user_id":10234}}';
    const headers = await webWorkWebhooks.sign("whsec_test", body);
    await expect(webWorkWebhooks.verify({ body, headers, secret: "whsec_test" })).resolves.toBeUndefined();
    await expect(webWorkWebhooks.verify({ body, headers, secret: "whsec_wrong" })).rejects.toThrow(
      /signature/,
    );
    await expect(webWorkWebhooks.parse({ body, headers: {} })).resolves.toMatchObject({
      event: "tracker.stopped",
    });
  });
});
