import { createBetterworksMock } from "@workapis/betterworks/msw";
import { createBoardCRMMock } from "@workapis/boardcrm/msw";
import type { VendorMock } from "@workapis/mock";
import { createWebWorkMock } from "@workapis/webwork/msw";
import { createWorkglueMock } from "@workapis/workglue/msw";
import { describe, expect, it } from "vitest";
import { SpecModel } from "../conformance/spec-model.ts";

/**
 * A created record holds what the request sent plus what a server makes (ids, timestamps, defaults the
 * spec states): never a value of the spec's examples. Every created id is unique, and a nested record
 * is created only when it is sent, complete by its schema.
 */
type Json = Record<string, unknown>;

async function call(mock: VendorMock, method: string, path: string, body?: unknown, headers: Json = {}) {
  const response = await mock.fetch(`${mock.baseUrl}${path}`, {
    method,
    headers: { Authorization: "Bearer test", "Content-Type": "application/json", ...headers } as Record<
      string,
      string
    >,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

function operation(model: SpecModel, operationId: string) {
  const found = model.operations().find((o) => o.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return found;
}

/** Every string of a spec's success examples for an operation's response: what phantom data looks like. */
function exampleStrings(model: SpecModel, operationId: string): string[] {
  const op = model.operations().find((o) => o.operationId === operationId);
  const responses = (op?.operation["responses"] ?? {}) as Json;
  const success = Object.keys(responses).find((s) => s.startsWith("2")) ?? "200";
  const out: string[] = [];
  const walk = (value: unknown) => {
    // Free text, emails, links and uuids: not enum values, which a server may well answer too.
    if (typeof value === "string" && /[\s@/]|^[0-9a-f]{8}-/.test(value)) out.push(value);
    else if (value !== null && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(model.example(model.json(responses[success])));
  return out;
}

describe("BoardCRM: a deal created without a lead", () => {
  const model = new SpecModel("specs/boardcrm/openapi.yaml");
  it("has no lead, and none of the example's values", async () => {
    const mock = createBoardCRMMock();
    const { status, body } = await call(mock, "POST", "/api/offer/create", {
      access_token: "t",
      column_id: 88214,
      title: "Fence repair",
    });
    expect(status).toBe(200);
    const data = body["data"] as Json;
    expect(data["lead"] ?? null).toBeNull();
    expect(data["lead_id"] ?? null).toBeNull();
    const text = JSON.stringify(body);
    expect(exampleStrings(model, "createOffer").filter((s) => text.includes(s))).toEqual([]);
    expect(model.checkResponse(operation(model, "createOffer"), 200, body)).toEqual([]);
  });

  it("with a lead creates that lead, holding what was sent", async () => {
    const mock = createBoardCRMMock();
    const { body } = await call(mock, "POST", "/api/offer/create", {
      access_token: "t",
      column_id: 88214,
      lead: { name: "Ana Lima", email: "ana@lima.example" },
    });
    const data = body["data"] as Json;
    expect(data["lead_id"]).toEqual(expect.any(Number));
    const lead = await call(mock, "POST", "/api/lead/get", { access_token: "t", id: data["lead_id"] });
    expect(lead.body["data"]).toMatchObject({
      id: data["lead_id"],
      name: "Ana Lima",
      email: "ana@lima.example",
    });
    expect((lead.body["data"] as Json)["organization"] ?? null).toBeNull();
  });
});

describe("WebWork: an invited member", () => {
  it("gets a new id of its own, and a read-back returns what was sent", async () => {
    const mock = createWebWorkMock();
    const invite = (email: string, firstname: string) =>
      call(mock, "POST", "/members?workspace_id=4821", {
        email,
        firstname,
        lastname: "Okoye",
        role: "Regular User",
      });
    const first = await invite("ngozi@okoye.example", "Ngozi");
    const second = await invite("chidi@okoye.example", "Chidi");
    expect(first.status).toBe(201);
    const ids = [first, second].map((r) => (r.body["data"] as Json)["user_id"]);
    expect(new Set(ids).size).toBe(2);
    const seededIds = mock.store
      .list("member")
      .slice(0, -2)
      .map((m) => m["id"]);
    for (const id of ids) expect(seededIds).not.toContain(id);
    const read = await call(mock, "GET", `/members/${String(ids[0])}?workspace_id=4821`);
    expect(read.status).toBe(200);
    expect(read.body["data"]).toMatchObject({ id: ids[0], email: "ngozi@okoye.example", firstname: "Ngozi" });
    expect(typeof (read.body["data"] as Json)["status"]).toBe("string");
  });
});

describe("Workglue: a customer created with its primary contact", () => {
  const model = new SpecModel("specs/workglue/openapi.yaml");
  it("stores a complete contact of that customer, holding what was sent", async () => {
    const mock = createWorkglueMock();
    const { status, body } = await call(mock, "POST", "/customers", {
      name: "Kestrel Roofing",
      billing_address: { address_1: "1 Main St", city: "Austin", state: "TX", zip: "78701", country: "US" },
      primary_contact: { first_name: "Iris", last_name: "Kestrel", email: "iris@kestrel.example" },
    });
    expect(status).toBe(201);
    const customer = body["data"] as Json;
    const contact = await call(mock, "GET", `/contacts/${String(customer["primary_contact_id"])}`);
    expect(contact.status).toBe(200);
    expect(contact.body["data"]).toMatchObject({
      customer_id: customer["id"],
      first_name: "Iris",
      last_name: "Kestrel",
      email: "iris@kestrel.example",
      is_primary: true,
    });
    const getContact = operation(model, "getContact");
    expect(model.checkResponse(getContact, 200, contact.body)).toEqual([]);
    const text = JSON.stringify(body);
    expect(exampleStrings(model, "createCustomer").filter((s) => text.includes(s))).toEqual([]);
  });
});

describe("Betterworks: created goals", () => {
  const model = new SpecModel("specs/betterworks/openapi.yaml");
  it("each have their own uuid and none of the example's description or parent", async () => {
    const mock = createBetterworksMock();
    const owner = mock.store.list("user")[0]?.["id"];
    const create = (name: string) =>
      call(
        mock,
        "POST",
        "/goals/",
        { name, owner_id: owner, start: "2026-01-01", end: "2026-03-31" },
        { Authorization: "APIToken test" },
      );
    const [a, b] = [await create("Cut churn"), await create("Hire two SREs")];
    expect(a.status).toBe(201);
    expect(a.body["uuid"]).not.toEqual(b.body["uuid"]);
    expect(a.body["id"]).not.toEqual(b.body["id"]);
    expect(a.body).toMatchObject({ name: "Cut churn", description: null, parent: null });
    expect(a.body["owner"]).toMatchObject({ type: "user", user: { id: owner } });
    const createGoal = operation(model, "createGoal");
    expect(model.checkResponse(createGoal, 201, a.body)).toEqual([]);
    const text = JSON.stringify(a.body);
    expect(exampleStrings(model, "createGoal").filter((s) => text.includes(s))).toEqual([]);
  });
});
