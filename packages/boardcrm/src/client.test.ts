import { HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  type BoardCRMClient,
  type BoardCRMErrorCode,
  createBoardCRMClient,
  InternalServerError,
  NotFoundError,
  UnprocessableEntityError,
  unwrap,
} from "./index.ts";
import { createBoardCRMMock } from "./msw.ts";

const mock = createBoardCRMMock();
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => mock.reset());
afterAll(() => server.close());

const BASE = "https://api.boardcrm.io";
const TOKEN = "board-token-test";
const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
/** Seeded records: the spec's examples come first. */
const DEAL = 3779551;
const LEAD = 1204518;
const COLUMN = 88214;

const client = () => createBoardCRMClient({ token: TOKEN, retry: false, logLevel: "off" });

/** A client with fast retries that records every attempt it sends (cloned, so bodies stay readable). */
function recordingClient(token = TOKEN): { client: BoardCRMClient; sent: Request[] } {
  const sent: Request[] = [];
  const recording = createBoardCRMClient({
    token,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    logLevel: "off",
    fetch: (request) => {
      sent.push(request.clone());
      return fetch(request);
    },
  });
  return { client: recording, sent };
}

/** A request straight to the mock (no client): the way a form post or a curl call arrives. */
const post = (action: string, init: RequestInit & { query?: string } = {}) =>
  mock.handle(
    new Request(`${BASE}/api/${action}${init.query === undefined ? "" : `?${init.query}`}`, {
      method: "POST",
      ...init,
    }),
  );

async function bodyOf(response: Response | undefined): Promise<Record<string, unknown>> {
  if (!response) throw new Error("the mock did not answer");
  return (await response.json()) as Record<string, unknown>;
}

