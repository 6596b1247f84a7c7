import { describe, expect, it } from "vitest";
import { readPointer } from "./json-pointer.ts";

describe("readPointer", () => {
  const doc = { meta: { pagination: { total: 42 } }, "a/b": { "c~d": 1 }, list: [10, 20] };

  it("reads nested values, array indexes and the whole document", () => {
    expect(readPointer(doc, "/meta/pagination/total")).toBe(42);
    expect(readPointer(doc, "/list/1")).toBe(20);
    expect(readPointer(doc, "")).toBe(doc);
  });

  it("decodes ~1 and ~0 escapes", () => {
    expect(readPointer(doc, "/a~1b/c~0d")).toBe(1);
  });

  it("returns undefined for missing steps and non-objects, never throws", () => {
    expect(readPointer(doc, "/meta/nope/total")).toBeUndefined();
    expect(readPointer(doc, "/meta/pagination/total/deeper")).toBeUndefined();
    expect(readPointer(null, "/x")).toBeUndefined();
    expect(readPointer({ toString: 1 }, "/constructor")).toBeUndefined();
  });
});
