import { describe, expect, it } from "vitest";
import { answerBlank, blankRecord, withParentLinks } from "./blank-record.ts";

const doc = {};
const contact = {
  type: "object",
  required: ["first_name"],
  properties: {
    id: { type: "integer" },
    uuid: { type: "string", format: "uuid", example: "2b9e7d41-5c3a-4f08-8e6d-7a1c4b9f0e25" },
    owner_uuid: { type: "string", format: "uuid" },
    first_name: { type: "string" },
    nickname: { type: "string", example: "Izzy" },
    note: { type: ["string", "null"], example: "Met at the fair" },
    created_at: { type: "string", format: "date-time" },
    customer_id: { type: "integer", example: 3108 },
    owner: {
      type: "object",
      properties: {
        type: { type: "string", enum: ["user", "group"] },
        user: { type: ["object", "null"], properties: { id: { type: "integer" } } },
        group: { type: ["object", "null"], properties: { id: { type: "integer" } } },
      },
    },
  },
};

describe("blankRecord", () => {
  it("makes the record's own uuid and stamps even where they are optional, and no other optional value", () => {
    const blank = blankRecord(doc, contact);
    expect(blank.made).toMatchObject({ uuid: "uuid", created_at: "date-time" });
    expect(blank.made?.["owner_uuid"]).toBeUndefined();
    expect(blank.values).toEqual({ first_name: "", note: null });
    expect(Object.keys(blank.values)).not.toContain("nickname");
    expect(Object.keys(blank.values)).not.toContain("customer_id");
  });

  it("names the enum field that says which sibling holds the value, without guessing it", () => {
    const owner = blankRecord(doc, contact).objects?.["owner"];
    expect(owner?.tags).toEqual({ type: ["user", "group"] });
    expect(owner?.values).toEqual({ user: null, group: null });
  });
});

describe("withParentLinks", () => {
  it("makes the link to each parent the record is created under, when its schema has that field", () => {
    const blank = withParentLinks(doc, blankRecord(doc, contact), contact, ["customer", "deal"]);
    expect(blank.made?.["customer_id"]).toBe("parent");
    expect(blank.made?.["deal_id"]).toBeUndefined();
    expect(Object.keys(blank.values)).not.toContain("customer_id");
  });
});

describe("answerBlank", () => {
  it("makes a field the create answer requires that the record may lack, and leaves the record's own alone", () => {
    const record = {
      type: "object",
      required: ["id", "url"],
      properties: { id: { type: "string" }, url: { type: "string" }, token: { type: "string" } },
    };
    const answer = { ...record, required: ["id", "url", "token"] };
    expect(answerBlank(doc, answer, record)).toEqual({ values: { token: "" }, made: {} });
    expect(answerBlank(doc, record, record)).toBeUndefined();
  });
});
