import type { WebWorkClient, components as WebWorkTypes } from "@workapis/webwork";
import type { Progress } from "../../harness/progress.ts";
import { type RecipeReport, reasonOf, tally } from "../../harness/report.ts";

type Timesheet = WebWorkTypes["schemas"]["Timesheet"];

export interface TimesheetApprovalOptions {
  readonly workspaceId: number;
  /** The period's first and last day, `YYYY-MM-DD`. */
  readonly dateFrom: string;
  readonly dateTo: string;
}

/** Weekly hours each member may log, summed over their active contracts; `null` when one has no limit. */
async function weeklyLimits(
  webwork: WebWorkClient,
  workspaceId: number,
): Promise<Map<number, number | null>> {
  const limits = new Map<number, number | null>();
  for await (const contract of webwork.paginate("/contracts", {
    params: { query: { workspace_id: workspaceId, status: "active", per_page: 100 } },
  })) {
    const sofar = limits.get(contract.user_id);
    const limit = contract.weekly_hours_limit ?? null;
    limits.set(contract.user_id, sofar === null || limit === null ? null : (sofar ?? 0) + limit);
  }
  return limits;
}

/** The number of weeks a timesheet spans (at least one): a weekly limit scales with it. */
export function weeksIn(dateFrom: string, dateTo: string): number {
  const days = (Date.parse(dateTo) - Date.parse(dateFrom)) / 86_400_000 + 1;
  return Math.max(1, Math.ceil(days / 7));
}

export const hoursAndMinutes = (minutes: number) => `${Math.floor(minutes / 60)}h ${minutes % 60}m`;

async function submittedTimesheets(webwork: WebWorkClient, options: TimesheetApprovalOptions) {
  const found: Timesheet[] = [];
  // WebWork calls the submitted state `submitted`, and on one page `pending`: both wait for approval.
  for (const status of ["submitted", "pending"] as const) {
    for await (const timesheet of webwork.paginate("/timesheets", {
      params: {
        query: {
          workspace_id: options.workspaceId,
          status,
          date_from: options.dateFrom,
          date_to: options.dateTo,
          per_page: 100,
        },
      },
    })) {
      found.push(timesheet);
    }
  }
  return found.sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }));
}

/**
 * Approves each submitted WebWork timesheet of the period that stays within its member's contract
 * hours, and rejects the others with a reason the member sees. A member without an active contract is
 * reported and left for a person to decide. One call per timesheet; a second run finds nothing to do.
 */
export async function timesheetApproval(
  clients: { readonly webwork: WebWorkClient },
  options: TimesheetApprovalOptions,
  progress: Progress,
): Promise<RecipeReport> {
  const { webwork } = clients;
  const outcome = tally(progress);
  const timesheets = await submittedTimesheets(webwork, options);
  const limits = await weeklyLimits(webwork, options.workspaceId);
  progress.step(
    `WebWork: ${timesheets.length} submitted timesheets ${options.dateFrom}..${options.dateTo}, ${limits.size} members with contracts`,
  );
  for (const timesheet of timesheets) {
    const { user_id: member, date_from: from, date_to: to, total_minutes: minutes } = timesheet;
    const item = `timesheet ${timesheet.id} (member ${member ?? "unknown"})`;
    // WebWork marks only a timesheet's id as always present: one without its member, period or
    // logged time cannot be judged here.
    if (member == null || from == null || to == null || minutes === undefined) {
      outcome.failed(
        item,
        "no member, period or logged time in WebWork's answer; left for a person to decide",
      );
      continue;
    }
    const weekly = limits.get(member);
    if (weekly === undefined) {
      outcome.failed(item, "no active contract; left submitted for a person to decide");
      continue;
    }
    const allowed = weekly === null ? Number.POSITIVE_INFINITY : weekly * 60 * weeksIn(from, to);
    const logged = hoursAndMinutes(minutes);
    const path = { timesheetId: timesheet.id };
    const within = minutes <= allowed;
    const { error } = within
      ? await webwork.PUT("/timesheets/{timesheetId}/approve", {
          params: { path },
          body: { workspace_id: options.workspaceId },
        })
      : await webwork.PUT("/timesheets/{timesheetId}/reject", {
          params: { path },
          body: {
            workspace_id: options.workspaceId,
            reason: `Logged ${logged}; your contract allows ${hoursAndMinutes(allowed)} for this period.`,
          },
        });
    if (error) {
      outcome.failed(item, reasonOf(error));
      continue;
    }
    const verdict = within ? "approved" : `rejected (over ${hoursAndMinutes(allowed)})`;
    outcome.changed(`${item}: ${logged} ${verdict}`);
  }
  return outcome.report;
}
