import { describe, expectTypeOf, it } from "vitest";
import { type ApiError, type BoardCRMErrorCode, type components, createBoardCRMClient } from "./index.ts";
import { createBoardCRMMock } from "./msw.ts";

type Schemas = components["schemas"];
const boardcrm = createBoardCRMClient({ token: "t" });

describe("BoardCRM client types", () => {
  it("infers response data from the spec", async () => {
    const { data, error } = await boardcrm.POST("/api/offer/get", { body: { id: 3779551 } });
    if (data) {
      expectTypeOf(data).toEqualTypeOf<Schemas["OfferResult"]>();
      expectTypeOf(data.data).toEqualTypeOf<Schemas["Offer"]>();
      expectTypeOf(data.data.lead).toEqualTypeOf<Schemas["Lead"] | undefined>();
    }
    if (error) {
      expectTypeOf(error).toExtend<ApiError<BoardCRMErrorCode, unknown>>();
      // The body is BoardCRM's failure envelope: status false, a numeric code, details per field.
      expectTypeOf(error.body).toExtend<Schemas["ErrorEnvelope"] | undefined>();
      expectTypeOf<Schemas["ErrorEnvelope"]>().toExtend<NonNullable<typeof error.body>>();
      expectTypeOf(error.body?.status).toEqualTypeOf<false | undefined>();
      expectTypeOf(error.body?.error).toEqualTypeOf<number | undefined>();
      expectTypeOf(error.details).toEqualTypeOf<Readonly<Record<string, readonly string[]>> | undefined>();
    }
    const fields = await boardcrm.POST("/api/field/list", { body: {} });
    if (fields.data) expectTypeOf(fields.data.data).toEqualTypeOf<Record<string, Schemas["FieldListItem"]>>();
  });

  it("types the vendor's numeric error codes", async () => {
    expectTypeOf<BoardCRMErrorCode>().toEqualTypeOf<4030>();
    const { error } = await boardcrm.POST("/api/lead/get", { body: { id: 1 } });
    if (error) expectTypeOf(error.code).toEqualTypeOf<4030 | undefined>();
  });

  it("models BoardCRM's special field types", () => {
    expectTypeOf<Schemas["Id"]>().toEqualTypeOf<number>();
    expectTypeOf<Schemas["Datetime"]>().toEqualTypeOf<string>();
    expectTypeOf<Schemas["NullableDatetime"]>().toEqualTypeOf<string | null>();
    expectTypeOf<Schemas["Alias"]>().toEqualTypeOf<string>();
    expectTypeOf<Schemas["Offer"]["created_at"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Schemas["Offer"]["deadline"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Schemas["Field"]["alias"]>().toEqualTypeOf<string>();
    // Custom field values go by alias beside the declared parameters.
    expectTypeOf<{ id: 1; tf23jli091uj: 24000 }>().toExtend<Schemas["OfferSetValues"]>();
  });

  it("paginate yields leads and accepts only lead/list", async () => {
    const leads = boardcrm.paginate("/api/lead/list", { body: { limit: 50 } });
    expectTypeOf(leads.toArray()).resolves.toEqualTypeOf<Schemas["Lead"][]>();
    for await (const page of leads.pages())
      expectTypeOf(page.items).toEqualTypeOf<readonly Schemas["Lead"][]>();
    // @ts-expect-error field/list returns a map in one response: not paginated
    boardcrm.paginate("/api/field/list");
  });

  it("types an export as a Blob, read so without parseAs; parseAs may only say what the spec says", async () => {
    const { data } = await boardcrm.POST("/api/lead/export", { body: {} });
    expectTypeOf(data).toEqualTypeOf<Blob | undefined>();
    const asked = await boardcrm.POST("/api/lead/export", { body: {}, parseAs: "blob" });
    expectTypeOf(asked.data).toEqualTypeOf<Blob | undefined>();
    // @ts-expect-error the export is a file, not text
    boardcrm.POST("/api/lead/export", { body: {}, parseAs: "text" });
    // @ts-expect-error a JSON operation is read as JSON
    boardcrm.POST("/api/lead/get", { body: { id: 1 }, parseAs: "blob" });
  });

  it("rejects a wrong path or method, a missing or wrongly typed param and a wrong body", () => {
    // @ts-expect-error no such action
    boardcrm.POST("/api/offer/read", { body: { id: 1 } });
    // @ts-expect-error every method is POST
    boardcrm.GET("/api/offer/get");
    // @ts-expect-error id is required
    boardcrm.POST("/api/offer/get", { body: {} });
    // @ts-expect-error id is an integer, not a string
    boardcrm.POST("/api/lead/get", { body: { id: "1204518" } });
    // @ts-expect-error the body is required
    boardcrm.POST("/api/comment/create");
    boardcrm.POST("/api/comment/create", {
      // @ts-expect-error text is required
      body: { offer_id: 3779551 },
    });
    boardcrm.POST("/api/offer/create", {
      // @ts-expect-error a new lead needs a name
      body: { column_id: 88214, lead: { email: "a@example.org" } },
    });
    boardcrm.POST("/api/offer/change-column", {
      // @ts-expect-error ids is an array of ids
      body: { column_id_from: 1, column_id_to: 2, ids: 3779551 },
    });
  });

  it("types the mock's operation ids and override bodies", () => {
    const mock = createBoardCRMMock();
    mock.scenario("exportLeads", { kind: "error", status: 500 }, 2);
    // @ts-expect-error no such operation
    mock.scenario("listColumns", { kind: "error", status: 500 });
    mock.override("getLead", () => ({ status: true, data: { id: 1, name: "Ana" } }));
    // @ts-expect-error a lead needs a name
    mock.override("getLead", () => ({ status: true, data: { id: 1 } }));
  });
});
