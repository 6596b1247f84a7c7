import { request as httpRequest } from "node:http";
import { createBetterworksMock } from "@workapis/betterworks/msw";
import { createBoardCRMMock } from "@workapis/boardcrm/msw";
import type { VendorMock } from "@workapis/mock";
import { serveMock } from "@workapis/mock/server";
import { createWorkBoardMock } from "@workapis/workboard/msw";
import { createWorkglueMock } from "@workapis/workglue/msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRequest } from "../conformance/request-builder.ts";
import { isObj, SpecModel, type SpecOperation, vendors } from "../conformance/spec-model.ts";

/**
 * The mocks refuse what the vendor refuses, in the vendor's own error bodies: impossible dates,
 * a missing required header, a method the path does not define, a path id of the wrong type.
 */
type Json = Record<string, unknown>;

const betterworks = new SpecModel("specs/betterworks/openapi.yaml");
const workboard = new SpecModel("specs/workboard/openapi.yaml");

function operation(model: SpecModel, operationId: string): SpecOperation {
  const found = model.operations().find((o) => o.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return found;
}

async function answer(response: Response) {
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : undefined) as Json,
  };
}

describe("dates are checked for real, not only their shape", () => {
  const createGoal = operation(betterworks, "createGoal");
  const example = betterworks.example(betterworks.json(createGoal.operation["requestBody"])) as Json;
  const send = (mock: VendorMock, start: string) =>
    mock
      .fetch(`${mock.baseUrl}/goals/`, {
        method: "POST",
        headers: { Authorization: "APIToken test", "Content-Type": "application/json" },
        body: JSON.stringify({ ...example, start, end: "2026-12-31" }),
      })
      .then(answer);

  it.each(["2024-13-01", "2024-02-30", "2023-02-29", "2024-04-31", "2024-00-10"])(
    "refuses the date %s with the vendor's validation error",
    async (start) => {
      const { status, body } = await send(createBetterworksMock(), start);
      expect(status).toBe(422);
      expect(Object.keys((body["errors"] ?? {}) as Json)).toEqual(["start"]);
      expect(betterworks.checkResponse(createGoal, status, body)).toEqual([]);
    },
  );

  it("accepts 29 February in a leap year", async () => {
    const { status, body } = await send(createBetterworksMock(), "2024-02-29");
    expect(status).toBe(201);
    expect(body["start"]).toBe("2024-02-29");
  });

  const listFeedback = operation(betterworks, "listFeedback");
  const list = (mock: VendorMock, after: string) =>
    mock
      .fetch(`${mock.baseUrl}/feedback/?created_after=${encodeURIComponent(after)}`, {
        headers: { Authorization: "APIToken test" },
      })
      .then(answer);

  it.each([
    "2025-10-01T25:00:00Z",
    "2025-02-30T10:00:00Z",
    "2025-10-01T10:61:00Z",
    "2025-13-01T10:00:00Z",
    "2025-10-01",
  ])("refuses the date-time %s", async (after) => {
    const { status, body } = await list(createBetterworksMock(), after);
    expect(status).toBe(400);
    expect(Object.keys((body["errors"] ?? {}) as Json)).toEqual(["created_after"]);
    expect(betterworks.checkResponse(listFeedback, status, body)).toEqual([]);
  });

  it("accepts a real date-time", async () => {
    expect((await list(createBetterworksMock(), "2024-02-29T23:59:59+02:00")).status).toBe(200);
  });
});

