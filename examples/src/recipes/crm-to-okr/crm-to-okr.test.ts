import { afterEach, describe, expect, it } from "vitest";
import { type Connection, connectToMocks } from "../../harness/connect.ts";
import { recordingProgress } from "../../harness/progress.ts";
import { crmToOkr } from "./crm-to-okr.ts";
import { crmToOkrDefaults, crmToOkrSeeds } from "./seed.ts";

let connection: Connection<"boardcrm" | "workboard"> | undefined;
afterEach(() => connection?.close());

async function setUp() {
  const mocked = await connectToMocks(["boardcrm", "workboard"], crmToOkrSeeds);
  connection = mocked;
  const { boardcrm, workboard } = mocked.mocks;
  return { clients: mocked.clients, boardcrm, workboard };
}

const achieved = (store: { get(r: string, id: string): Record<string, unknown> | undefined }, id: string) =>
  store.get("metric", id)?.["metric_achieve_target"];

/** The expected sums, computed from the seeded store rather than written down. */
function wonSums(deals: Record<string, unknown>[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const deal of deals) {
    const values = deal["values"] as Record<string, unknown> | undefined;
    const owner = values?.["owner"];
    if (deal["column_id"] !== crmToOkrDefaults.wonColumnId || typeof owner !== "string") continue;
    sums.set(owner.toLowerCase(), (sums.get(owner.toLowerCase()) ?? 0) + Number(values?.["price"]));
  }
  return sums;
}

describe("crm-to-okr", () => {
  it("sets each seller's WorkBoard metric to the sum of their won deals and reports the unmatched", async () => {
    const { clients, boardcrm, workboard } = await setUp();
    const sums = wonSums(boardcrm.store.list("offer"));
    const progress = recordingProgress();
    const report = await crmToOkr(clients, crmToOkrDefaults, progress);

    expect(achieved(workboard.store, "6100001")).toBe(String(sums.get("ana.silva@northwind.example")));
    expect(achieved(workboard.store, "6100002")).toBe(String(sums.get("ben.okafor@northwind.example")));
    expect(achieved(workboard.store, "6100001")).toBe("25750.5");
    // The other metric of the same owner is not touched.
    expect(achieved(workboard.store, "6100003")).toBe("14");
    expect(report.changed).toHaveLength(2);
    expect(report.failed).toEqual([
      { item: "chen.wu@northwind.example", reason: expect.stringContaining("no WorkBoard") },
    ]);
    expect(progress.lines.some((l) => l.startsWith("step: BoardCRM: 6 won deals, 3 owners, 1 without"))).toBe(
      true,
    );
  });

  it("changes nothing on a second run", async () => {
    const { clients, workboard } = await setUp();
    await crmToOkr(clients, crmToOkrDefaults, recordingProgress());
    const before = workboard.store.list("metric");
    const second = await crmToOkr(clients, crmToOkrDefaults, recordingProgress());
    expect(second.changed).toEqual([]);
    expect(second.unchanged).toHaveLength(2);
    expect(workboard.store.list("metric")).toEqual(before);
  });

  it("retries a 429 from WorkBoard and still updates every metric", async () => {
    const { clients, workboard } = await setUp();
    workboard.scenario("updateMetricProgress", { kind: "error", status: 429, retryAfter: 0 });
    const report = await crmToOkr(clients, crmToOkrDefaults, recordingProgress());
    expect(report.changed).toHaveLength(2);
    expect(report.failed.map((f) => f.item)).toEqual(["chen.wu@northwind.example"]);
    expect(achieved(workboard.store, "6100001")).toBe("25750.5");
  });

  it("reports a metric that keeps failing with 500, leaves it as it was, and updates the rest", async () => {
    const { clients, workboard } = await setUp();
    // Three attempts (the call and its two retries) of the first update fail.
    workboard.scenario("updateMetricProgress", { kind: "error", status: 500 }, 3);
    const report = await crmToOkr(clients, crmToOkrDefaults, recordingProgress());
    expect(report.failed.map((f) => f.item)).toEqual([
      "metric 6100001 (ana.silva@northwind.example)",
      "chen.wu@northwind.example",
    ]);
    expect(report.failed[0]?.reason).toMatch(/500|server/i);
    expect(achieved(workboard.store, "6100001")).toBe("0");
    expect(achieved(workboard.store, "6100002")).toBe("16000");
  });
});
