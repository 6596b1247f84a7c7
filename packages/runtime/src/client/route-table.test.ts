import { describe, expect, it } from "vitest";
import type { OperationMeta } from "../metadata.ts";
import { routeTable } from "./route-table.ts";

describe("routeTable", () => {
  it("finds an operation by its method and path template, and nothing under another method", () => {
    const create: OperationMeta = {
      method: "post",
      path: "/notes",
      retrySafe: true,
    };
    const remove: OperationMeta = { method: "delete", path: "/notes/{id}" };
    const table = routeTable([create, remove]);
    expect(table.post.get("/notes")).toBe(create);
    expect(table.delete.get("/notes/{id}")).toBe(remove);
    expect(table.get.get("/notes")).toBeUndefined();
    expect(table.post.get("/notes/{id}")).toBeUndefined();
  });
});