describe("values the spec only assumes are not refused", () => {
  const mock = createBetterworksMock();
  const call = (path: string, init: RequestInit = {}) =>
    mock
      .fetch(`${mock.baseUrl}${path}`, {
        ...init,
        headers: { Authorization: "APIToken test", "Content-Type": "application/json" },
      })
      .then(answer);

  it("a role or status filter outside the assumed list is a filter, not a 400", async () => {
    expect((await call("/users/?role=manager")).status).toBe(200);
    expect((await call("/feedback/?status=archived")).status).toBe(200);
  });

  it("Workglue: a stage group or system role spelled otherwise than assumed is a filter, not a 400", async () => {
    const workglue = createWorkglueMock();
    const get = (path: string) =>
      workglue.fetch(`${workglue.baseUrl}${path}`, { headers: { Authorization: "Bearer test" } });
    expect((await get("/jobs?stage_group=Active")).status).toBe(200);
    expect((await get("/employees?system_role=Manager")).status).toBe(200);
  });

  it("a length, id or spelling beyond the assumed limits is sent on, while the documented size limit stays", async () => {
    const user = {
      email: "long.names@example.com",
      first_name: "A".repeat(200),
      last_name: "B",
      title: "T".repeat(300),
    };
    const created = await call("/users/", { method: "POST", body: JSON.stringify(user) });
    expect(created.status).not.toBe(400);
    expect(created.status).not.toBe(422);
    expect((await call(`/users/?employee_id=${"E".repeat(65)}`)).status).toBe(200);
    expect((await call("/recognition/?hashtag=team-spirit")).status).toBe(200);
    expect((await call("/users/?size=101")).status).toBe(400);
  });

  it("Workglue: a value past an assumed length, format or range is sent on, not a 400 or 422", async () => {
    const workglue = createWorkglueMock();
    const call = (path: string, method = "GET", body?: unknown) =>
      workglue
        .fetch(`${workglue.baseUrl}${path}`, {
          method,
          headers: { Authorization: "Bearer test", "Content-Type": "application/json" },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        })
        .then(answer);
    // The page size limit is assumed: a larger one is not refused, the mock serves at most 100.
    const page = await call("/jobs?per_page=500");
    expect(page.status).toBe(200);
    expect((page.body["meta"] as Json)["pagination"]).toMatchObject({ per_page: 100 });
    expect((await call(`/customers?q=${"x".repeat(300)}`)).status).toBe(200);
    expect((await call("/jobs?customer_id=0")).status).toBe(200);
    const job = { name: "J".repeat(300), customer_id: 3108, estimated_value: -5 };
    expect((await call("/jobs", "POST", job)).status).toBe(201);
    const contact = { customer_id: 3108, first_name: "", phone: "512-555-0143" };
    expect((await call("/contacts", "POST", contact)).status).toBe(201);
    const address = { address_1: "", city: "Austin", state: "TX", zip: "78701", country: "USA" };
    const customer = {
      name: "Quarry Lane HOA",
      billing_address: address,
      primary_contact: { first_name: "Ana" },
    };
    expect((await call("/customers", "POST", customer)).status).toBe(201);
    const employee = {
      type: "user",
      first_name: "Ana",
      last_name: "Ruiz",
      mobile_phone: "(512) 555-0199",
      system_role: "mobile_only",
      positions: ["field_worker", "field_worker"],
      hourly_rate: -1,
    };
    expect((await call("/employees", "POST", employee)).status).toBe(201);
    expect((await call("/job-types/41", "PATCH", {})).status).toBe(200);
  });

  it("a role assignment with a role outside the assumed list, or more than 100 of them, is sent on", async () => {
    const roles = Array.from({ length: 101 }, (_, i) => ({ email: `user${i}@example.com`, role: "manager" }));
    const { status } = await call("/users/roles/", { method: "PUT", body: JSON.stringify({ roles }) });
    expect(status).not.toBe(400);
    expect(status).not.toBe(422);
  });
});

describe("headers the spec requires", () => {
  const push = operation(workboard, "pushDatastreamValue");
  const body = JSON.stringify(workboard.example(workboard.json(push.operation["requestBody"])));
  const send = (headers: Record<string, string>) => {
    const mock = createWorkBoardMock();
    return mock
      .fetch(`${mock.baseUrl}/stream/6034`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...headers },
        body,
      })
      .then(answer);
  };

  it.each([
    ["is missing", {}],
    ["is empty", { "X-Stream-Signature": "" }],
  ])("refuse a datastream push whose X-Stream-Signature %s, as the spec documents", async (_, headers) => {
    const { status, body: answered } = await send(headers);
    expect(status).toBe(400);
    expect(answered["success"]).toBe(false);
    expect(JSON.stringify(answered)).toContain("X-Stream-Signature");
    expect(workboard.checkResponse(push, status, answered)).toEqual([]);
  });

  it("accept it when it is sent", async () => {
    expect((await send({ "X-Stream-Signature": "demo-signature" })).status).toBe(200);
  });
});

describe("the request id", () => {
  const get = (headers: Record<string, string>) => {
    const mock = createBetterworksMock();
    return mock.fetch(`${mock.baseUrl}/goals/12084804/`, {
      headers: { Authorization: "APIToken test", ...headers },
    });
  };

  it("is echoed when the caller sends one", async () => {
    expect((await get({ "X-Request-Id": "call-17" })).headers.get("X-Request-Id")).toBe("call-17");
  });

  it("is a fresh one when the caller's is empty", async () => {
    const id = (await get({ "X-Request-Id": "" })).headers.get("X-Request-Id");
    expect(id).toMatch(/\S/);
  });
});

/** A request whose method Node's fetch refuses to send (TRACE), made with node:http. */
function rawRequest(url: string, method: string) {
  return new Promise<{ status: number; allow: string | undefined; body: Json }>((resolve, reject) => {
    const sent = httpRequest(url, { method, headers: { Authorization: "APIToken test" } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () => {
        let body: Json = {};
        try {
          body = (text ? JSON.parse(text) : {}) as Json;
        } catch {
          body = { text };
        }
        resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, body });
      });
    });
    sent.on("error", reject);
    sent.end();
  });
}

