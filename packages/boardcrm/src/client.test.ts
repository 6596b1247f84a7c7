import { HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ApiError, createBoardCRMClient, NotFoundError, UnprocessableEntityError, unwrap } from "./index.ts";
import { createBoardCRMMock } from "./msw.ts";

const mock = createBoardCRMMock();
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => mock.reset());
afterAll(() => server.close());

const client = () => createBoardCRMClient({ token: "board-token-test", retry: false, logLevel: "off" });

describe("@workapis/boardcrm against its mock", () => {
  it("creates a deal with a new lead in one call; both records exist", async () => {
    const created = await unwrap(
      client().POST("/api/offer/create", {
        body: {
          column_id: 88214,
          title: "Roof repair",
          lead: { name: "Ana Ruiz", email: "ana@example.org" },
        },
      }),
    );
    const leadId = created.data.lead?.id;
    expect(leadId).toBeTypeOf("number");
    expect(mock.store.get("offer", created.data.id)).toMatchObject({ title: "Roof repair" });
    const lead = await unwrap(client().POST("/api/lead/get", { body: { id: leadId as number } }));
    expect(lead.data.name).toBe("Ana Ruiz");
  });

  it("pages through leads with body parameters", async () => {
    const all = await client()
      .paginate("/api/lead/list", { body: { limit: 10 } })
      .toArray();
    expect(all.length).toBe(mock.store.list("lead").length);
    expect(new Set(all.map((l) => l.id)).size).toBe(all.length);
  });

  it("maps a status:false envelope inside HTTP 200 to a typed error with the numeric code", async () => {
    mock.override("getOffer", () =>
      HttpResponse.json({ status: false, error: 4030, message: "Access error" }),
    );
    const { error } = await client().POST("/api/offer/get", { body: { id: 1 } });
    expect(error).toBeInstanceOf(ApiError);
    expect(error?.code).toBe(4030);
    expect(error?.message).toBe("Access error");
  });

  it("reports a missing record and an invalid body with the vendor's envelope", async () => {
    const missing = await client().POST("/api/offer/get", { body: { id: 999999999 } });
    expect(missing.error).toBeInstanceOf(NotFoundError);
    const invalid = await client().POST("/api/comment/create", {
      body: { offer_id: 999999999, text: "x" } as never,
    });
    expect(invalid.error).toBeInstanceOf(UnprocessableEntityError);
    expect(Object.keys(invalid.error?.details ?? {})).not.toHaveLength(0);
  });

  it("sends the board token as access_token and never leaks it into errors", async () => {
    const { error } = await client().POST("/api/offer/get", { body: { id: 999999999 } });
    expect(error?.request?.url).toContain("access_token=%5Bredacted%5D");
    expect(JSON.stringify(error)).not.toContain("board-token-test");
  });
});
