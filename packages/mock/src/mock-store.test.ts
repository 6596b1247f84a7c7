import { describe, expect, it } from "vitest";
import { MockStore } from "./mock-store.ts";

describe("MockStore ids", () => {
  it("never gives a deleted record's id to a new one", () => {
    const store = new MockStore({ note: [{ id: 1 }, { id: 2 }] });
    const third = store.nextId("note");
    store.insert("note", { id: third });
    store.delete("note", third);
    expect(store.nextId("note")).not.toBe(third);
    expect(store.nextId("note")).toBeGreaterThan(third as number);
  });

  it("counts numeric string ids up as strings, and starts over on reset", () => {
    const store = new MockStore({ user: [{ id: "7" }] });
    store.insert("user", { id: store.nextId("user") });
    store.delete("user", "8");
    expect(store.nextId("user")).toBe("9");
    store.reset();
    expect(store.nextId("user")).toBe("8");
  });
});