describe("@workapis/boardcrm against its mock", () => {
  describe("reads, writes and state", () => {
    it("reads a deal with typed data in BoardCRM's field types", async () => {
      const { data, error } = await client().POST("/api/offer/get", { body: { id: DEAL } });
      expect(error).toBeUndefined();
      expect(data?.status).toBe(true);
      expect(data?.data.id).toBe(DEAL);
      expect(data?.data.column_id).toBeGreaterThanOrEqual(1);
      expect(data?.data.created_at).toMatch(DATETIME);
    });

    it("creates a deal with a new lead in one call; both records exist", async () => {
      const created = await unwrap(
        client().POST("/api/offer/create", {
          body: {
            column_id: COLUMN,
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

    it("updates a lead; the next read returns the change", async () => {
      const updated = await unwrap(
        client().POST("/api/lead/update", { body: { id: LEAD, position: "CEO" } }),
      );
      expect(updated.data.position).toBe("CEO");
      const read = await unwrap(client().POST("/api/lead/get", { body: { id: LEAD } }));
      expect(read.data.position).toBe("CEO");
      expect(mock.store.get("lead", LEAD)?.["position"]).toBe("CEO");
    });

    it("pages through leads with body parameters", async () => {
      const all = await client()
        .paginate("/api/lead/list", { body: { limit: 10 } })
        .toArray();
      expect(all.length).toBe(mock.store.list("lead").length);
      expect(new Set(all.map((l) => l.id)).size).toBe(all.length);
    });

    it("lists one column's deals with their field values, filtered and paged in the body", async () => {
      mock.store.update("offer", DEAL, { column_id: COLUMN + 1 });
      const inColumn = mock.store.list("offer").filter((o) => o["column_id"] === COLUMN);
      expect(inColumn.length).toBeGreaterThan(1);
      expect(inColumn.length).toBeLessThan(mock.store.list("offer").length);
      const deals = await client()
        .paginate("/api/offer/list", { body: { column_id: COLUMN, limit: 1 } })
        .toArray();
      expect(deals.map((d) => d.id)).toEqual(inColumn.map((o) => o["id"]));
      mock.store.update("offer", DEAL, { values: { price: 18500 } });
      const listed = await unwrap(client().POST("/api/offer/list", { body: { limit: 100 } }));
      expect(listed.data?.offers?.find((d) => d.id === DEAL)?.values?.["price"]).toBe(18500);
    });

    it("keeps the values set-values sets, per deal, where offer/list returns them", async () => {
      const set = await unwrap(
        client().POST("/api/offer/set-values", { body: { id: DEAL, price: 24000, tf23jli091uj: "won" } }),
      );
      expect(set.data).toEqual({ price: 24000, tf23jli091uj: "won" });
      await unwrap(client().POST("/api/offer/set-values", { body: { id: DEAL, description: null } }));
      expect(mock.store.get("offer", DEAL)?.["values"]).toEqual({
        price: 24000,
        tf23jli091uj: "won",
        description: null,
      });
      const listed = await unwrap(client().POST("/api/offer/list", { body: { limit: 100 } }));
      expect(listed.data?.offers?.find((d) => d.id === DEAL)?.values).toEqual({
        price: 24000,
        tf23jli091uj: "won",
        description: null,
      });
      const missing = await client().POST("/api/offer/set-values", { body: { id: 999, price: 1 } });
      expect(missing.error).toBeInstanceOf(NotFoundError);
      expect(JSON.stringify(mock.store.list("offer"))).not.toContain(TOKEN);
    });

    it("sends page and limit in the body, page by page, and stops at data.total", async () => {
      const { client: recording, sent } = recordingClient();
      const sizes: number[] = [];
      for await (const page of recording.paginate("/api/lead/list", { body: { limit: 10 } }).pages()) {
        sizes.push(page.items.length);
      }
      const total = mock.store.list("lead").length;
      expect(total).toBeGreaterThan(20);
      expect(sizes).toEqual([10, 10, total - 20]);
      const bodies = await Promise.all(sent.map((r) => r.json()));
      expect(bodies).toEqual([
        { limit: 10, page: 1, access_token: TOKEN },
        { limit: 10, page: 2, access_token: TOKEN },
        { limit: 10, page: 3, access_token: TOKEN },
      ]);
      for (const request of sent) {
        expect(request.method).toBe("POST");
        expect(new URL(request.url).searchParams.has("page")).toBe(false);
      }
    });

    it("downloads an export as a Blob, as its media type says, with or without parseAs", async () => {
      const file = await client().POST("/api/lead/export", { body: {} });
      expect(file.error).toBeUndefined();
      expect(file.data).toBeInstanceOf(Blob);
      expect(file.response?.headers.get("content-type")).toBe("application/octet-stream");
      expect((await file.data?.arrayBuffer())?.byteLength).toBeGreaterThan(0);
      const asked = await client().POST("/api/offer/export", { body: {}, parseAs: "blob" });
      expect(asked.data).toBeInstanceOf(Blob);
    });

    it("still reads JSON operations as JSON (a download's parser is only its own)", async () => {
      const { data } = await client().POST("/api/lead/list", { body: { limit: 1 } });
      expect(data?.status).toBe(true);
      expect(Array.isArray(data?.data?.leads)).toBe(true);
    });
  });

  describe("errors", () => {
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

    it("answers a new lead without a name with a 422 whose details name lead.name", async () => {
      const before = mock.store.list("offer").length;
      const { data, error } = await client().POST("/api/offer/create", {
        body: { column_id: COLUMN, lead: { email: "no-name@example.org" } } as never,
      });
      expect(data).toBeUndefined();
      expect(error).toBeInstanceOf(UnprocessableEntityError);
      expect(error?.status).toBe(422);
      expect(Object.keys(error?.details ?? {})).toEqual(["lead.name"]);
      expect(error?.details?.["lead.name"]?.[0]).toMatch(/name/);
      // The body groups the lead's errors under `lead`, as the spec gives them; the client flattens them.
      expect(error?.body).toMatchObject({ status: false, details: { lead: { name: expect.any(String) } } });
      expect(mock.store.list("offer")).toHaveLength(before);
    });

    it("flattens BoardCRM's nested validation details (lead → name) to 'lead.name', even inside HTTP 200", async () => {
      mock.override("createOffer", () =>
        HttpResponse.json({
          status: false,
          message: "Validation error",
          details: { column_id: "Column not found", lead: { name: "Name must be a string" } },
        }),
      );
      const { error } = await client().POST("/api/offer/create", {
        body: { column_id: 1, lead: { name: "Ana" } },
      });
      expect(error).toBeInstanceOf(ApiError);
      expect(error).not.toBeInstanceOf(UnprocessableEntityError); // HTTP 200: no status to classify by
      expect(error?.status).toBe(200);
      expect(error?.message).toBe("Validation error");
      expect(error?.details).toEqual({
        column_id: ["Column not found"],
        "lead.name": ["Name must be a string"],
      });
    });

    it("reports a missing board token as access error 4030 on error.code", async () => {
      const { error } = await createBoardCRMClient({ token: "", retry: false, logLevel: "off" }).POST(
        "/api/lead/get",
        { body: { id: LEAD } },
      );
      expect(error).toBeInstanceOf(AuthenticationError);
      const code: BoardCRMErrorCode | undefined = error?.code;
      expect(code).toBe(4030);
      expect(error?.body).toMatchObject({ status: false, error: 4030 });
    });

    it("sends the board token as access_token and never leaks it into errors", async () => {
      const { error } = await client().POST("/api/offer/get", { body: { id: 999999999 } });
      expect(error?.request?.url).not.toContain("access_token");
      expect(JSON.stringify(error)).not.toContain("board-token-test");
      expect(String(error?.stack)).not.toContain("board-token-test");
    });
  });

  describe("POST-only RPC: /api/{entity}/{action} and the board token", () => {
    it("declares every operation as POST /api/{entity}/{action}; another method gets 405 with Allow: POST", async () => {
      expect(mock.spec.operations.length).toBeGreaterThan(0);
      for (const op of mock.spec.operations) {
        expect(op.method).toBe("post");
        expect(op.path).toMatch(/^\/api\/[a-z]+\/[a-z-]+$/);
      }
      const viaGet = await mock.handle(
        new Request(`${BASE}/api/lead/get?access_token=${TOKEN}&id=${LEAD}`, { method: "GET" }),
      );
      expect(viaGet?.status).toBe(405);
      expect(viaGet?.headers.get("Allow")).toBe("POST");
      expect(await bodyOf(viaGet)).toMatchObject({
        status: false,
        message: expect.stringMatching(/GET is not allowed/),
      });
    });

    it("sends access_token in the JSON body, as BoardCRM reads it, and not in the URL", async () => {
      const { client: recording, sent } = recordingClient();
      await unwrap(recording.POST("/api/offer/get", { body: { id: DEAL } }));
      expect(sent).toHaveLength(1);
      const request = sent[0] as Request;
      expect(request.method).toBe("POST");
      expect(new URL(request.url).pathname).toBe("/api/offer/get");
      expect(new URL(request.url).searchParams.has("access_token")).toBe(false);
      expect(request.headers.get("content-type")).toBe("application/json");
      expect(await request.json()).toEqual({ id: DEAL, access_token: TOKEN });
    });

    it("accepts the token in the body instead (JSON, form, multipart) and answers 4030 without one", async () => {
      const json = await post("lead/get", {
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ access_token: TOKEN, id: LEAD }),
      });
      expect(json?.status).toBe(200);
      const form = await post("lead/get", {
        body: new URLSearchParams({ access_token: TOKEN, id: `${LEAD}` }),
      });
      expect(form?.status).toBe(200);
      const multipart = new FormData();
      multipart.set("access_token", TOKEN);
      multipart.set("id", `${LEAD}`);
      expect((await post("lead/get", { body: multipart }))?.status).toBe(200);

      const none = await post("lead/get", { body: new URLSearchParams({ id: `${LEAD}` }) });
      expect(none?.status).toBe(401);
      expect(await bodyOf(none)).toMatchObject({ status: false, error: 4030, message: expect.any(String) });
      const empty = await post("lead/get", {
        body: new URLSearchParams({ access_token: "", id: `${LEAD}` }),
      });
      expect(empty?.status).toBe(401);
    });
  });

  describe("three request encodings", () => {
    it("creates a deal and its lead from a form-urlencoded body with PHP-style lead[name] keys", async () => {
      const response = await fetch(`${BASE}/api/offer/create?access_token=${TOKEN}`, {
        method: "POST",
        body: new URLSearchParams({
          column_id: `${COLUMN}`,
          title: "Form deal",
          "lead[name]": "Jonas Berg",
          "lead[email]": "jonas@example.org",
        }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { status: boolean; data: Record<string, unknown> };
      expect(body.status).toBe(true);
      expect(body.data["column_id"]).toBe(COLUMN); // the string "88214" read as the integer id
      expect(body.data["lead"]).toMatchObject({ name: "Jonas Berg", email: "jonas@example.org" });
      const stored = mock.store.get("lead", body.data["lead_id"] as number);
      expect(stored).toMatchObject({ name: "Jonas Berg", email: "jonas@example.org" });
    });

    it("creates a deal and its lead from a multipart/form-data body", async () => {
      const form = new FormData();
      form.set("column_id", `${COLUMN}`);
      form.set("title", "Multipart deal");
      form.set("lead[name]", "Ilse Vos");
      const body = await bodyOf(await post("offer/create", { query: `access_token=${TOKEN}`, body: form }));
      expect(body).toMatchObject({ status: true, data: { column_id: COLUMN, lead: { name: "Ilse Vos" } } });
      const leadId = (body["data"] as { lead_id: number }).lead_id;
      expect(mock.store.get("lead", leadId)?.["name"]).toBe("Ilse Vos");
    });

    it("sends multipart through the typed client with a bodySerializer", async () => {
      const { client: recording, sent } = recordingClient();
      const created = await unwrap(
        recording.POST("/api/offer/create", {
          body: { column_id: COLUMN, lead: { name: "Per Lund" } },
          bodySerializer: (body) => {
            const form = new FormData();
            form.set("column_id", String(body.column_id));
            form.set("lead[name]", body.lead?.name ?? "");
            return form;
          },
        }),
      );
      expect(sent[0]?.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
      // A custom serializer owns the body, so the token travels in the query string instead.
      expect(new URL(sent[0]?.url ?? "").searchParams.get("access_token")).toBe(TOKEN);
      expect(created.data.lead?.name).toBe("Per Lund");
    });

    it("answers an invalid form body with BoardCRM's failure envelope and per-field details", async () => {
      const response = await post("offer/create", {
        query: `access_token=${TOKEN}`,
        body: new URLSearchParams({
          column_id: "0",
          deadline: "2025-04-01T17:00:00Z",
          "lead[email]": "no-name@example.org",
        }),
      });
      expect(response?.status).toBe(422);
      const body = await bodyOf(response);
      expect(Object.keys(body).every((k) => ["status", "error", "message", "details"].includes(k))).toBe(
        true,
      );
      expect(body).toMatchObject({
        status: false,
        message: expect.any(String),
        details: {
          column_id: expect.stringMatching(/>= 1/),
          deadline: expect.stringMatching(/pattern/),
          lead: { name: expect.stringMatching(/required/) },
        },
      });
      expect(mock.store.list("offer").some((o) => o["deadline"] === "2025-04-01T17:00:00Z")).toBe(false);
    });

    it("answers a body that cannot be parsed with a 400 in the same envelope", async () => {
      const response = await post("lead/get", {
        query: `access_token=${TOKEN}`,
        headers: { "Content-Type": "application/json" },
        body: "{not json",
      });
      expect(response?.status).toBe(400);
      expect(await bodyOf(response)).toMatchObject({
        status: false,
        message: expect.stringMatching(/parsed/),
      });

      const { client: recording } = recordingClient();
      const { error } = await recording.POST("/api/lead/get", {
        body: { id: LEAD },
        bodySerializer: () => "{not json",
      });
      expect(error).toBeInstanceOf(BadRequestError);
    });
  });

  describe("retries: reads (get, list, export) yes, writes no", () => {
    const reads = [
      ["getOffer", (c: BoardCRMClient) => c.POST("/api/offer/get", { body: { id: DEAL } })],
      ["listLeads", (c: BoardCRMClient) => c.POST("/api/lead/list", { body: { page: 1, limit: 5 } })],
      ["exportOffers", (c: BoardCRMClient) => c.POST("/api/offer/export", { body: {}, parseAs: "blob" })],
    ] as const;

    it.each(reads)("retries %s through two 500s to success in three attempts", async (operationId, call) => {
      mock.scenario(operationId, { kind: "error", status: 500 }, 2);
      const { client: recording, sent } = recordingClient();
      const { data, error } = await call(recording);
      expect(error).toBeUndefined();
      expect(data).toBeDefined();
      expect(sent).toHaveLength(3);
    });

    it("gives up on a read after the default two retries", async () => {
      mock.scenario("getOffer", { kind: "error", status: 500 }, 3);
      const { client: recording, sent } = recordingClient();
      const { error } = await recording.POST("/api/offer/get", { body: { id: DEAL } });
      expect(error).toBeInstanceOf(InternalServerError);
      expect(error?.status).toBe(500);
      expect(sent).toHaveLength(3);
    });

    it("retries a 429 with Retry-After: 0 and succeeds", async () => {
      mock.scenario("getLead", { kind: "error", status: 429, retryAfter: 0 });
      const { client: recording, sent } = recordingClient();
      const lead = await unwrap(recording.POST("/api/lead/get", { body: { id: LEAD } }));
      expect(lead.data.id).toBe(LEAD);
      expect(sent).toHaveLength(2);
    });

    const writes = [
      [
        "createOffer",
        (c: BoardCRMClient) => c.POST("/api/offer/create", { body: { column_id: COLUMN, lead_id: LEAD } }),
      ],
      [
        "updateOffer",
        (c: BoardCRMClient) => c.POST("/api/offer/update", { body: { id: DEAL, title: "Renamed" } }),
      ],
      ["deleteOffer", (c: BoardCRMClient) => c.POST("/api/offer/delete", { body: { id: DEAL } })],
      [
        "createComment",
        (c: BoardCRMClient) => c.POST("/api/comment/create", { body: { offer_id: DEAL, text: "Hi" } }),
      ],
    ] as const;

    it.each(writes)(
      "sends %s once on a 500; the armed failures stay for the caller",
      async (operationId, call) => {
        mock.scenario(operationId, { kind: "error", status: 500 }, 2);
        const { client: recording, sent } = recordingClient();
        const first = await call(recording);
        expect(first.error).toBeInstanceOf(InternalServerError);
        expect(sent).toHaveLength(1);
        const second = await call(recording);
        expect(second.error).toBeInstanceOf(InternalServerError);
        expect(sent).toHaveLength(2);
        const third = await call(recording);
        expect(third.error).toBeUndefined();
        expect(sent).toHaveLength(3);
      },
    );
  });

  describe("special field types: id, datetime, alias", () => {
    it("serves ids >= 1 and datetimes as YYYY-MM-DD HH:MM:SS", async () => {
      const page = await unwrap(client().POST("/api/lead/list", { body: { page: 1, limit: 25 } }));
      expect(page.data.leads.length).toBeGreaterThan(1);
      for (const lead of page.data.leads) {
        expect(Number.isInteger(lead.id) && lead.id >= 1).toBe(true);
        if (lead.created_at !== undefined) expect(lead.created_at).toMatch(DATETIME);
      }
    });

    it("rejects id 0, an ISO 8601 datetime and an alias over 15 characters", async () => {
      const id = await client().POST("/api/offer/get", { body: { id: 0 } });
      expect(id.error).toBeInstanceOf(UnprocessableEntityError);
      expect(id.error?.details?.["id"]?.[0]).toMatch(/>= 1/);

      const iso = await client().POST("/api/offer/update", {
        body: { id: DEAL, deadline: "2025-04-08T17:00:00+02:00" },
      });
      expect(iso.error).toBeInstanceOf(UnprocessableEntityError);
      expect(Object.keys(iso.error?.details ?? {})).toEqual(["deadline"]);

      const alias = await client().POST("/api/offer/set-values", {
        body: { id: DEAL, contract_value_eur: 24000 },
      });
      expect(alias.error).toBeInstanceOf(UnprocessableEntityError);
      expect(JSON.stringify(alias.error?.details)).toMatch(/15 characters/);
    });

    it("accepts the same calls with valid values", async () => {
      const deadline = "2025-04-08 17:00:00";
      const updated = await unwrap(client().POST("/api/offer/update", { body: { id: DEAL, deadline } }));
      expect(updated.data.deadline).toBe(deadline);
      const values = await client().POST("/api/offer/set-values", {
        body: { id: DEAL, "tf23jli091uj-2": 24000 },
      });
      expect(values.error).toBeUndefined();
    });
  });
});
