import { afterEach, describe, expect, it } from "vitest";
import { type Connection, connectToMocks } from "../../harness/connect.ts";
import { recordingProgress } from "../../harness/progress.ts";
import { timesheetDefaults, timesheetSeeds } from "./seed.ts";
import { timesheetApproval, weeksIn } from "./timesheet-approval.ts";

let connection: Connection<"webwork"> | undefined;
afterEach(() => connection?.close());

async function setUp() {
  const mocked = await connectToMocks(["webwork"], timesheetSeeds);
  connection = mocked;
  const { webwork } = mocked.mocks;
  return { clients: mocked.clients, webwork };
}

const statuses = (mock: { store: { list(r: string): Record<string, unknown>[] } }) =>
  Object.fromEntries(mock.store.list("timesheet").map((t) => [t["id"], t["status"]]));

describe("timesheet-approval", () => {
  it("approves timesheets within the contract hours, rejects the rest, and leaves the others", async () => {
    const { clients, webwork } = await setUp();
    const progress = recordingProgress();
    const report = await timesheetApproval(clients, timesheetDefaults, progress);
    expect(statuses(webwork)).toEqual({
      "ts-1001": "approved",
      "ts-1002": "rejected",
      "ts-1003": "approved",
      "ts-1004": "pending",
      "ts-1005": "approved",
      "ts-1006": "open",
      "ts-0901": "approved",
    });
    expect(report.changed).toContain("timesheet ts-1002 (member 52): 25h 30m rejected (over 20h 0m)");
    expect(report.failed).toEqual([
      { item: "timesheet ts-1004 (member 54)", reason: expect.stringContaining("no active contract") },
    ]);
  });

  it("leaves a timesheet whose answer lacks its logged time for a person, and judges the rest", async () => {
    const { clients, webwork } = await setUp();
    const { total_minutes: _dropped, ...withoutTime } = webwork.store.get("timesheet", "ts-1001") ?? {
      id: "",
    };
    webwork.store.insert("timesheet", withoutTime);
    const report = await timesheetApproval(clients, timesheetDefaults, recordingProgress());
    expect(report.failed).toContainEqual({
      item: "timesheet ts-1001 (member 51)",
      reason: expect.stringContaining("left for a person to decide"),
    });
    expect(statuses(webwork)).toMatchObject({ "ts-1001": "submitted", "ts-1002": "rejected" });
  });

  it("changes nothing on a second run", async () => {
    const { clients, webwork } = await setUp();
    await timesheetApproval(clients, timesheetDefaults, recordingProgress());
    const before = webwork.store.list("timesheet");
    const second = await timesheetApproval(clients, timesheetDefaults, recordingProgress());
    expect(second.changed).toEqual([]);
    expect(webwork.store.list("timesheet")).toEqual(before);
  });

  it("retries a 429; a timesheet whose approval keeps failing stays submitted and the rest go through", async () => {
    const { clients, webwork } = await setUp();
    webwork.scenario("approveTimesheet", { kind: "error", status: 429, retryAfter: 0 });
    webwork.scenario("approveTimesheet", { kind: "error", status: 500 }, 2);
    webwork.scenario("rejectTimesheet", { kind: "error", status: 500 }, 3);
    const report = await timesheetApproval(clients, timesheetDefaults, recordingProgress());
    expect(report.failed.map((f) => f.item)).toEqual([
      "timesheet ts-1001 (member 51)",
      "timesheet ts-1002 (member 52)",
      "timesheet ts-1004 (member 54)",
    ]);
    expect(statuses(webwork)).toMatchObject({
      "ts-1001": "submitted",
      "ts-1002": "submitted",
      "ts-1003": "approved",
      "ts-1005": "approved",
    });
  });

  it("scales a weekly limit with the weeks a timesheet spans", () => {
    expect(weeksIn("2026-11-23", "2026-11-29")).toBe(1);
    expect(weeksIn("2026-11-01", "2026-11-14")).toBe(2);
    expect(weeksIn("2026-11-01", "2026-11-30")).toBe(5);
    expect(weeksIn("2026-11-23", "2026-11-23")).toBe(1);
  });
});
