import { describe, expect, it } from "vitest";
import { fromBlank, setTags } from "./record-blank.ts";

const context = { now: new Date("2026-01-15T10:00:00.000Z"), uuid: () => "u-1", resource: "contact", id: 7 };

describe("fromBlank", () => {
  it("links a record to the parent it is created under, and leaves the link out otherwise", () => {
    const blank = { values: {}, made: { customer_id: "parent", uuid: "uuid" } } as const;
    expect(fromBlank(blank, { ...context, parentId: 3108 })).toEqual({ customer_id: 3108, uuid: "u-1" });
    expect(fromBlank(blank, context)).toEqual({ uuid: "u-1" });
  });
});

describe("setTags", () => {
  it("sets a tag to the sibling that holds a value, keeps one given, and sets none without a value", () => {
    const blank = { values: {}, objects: { owner: { values: {}, tags: { type: ["user", "group"] } } } };
    const owned = { owner: { user: { id: 1 }, group: null } as Record<string, unknown> };
    setTags(blank, owned);
    expect(owned.owner["type"]).toBe("user");
    const given = { owner: { type: "group", user: { id: 1 }, group: { id: 2 } } };
    setTags(blank, given);
    expect(given.owner.type).toBe("group");
    const none = { owner: { user: null, group: null } as Record<string, unknown> };
    setTags(blank, none);
    expect(none.owner["type"]).toBeUndefined();
  });
});
