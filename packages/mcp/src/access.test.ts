import { describe, expect, it } from "vitest";
import { accessOf, mayCall } from "./access.ts";
import { VENDORS } from "./vendors.ts";

const operation = (vendor: keyof typeof VENDORS, operationId: string) => {
  const found = VENDORS[vendor].catalog.operations.find((o) => o.operationId === operationId);
  if (!found) throw new Error(`no ${vendor} ${operationId}`);
  return found;
};

describe("accessOf", () => {
  it("reads the catalog's safeRead: GETs and the POSTs the spec marks retry-safe are reads", () => {
    expect(accessOf(operation("webwork", "listWorkspaces"))).toBe("read");
    // BoardCRM takes its reads as POST; its spec marks them x-retry-safe.
    expect(operation("boardcrm", "exportOffers")).toMatchObject({ method: "post", safeRead: true });
    expect(accessOf(operation("boardcrm", "exportOffers"))).toBe("read");
    expect(accessOf(operation("webwork", "createProject"))).toBe("write");
  });

  it("takes no retry-safe method but GET and POST for a read", () => {
    const safeWrites = Object.values(VENDORS).flatMap((v) =>
      v.catalog.operations.filter((o) => o.retrySafe && o.method !== "get" && o.method !== "post"),
    );
    expect(safeWrites.length).toBeGreaterThan(0);
    expect(safeWrites.filter((o) => accessOf(o) === "read")).toEqual([]);
  });
});

describe("mayCall", () => {
  it("allows reads always and writes only to the vendors the policy names", () => {
    const write = operation("webwork", "createProject");
    expect(mayCall(false, "webwork", operation("webwork", "listWorkspaces"))).toBe(true);
    expect(mayCall(false, "webwork", write)).toBe(false);
    expect(mayCall(["boardcrm"], "webwork", write)).toBe(false);
    expect(mayCall(["webwork"], "webwork", write)).toBe(true);
    expect(mayCall(true, "webwork", write)).toBe(true);
  });
});
