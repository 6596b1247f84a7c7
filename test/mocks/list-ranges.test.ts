import { createBetterworksClient } from "@workapis/betterworks";
import { createBetterworksMock } from "@workapis/betterworks/msw";
import type { VendorMock } from "@workapis/mock";
import { createWebWorkClient } from "@workapis/webwork";
import { createWebWorkMock } from "@workapis/webwork/msw";
import { describe, expect, it } from "vitest";

/**
 * Replaces a collection with copies of its first record, each with the given fields and its own id
 * of the fixture's type; returns the ids in order.
 */
function seed(mock: VendorMock, resource: string, rows: readonly Record<string, unknown>[]) {
  const template = mock.store.peek(resource)[0];
  if (!template) throw new Error(`no ${resource} fixture to copy`);
  for (const record of mock.store.list(resource)) mock.store.delete(resource, record["id"] as string);
  return rows.map((row, i) => {
    const id = typeof template["id"] === "number" ? 9_000 + i : `seeded-${i}`;
    mock.store.insert(resource, { ...structuredClone(template), ...row, id });
    return id;
  });
}

describe("mock list ranges (x-mock.ranges)", () => {
  it("WebWork timesheets: date_from and date_to keep the periods inside the range, by day", async () => {
    const mock = createWebWorkMock();
    const [before, first, last, after] = seed(mock, "timesheet", [
      { date_from: "2025-02-24", date_to: "2025-03-02" }, // starts before the range
      { date_from: "2025-03-03", date_to: "2025-03-09" },
      { date_from: "2025-03-24", date_to: "2025-03-30" },
      { date_from: "2025-03-31", date_to: "2025-04-06" }, // ends after it
    ]);
    const client = createWebWorkClient({ token: "t", rateLimit: false, fetch: mock.fetch });
    const ids = async (query: Record<string, string>) => {
      const { data, error } = await client.GET("/timesheets", {
        params: { query: { workspace_id: 4821, ...query } },
      });
      expect(error).toBeUndefined();
      return (data?.data ?? []).map((t) => t.id);
    };
    expect(await ids({ date_from: "2025-03-01", date_to: "2025-03-31" })).toEqual([first, last]);
    expect(await ids({ date_from: "2025-03-03" })).toEqual([first, last, after]);
    expect(await ids({ date_to: "2025-03-09" })).toEqual([before, first]);
    expect(await ids({})).toEqual([before, first, last, after]);
  });

  it("Betterworks feedback: created_after is inclusive, created_before exclusive, by instant", async () => {
    const mock = createBetterworksMock();
    const [, atStart, lateOnLastDay] = seed(mock, "feedback", [
      { created: "2025-09-30T23:59:59Z" },
      { created: "2025-10-01T00:00:00Z" },
      { created: "2025-12-31T18:00:00+02:00" },
      { created: "2026-01-01T00:00:00Z" },
    ]);
    const client = createBetterworksClient({ token: "t", rateLimit: false, fetch: mock.fetch });
    const { data, error } = await client.GET("/feedback", {
      params: { query: { created_after: "2025-10-01T00:00:00Z", created_before: "2026-01-01T00:00:00Z" } },
    });
    expect(error).toBeUndefined();
    // 2025-12-31T18:00+02:00 is 16:00Z, before 2026-01-01T00:00Z: in.
    expect((data?.results ?? []).map((f) => f.id)).toEqual([atStart, lateOnLastDay]);
  });
});
