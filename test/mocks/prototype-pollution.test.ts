import { createBoardCRMMock } from "@workapis/boardcrm/msw";
import { serveMock } from "@workapis/mock/server";
import { createWebWorkMock } from "@workapis/webwork/msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

/**
 * Keys that reach an object's prototype (`__proto__`, `constructor`, `prototype`) in a body, form or
 * query key are refused with the vendor's validation error, and nothing outside the request changes:
 * not `Object.prototype`, not the validation of later requests.
 */
const FORBIDDEN_FORMS = [
  "access_token=t&__proto__[column_id]=5",
  "access_token=t&lead[__proto__][name]=x",
  "access_token=t&constructor[prototype][column_id]=5",
  "access_token=t&offers[0][prototype]=5",
];
const form = { "Content-Type": "application/x-www-form-urlencoded" };

function polluted(): unknown[] {
  const probe: Record<string, unknown> = {};
  return [probe["column_id"], probe["name"], probe["polluted"]].filter((v) => v !== undefined);
}

async function expectRefused(response: Response) {
  expect([400, 422]).toContain(response.status);
  const body = (await response.json()) as { status: boolean; details?: Record<string, unknown> };
  expect(body.status).toBe(false);
  expect(JSON.stringify(body.details)).toMatch(/__proto__|constructor|prototype/);
}

describe.each([
  ["node server", "server"],
  ["msw", "msw"],
] as const)("prototype keys through the %s", (_label, kind) => {
  const mock = createBoardCRMMock();
  const msw = setupServer(...mock.handlers);
  let base = mock.baseUrl;
  let close = async () => {};
  beforeAll(async () => {
    if (kind === "server") {
      const server = await serveMock(mock);
      base = server.url;
      close = server.close;
    } else {
      msw.listen({ onUnhandledRequest: "error" });
      close = async () => msw.close();
    }
  });
  afterAll(() => close());
  afterEach(() => mock.reset());

  it.each(FORBIDDEN_FORMS)("refuses the form body %s and pollutes nothing", async (body) => {
    await expectRefused(await fetch(`${base}/api/offer/create`, { method: "POST", headers: form, body }));
    expect(polluted()).toEqual([]);
  });

  it("refuses a multipart key through __proto__", async () => {
    const data = new FormData();
    data.set("access_token", "t");
    data.set("__proto__[column_id]", "5");
    await expectRefused(await fetch(`${base}/api/offer/create`, { method: "POST", body: data }));
    expect(polluted()).toEqual([]);
  });

  it.each([
    '{"access_token":"t","column_id":1,"__proto__":{"polluted":1}}',
    '{"access_token":"t","column_id":1,"lead":{"name":"A","constructor":{"prototype":{"polluted":1}}}}',
  ])("refuses the JSON body %s", async (body) => {
    const headers = { "Content-Type": "application/json" };
    await expectRefused(await fetch(`${base}/api/offer/create`, { method: "POST", headers, body }));
    expect(polluted()).toEqual([]);
  });

  it("refuses a query key through __proto__", async () => {
    const response = await fetch(`${base}/api/field/list?access_token=t&__proto__[polluted]=1`, {
      method: "POST",
    });
    await expectRefused(response);
  });

  it("validates later requests as before", async () => {
    await fetch(`${base}/api/offer/create`, {
      method: "POST",
      headers: form,
      body: FORBIDDEN_FORMS[0] ?? "",
    });
    const response = await fetch(`${base}/api/offer/create`, {
      method: "POST",
      headers: form,
      body: "access_token=t&column_id=abc",
    });
    const body = (await response.json()) as { details?: Record<string, unknown> };
    expect(JSON.stringify(body.details)).not.toContain("5 The");
  });
});

describe("prototype keys in a JSON vendor's body (WebWork)", () => {
  it("refuses them with WebWork's own validation error", async () => {
    const mock = createWebWorkMock();
    const response = await mock.fetch(`${mock.baseUrl}/projects?workspace_id=4821`, {
      method: "POST",
      headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
      body: '{"name":"P","__proto__":{"polluted":1}}',
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { success: boolean };
    expect(body.success).toBe(false);
    expect(polluted()).toEqual([]);
  });
});
