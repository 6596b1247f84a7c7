import { HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  AuthenticationError,
  createWorkglueClient,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  unwrap,
} from "./index.ts";
import { createWorkglueMock } from "./msw.ts";

const mock = createWorkglueMock();
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => mock.reset());
afterAll(() => server.close());

const ACCOUNT_KEY = "wg_account_key_test_4f2a9c";
const client = (token: string = ACCOUNT_KEY) =>
  createWorkglueClient({
    token,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    logLevel: "off",
    rateLimit: false,
  });

describe("@workapis/workglue against its mock", () => {
  it("reads one job with typed data", async () => {
    const { data, error } = await client().GET("/jobs/{jobId}", { params: { path: { jobId: 5203 } } });
    expect(error).toBeUndefined();
    expect(data?.success).toBe(true);
    expect(data?.data?.id).toBe(5203);
    expect(data?.data?.name).toBe("Hollis Ridge Clubhouse - Exterior Repaint");
    expect(data?.data?.stage_group).toBe("active");
    expect(data?.data?.site_address?.city).toBe("Austin");
  });

  it("creates an opportunity the mock then returns", async () => {
    const created = await unwrap(
      client().POST("/jobs", {
        body: {
          name: "Barton Creek Office - Stairwell Repaint",
          customer_id: 3109,
          stage_id: 301,
          estimated_value: 4300,
          sales_person_id: 211,
        },
      }),
    );
    expect(created.data?.name).toBe("Barton Creek Office - Stairwell Repaint");
    expect(mock.store.list("job").some((j) => j["id"] === created.data?.id)).toBe(true);
    // Every response field is optional (Workglue documents no body), so the test insists on the id.
    const jobId = created.data?.id;
    if (jobId === undefined) throw new Error("the created job has no id");
    const read = await unwrap(client().GET("/jobs/{jobId}", { params: { path: { jobId } } }));
    expect(read.data).toMatchObject({ customer_id: 3109, estimated_value: 4300 });
  });

  it("paginates customers page by page with page/per_page and meta.pagination.last_page", async () => {
    const sizes: number[] = [];
    const ids: (number | undefined)[] = [];
    for await (const page of client()
      .paginate("/customers", { params: { query: { per_page: 10 } } })
      .pages()) {
      sizes.push(page.items.length);
      ids.push(...page.items.map((c) => c.id));
    }
    const total = mock.store.list("customer").length;
    expect(total).toBeGreaterThan(20);
    expect(sizes).toEqual([10, 10, total - 20]);
    expect(new Set(ids).size).toBe(total);
    // The default page size is 25: an item iterator sees every record too.
    const all = await client().paginate("/customers").toArray();
    expect(all.map((c) => c.id)).toEqual(ids);
  });

  it("reports an invalid body as a 422 with field details and the typed code", async () => {
    const { error } = await client().POST("/contacts", {
      body: { customer_id: 3108, email: "not-an-email" } as never,
    });
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error?.status).toBe(422);
    expect(error?.code).toBe("validation_failed");
    expect(error?.details?.["first_name"]?.[0]).toMatch(/first_name/);
    expect(Object.keys(error?.details ?? {})).toContain("email");
  });

  it("reads the vendor's error code from the envelope (404 not_found)", async () => {
    const { data, error } = await client().GET("/customers/{customerId}", {
      params: { path: { customerId: 999999 } },
    });
    expect(data).toBeUndefined();
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error?.code).toBe("not_found");
    expect(error?.body?.success).toBe(false);
  });

  it("retries a 429 with Retry-After to success, and surfaces it when retries run out", async () => {
    mock.scenario("listJobs", { kind: "error", status: 429, retryAfter: 0 }, 2);
    const ok = await client().GET("/jobs");
    expect(ok.error).toBeUndefined();
    expect(ok.data?.data?.length).toBeGreaterThan(0);

    mock.scenario("listJobs", { kind: "error", status: 429, retryAfter: 7 });
    const { error } = await client().GET("/jobs", { retry: false });
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error?.code).toBe("rate_limited");
    expect(error?.headers?.get("Retry-After")).toBe("7");
  });

  it("gives up on a 500 after the retries and reports internal_error", async () => {
    mock.scenario("getEmployee", { kind: "error", status: 500 }, 3);
    const { error } = await client().GET("/employees/{employeeId}", {
      params: { path: { employeeId: 208 } },
    });
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error?.code).toBe("internal_error");
    // The fourth call is past the armed failures and succeeds.
    const again = await client().GET("/employees/{employeeId}", { params: { path: { employeeId: 208 } } });
    expect(again.data?.data?.first_name).toBe("Rosa");
  });

  it("sends the Account API Key as a bearer token and never leaks it into errors", async () => {
    let seen: string | null = null;
    mock.override("getJob", ({ request }) => {
      seen = request.headers.get("authorization");
      return HttpResponse.json(
        { success: false, code: "not_found", message: "No job with ID 1 exists in this account." },
        { status: 404 },
      );
    });
    const { error } = await client().GET("/jobs/{jobId}", { params: { path: { jobId: 1 } } });
    expect(seen).toBe(`Bearer ${ACCOUNT_KEY}`);
    expect(error?.request?.headers["authorization"]).toBe("[redacted]");
    expect(JSON.stringify(error)).not.toContain(ACCOUNT_KEY);
    expect(String(error?.stack)).not.toContain(ACCOUNT_KEY);
  });
});

