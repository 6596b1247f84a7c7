import type { components as WebWork } from "@workapis/webwork";
import type { Seeds } from "../../harness/connect.ts";
import { replaceRecords } from "../../harness/replace-records.ts";
import type { TimesheetApprovalOptions } from "./timesheet-approval.ts";

type Timesheet = WebWork["schemas"]["Timesheet"];
type Contract = WebWork["schemas"]["Contract"];

export const timesheetDefaults: TimesheetApprovalOptions = {
  workspaceId: 4821,
  dateFrom: "2026-11-23",
  dateTo: "2026-11-29",
};

const sheet = (
  id: string,
  user_id: number,
  hours: number,
  status: NonNullable<Timesheet["status"]>,
  week = timesheetDefaults,
): Timesheet => ({
  id,
  user_id,
  status,
  date_from: week.dateFrom,
  date_to: week.dateTo,
  total_minutes: Math.round(hours * 60),
});

const lastWeek = { ...timesheetDefaults, dateFrom: "2026-11-16", dateTo: "2026-11-22" };

/**
 * The week's timesheets: within the limit (51), over it (52), exactly at the sum of two contracts
 * (53), no contract (54, in the `pending` spelling), no limit (55); and two that are not waiting:
 * an open one and last week's approved one.
 */
export const timesheets: Timesheet[] = [
  sheet("ts-1001", 51, 38, "submitted"),
  sheet("ts-1002", 52, 25.5, "submitted"),
  sheet("ts-1003", 53, 30, "submitted"),
  sheet("ts-1004", 54, 10, "pending"),
  sheet("ts-1005", 55, 50, "submitted"),
  sheet("ts-1006", 51, 12, "open"),
  sheet("ts-0901", 52, 45, "approved", lastWeek),
];

const contract = (
  id: number,
  user_id: number,
  weekly_hours_limit: number | null,
  status = "active",
): Contract => ({
  id,
  project_id: 3100 + id,
  user_id,
  weekly_hours_limit,
  status,
});

/** Weekly limits: 51 → 40 h, 52 → 20 h, 53 → 20 + 10 h, 55 → none; 52's ended contract does not count. */
export const contracts: Contract[] = [
  contract(1, 51, 40),
  contract(2, 52, 20),
  contract(3, 53, 20),
  contract(4, 53, 10),
  contract(5, 55, null),
  contract(6, 52, 60, "ended"),
];

export const timesheetSeeds: Seeds<"webwork"> = {
  webwork: (mock) => {
    replaceRecords(mock.store, "timesheet", timesheets);
    replaceRecords(mock.store, "contract", contracts);
  },
};