describe("a method the path does not define", () => {
  const expectRefused = (status: number, allow: string | null | undefined, body: Json) => {
    expect(status).toBe(405);
    expect(allow?.split(/,\s*/).sort()).toEqual(["GET", "POST"]);
    expect(body["success"]).toBe(false);
  };

  describe("through the server", () => {
    const mock = createBetterworksMock();
    let base = "";
    let close = async () => {};
    beforeAll(async () => {
      const server = await serveMock(mock);
      base = server.url;
      close = server.close;
    });
    afterAll(() => close());

    it.each(["TRACE", "OPTIONS", "PATCH", "PUT", "DELETE"])(
      "answers %s with 405 and Allow",
      async (method) => {
        const { status, allow, body } = await rawRequest(`${base}/goals/12084804/`, method);
        expectRefused(status, allow, body);
      },
    );

    it("still answers 404 for a path no operation has", async () => {
      expect((await rawRequest(`${base}/nothing-here/`, "TRACE")).status).toBe(404);
    });
  });

  describe("through msw", () => {
    const mock = createBetterworksMock();
    const msw = setupServer(...mock.handlers);
    beforeAll(() => msw.listen({ onUnhandledRequest: "error" }));
    afterAll(() => msw.close());

    it.each(["OPTIONS", "PATCH", "PUT", "DELETE"])("answers %s with 405 and Allow", async (method) => {
      const response = await fetch(`${mock.baseUrl}/goals/12084804/`, {
        method,
        headers: { Authorization: "APIToken test" },
      });
      const { status, headers, body } = await answer(response);
      expectRefused(status, headers.get("Allow"), body);
    });
  });
});

/** A path parameter's schema asks for an integer or a uuid: a value that is neither is malformed. */
function malformable(model: SpecModel, op: SpecOperation): string[] {
  return op.parameters
    .filter((p) => p["in"] === "path")
    .filter((p) => {
      const schema = model.deref(p["schema"]);
      return isObj(schema) && (schema["type"] === "integer" || schema["format"] === "uuid");
    })
    .map((p) => String(p["name"]));
}

describe("a malformed path id gets the 400 the spec documents", () => {
  for (const { vendor, spec } of vendors()) {
    const model = new SpecModel(spec);
    const cases = model.operations().flatMap((op) => malformable(model, op).map((name) => ({ op, name })));
    if (cases.length === 0) continue;
    it(`${vendor}: ${cases.length} path ids`, async () => {
      const module = (await import(`@workapis/${vendor}/msw`)) as Record<string, () => VendorMock>;
      const factory = Object.entries(module).find(([name]) => /^create\w+Mock$/.test(name))?.[1];
      if (!factory) throw new Error(`no mock factory for ${vendor}`);
      const mock = factory();
      const problems: string[] = [];
      for (const { op, name } of cases) {
        const built = buildRequest(model, mock, op).request;
        const url = new URL(built.url);
        const base = new URL(
          mock.spec.operations.find((o) => o.operationId === op.operationId)?.serverUrl ?? mock.baseUrl,
        ).pathname.replace(/\/$/, "");
        const values = new RegExp(`^${op.path.replace(/\{[^}]+\}/g, "([^/]+)")}/?$`).exec(
          url.pathname.slice(base.length),
        );
        let index = 0;
        url.pathname = `${base}${op.path.replace(/\{([^}]+)\}/g, (_, param: string) => {
          index++;
          return param === name ? "not-an-id" : (values?.[index] ?? "1");
        })}`;
        const sent = new Request(url, built);
        const { status, body } = await answer(
          (await mock.handle(sent)) ?? new Response(null, { status: 599 }),
        );
        const where = `${op.operationId} ${name}`;
        // The vendor's 400, documented on every operation that takes an id in its path.
        if (status !== 400) problems.push(`${where}: status ${status}`);
        for (const found of model.checkResponse(op, status, body))
          problems.push(`${where}: ${status} ${found}`);
      }
      expect(problems).toEqual([]);
    });
  }
});

describe("BoardCRM: errors of a new deal's lead", () => {
  const model = new SpecModel("specs/boardcrm/openapi.yaml");
  const createOffer = operation(model, "createOffer");

  it("are grouped under details.lead, field → message, as the spec gives them", async () => {
    const mock = createBoardCRMMock();
    const response = await mock.fetch(`${mock.baseUrl}/api/offer/create`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "access_token=t&column_id=88214&lead[name][first]=Maria",
    });
    const { status, body } = await answer(response);
    expect(status).toBe(422);
    const details = body["details"] as Json;
    expect(Object.keys(details)).toEqual(["lead"]);
    expect(Object.keys(details["lead"] as Json)).toEqual(["name"]);
    expect(typeof (details["lead"] as Json)["name"]).toBe("string");
    expect(model.checkResponse(createOffer, status, body)).toEqual([]);
  });
});
