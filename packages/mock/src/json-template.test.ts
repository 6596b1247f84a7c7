import { describe, expect, it } from "vitest";
import { cloneJson, setPointer, splitPointer, withPointer } from "./json-template.ts";

describe("setPointer", () => {
  it("sets a value in the root itself, creating objects on the way and an array before an index", () => {
    const root: Record<string, unknown> = { meta: { total: 1 } };
    expect(setPointer(root, "/meta/total", 9)).toBe(root);
    setPointer(root, "/page/size", 20);
    setPointer(root, "/manager/0/user_id", 7);
    expect(root).toEqual({ meta: { total: 9 }, page: { size: 20 }, manager: [{ user_id: 7 }] });
  });

  it("decodes ~1 and ~0 in reference tokens, and the same pointer twice gives the same path", () => {
    const root: Record<string, unknown> = {};
    setPointer(root, "/a~1b/c~0d", 1);
    setPointer(root, "/a~1b/c~0d", 2);
    expect(root).toEqual({ "a/b": { "c~d": 2 } });
  });

  it("returns the value itself for the empty pointer", () => {
    expect(setPointer({ a: 1 }, "", [3])).toEqual([3]);
  });
});

describe("withPointer and splitPointer", () => {
  it("changes a copy and leaves the template alone", () => {
    const template = { data: [{ id: 1 }], meta: {} };
    const copy = withPointer(template, "/data", []);
    expect(copy).toEqual({ data: [], meta: {} });
    expect(template).toEqual({ data: [{ id: 1 }], meta: {} });
    expect(cloneJson(template)).not.toBe(template);
  });

  it("splits a pointer into its parent and decoded last key", () => {
    expect(splitPointer("/meta/pagination/total")).toEqual({ parent: "/meta/pagination", key: "total" });
    expect(splitPointer("/links/next~1url")).toEqual({ parent: "/links", key: "next/url" });
  });
});