describe("Workglue specifics", () => {
  it("refuses a User Personal API Key with 403 personal_api_key_not_allowed", async () => {
    // Ready scenario: the spec's 403 example is the personal-key refusal.
    mock.scenario("listCustomers", { kind: "error", status: 403 });
    const first = await client("wg_personal_key_test").GET("/customers");
    expect(first.error).toBeInstanceOf(PermissionDeniedError);
    expect(first.error?.code).toBe("personal_api_key_not_allowed");

    // Override: a server that tells the two keys apart.
    mock.override("listCustomers", ({ request }) =>
      request.headers.get("authorization") === `Bearer ${ACCOUNT_KEY}`
        ? {
            success: true,
            data: [],
            meta: { pagination: { total: 0, per_page: 25, current_page: 1, last_page: 1 } },
          }
        : HttpResponse.json(
            {
              success: false,
              code: "personal_api_key_not_allowed",
              message: "User Personal API Keys cannot be used with the Public API.",
            },
            { status: 403 },
          ),
    );
    const personal = await client("wg_personal_key_test").GET("/customers", { retry: false });
    expect(personal.error).toBeInstanceOf(PermissionDeniedError);
    expect(personal.error?.status).toBe(403);
    expect(personal.error?.code).toBe("personal_api_key_not_allowed");
    expect(personal.error?.message).toMatch(/Personal API Keys/);
    const account = await client().GET("/customers");
    expect(account.error).toBeUndefined();
    expect(account.data?.data).toEqual([]);
  });

  it("answers a request without a key with 401 missing_api_key", async () => {
    const { error } = await client("").GET("/job-types");
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error?.code).toBe("missing_api_key");
  });

  it("checks a new contact's customer_id: 422 on a missing customer, listed on an existing one", async () => {
    const before = mock.store.list("contact").length;
    const missing = await client().POST("/contacts", {
      body: { customer_id: 3999, first_name: "Jordan", last_name: "Kapoor" },
    });
    expect(missing.error).toBeInstanceOf(UnprocessableEntityError);
    expect(missing.error?.code).toBe("validation_failed");
    expect(Object.keys(missing.error?.details ?? {})).toEqual(["customer_id"]);
    expect(missing.error?.details?.["customer_id"]?.[0]).toMatch(/3999/);
    expect(mock.store.list("contact")).toHaveLength(before);

    const created = await unwrap(
      client().POST("/contacts", {
        body: {
          customer_id: 3109,
          job_id: 5217,
          first_name: "Jordan",
          last_name: "Kapoor",
          email: "jordan.kapoor@kapoorfamily.example",
        },
      }),
    );
    expect(created.data).toMatchObject({ customer_id: 3109, job_id: 5217, first_name: "Jordan" });
    const listed = await client().paginate("/contacts").toArray();
    expect(listed.find((c) => c.id === created.data?.id)?.email).toBe("jordan.kapoor@kapoorfamily.example");
    expect(listed).toHaveLength(before + 1);
  });

  it("filters jobs and opportunities of one resource by stage group and kind", async () => {
    const jobs = mock.store.list("job");
    for (const group of ["sales", "active", "closed"] as const) {
      const page = await unwrap(
        client().GET("/jobs", { params: { query: { stage_group: group, per_page: 100 } } }),
      );
      expect(page.data?.length).toBe(jobs.filter((j) => j["stage_group"] === group).length);
      expect(page.data?.every((j) => j.stage_group === group)).toBe(true);
      expect(page.meta?.pagination?.total).toBe(page.data?.length);
    }
    const opportunities = await client()
      .paginate("/jobs", { params: { query: { kind: "opportunity" } } })
      .toArray();
    expect(opportunities.length).toBeGreaterThan(0);
    expect(opportunities.every((j) => j.kind === "opportunity")).toBe(true);
    expect(opportunities.length).toBe(jobs.filter((j) => j["kind"] === "opportunity").length);
    expect(opportunities.length).toBeLessThan(jobs.length);
  });

  it("tells employees apart as users and subs", async () => {
    const subs = await client()
      .paginate("/employees", { params: { query: { type: "sub" } } })
      .toArray();
    const users = await client()
      .paginate("/employees", { params: { query: { type: "user" } } })
      .toArray();
    expect(subs.length).toBeGreaterThan(0);
    expect(users.length).toBeGreaterThan(0);
    expect(subs.every((e) => e.type === "sub")).toBe(true);
    expect(users.every((e) => e.type === "user")).toBe(true);
    expect(subs.length + users.length).toBe(mock.store.list("employee").length);
    expect(subs.find((e) => e.id === 230)?.company_name).toBe("Brightline Drywall LLC");

    const sub = await unwrap(
      client().POST("/employees", {
        body: { type: "sub", first_name: "Ines", last_name: "Paredes", company_name: "Paredes Drywall" },
      }),
    );
    expect(sub.data?.type).toBe("sub");
    const after = await client()
      .paginate("/employees", { params: { query: { type: "sub" } } })
      .toArray();
    expect(after.map((e) => e.id)).toContain(sub.data?.id);
    expect(after).toHaveLength(subs.length + 1);
  });

  it("runs a customer through create, get, PATCH, delete and a 404 afterwards", async () => {
    const created = await unwrap(
      client().POST("/customers", {
        body: {
          name: "Zilker Yoga Studio",
          phone: "+15125550177",
          billing_address: { address_1: "2201 Barton Springs Rd", city: "Austin", state: "TX", zip: "78704" },
          customer_type: "Commercial",
          primary_contact: { first_name: "Noor", last_name: "Haddad", email: "noor@zilkeryoga.example" },
        },
      }),
    );
    const customerId = created.data?.id;
    if (customerId === undefined) throw new Error("the created customer has no id");
    expect(created.data?.name).toBe("Zilker Yoga Studio");

    const read = await unwrap(client().GET("/customers/{customerId}", { params: { path: { customerId } } }));
    expect(read.data).toMatchObject({ id: customerId, phone: "+15125550177" });

    const updated = await unwrap(
      client().PATCH("/customers/{customerId}", {
        params: { path: { customerId } },
        body: { name: "Zilker Yoga & Pilates", phone: null },
      }),
    );
    expect(updated.data).toMatchObject({ id: customerId, name: "Zilker Yoga & Pilates", phone: null });
    expect(updated.data?.customer_type).toBe("Commercial"); // fields left out keep their values
    expect(mock.store.get("customer", customerId)?.["name"]).toBe("Zilker Yoga & Pilates");

    const deleted = await unwrap(
      client().DELETE("/customers/{customerId}", { params: { path: { customerId } } }),
    );
    expect(deleted.data).toEqual({ id: customerId, deleted: true });

    const gone = await client().GET("/customers/{customerId}", { params: { path: { customerId } } });
    expect(gone.error).toBeInstanceOf(NotFoundError);
    expect(gone.error?.status).toBe(404);
    expect(gone.error?.code).toBe("not_found");
    const again = await client().DELETE("/customers/{customerId}", { params: { path: { customerId } } });
    expect(again.error).toBeInstanceOf(NotFoundError);
  });
});
