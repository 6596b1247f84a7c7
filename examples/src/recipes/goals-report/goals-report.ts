import { readFile, rename, writeFile } from "node:fs/promises";
import type { BetterworksClient } from "@workapis/betterworks";
import type { WorkBoardClient, components as WorkBoardTypes } from "@workapis/workboard";
// csv-stringify: RFC 4180 quoting (commas, quotes and newlines in goal names) from a well-kept library.
import { stringify } from "csv-stringify/sync";
import type { Progress } from "../../harness/progress.ts";
import { type RecipeReport, tally } from "../../harness/report.ts";

/** The report's columns, in order. Both vendors fill every column; a missing value is empty. */
export const GOAL_COLUMNS = [
  "source",
  "goal_id",
  "name",
  "owner",
  "progress_percent",
  "start_date",
  "end_date",
  "status",
] as const;

export type GoalRow = { readonly [C in (typeof GOAL_COLUMNS)[number]]: string };

type WorkBoardGoal = WorkBoardTypes["schemas"]["Goal"];

/** A percentage with at most one decimal, as text. */
const percent = (value: number) => String(Math.round(value * 10) / 10);

/** WorkBoard sends dates as epoch seconds ("1751328000"); the report uses ISO dates. */
function isoDate(value: string | undefined): string {
  if (value === undefined || value === "") return "";
  if (/^\d+$/.test(value)) return new Date(Number(value) * 1000).toISOString().slice(0, 10);
  return value.slice(0, 10);
}

function workBoardRow(goal: WorkBoardGoal, ownerName: string | undefined): GoalRow {
  return {
    source: "WorkBoard",
    goal_id: goal.goal_id ?? "",
    name: goal.goal_name ?? "",
    owner: goal.goal_owner_full_name ?? ownerName ?? goal.goal_owner ?? "",
    progress_percent: goal.goal_progress === undefined ? "" : percent(Number(goal.goal_progress)),
    start_date: isoDate(goal.goal_start_date),
    end_date: isoDate(goal.goal_target_date),
    status: goal.goal_status === "2" ? "closed" : "open",
  };
}

async function workBoardRows(workboard: WorkBoardClient): Promise<GoalRow[]> {
  const rows: GoalRow[] = [];
  // Active and closed goals, grouped by person (or team) as WorkBoard lists them.
  for await (const group of workboard.paginate("/goal", {
    params: { query: { goal_status: "1,2", limit: 100 } },
  })) {
    if ("people_goals" in group) {
      const name = [group.user_first_name, group.user_last_name].filter(Boolean).join(" ") || undefined;
      for (const goal of group.people_goals ?? []) rows.push(workBoardRow(goal, name));
    } else if ("team_goals" in group) {
      for (const goal of group.team_goals ?? []) rows.push(workBoardRow(goal, group.team_name));
    }
  }
  return rows;
}

async function betterworksRows(betterworks: BetterworksClient): Promise<GoalRow[]> {
  const rows: GoalRow[] = [];
  for await (const goal of betterworks.paginate("/goals/filter")) {
    rows.push({
      source: "Betterworks",
      goal_id: String(goal.id),
      // Betterworks documents no goal body, so every field may be absent.
      name: goal.name ?? "",
      owner: goal.owner?.user?.name ?? goal.owner?.group?.name ?? "",
      progress_percent: percent((goal.progress ?? 0) * 100),
      start_date: goal.start ?? "",
      end_date: goal.end ?? "",
      status: goal.state ?? "",
    });
  }
  return rows;
}

/** The CSV text: a header, then one row per goal ordered by source and goal id, so runs compare equal. */
export function goalsCsv(rows: readonly GoalRow[]): string {
  const sorted = [...rows].sort(
    (a, b) =>
      a.source.localeCompare(b.source) || a.goal_id.localeCompare(b.goal_id, undefined, { numeric: true }),
  );
  return stringify(sorted, { header: true, columns: [...GOAL_COLUMNS] });
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Exports the goal progress of WorkBoard and Betterworks into one CSV at `outputPath`. Every goal is
 * read before anything is written, and the file is replaced in one rename: a vendor failing midway
 * leaves the previous report as it was. An unchanged report is not rewritten.
 */
export async function goalsReport(
  clients: { readonly workboard: WorkBoardClient; readonly betterworks: BetterworksClient },
  options: { readonly outputPath: string },
  progress: Progress,
): Promise<RecipeReport & { readonly rows: number }> {
  const workboard = await workBoardRows(clients.workboard);
  progress.step(`WorkBoard: ${workboard.length} goals`);
  const betterworks = await betterworksRows(clients.betterworks);
  progress.step(`Betterworks: ${betterworks.length} goals`);
  const csv = goalsCsv([...workboard, ...betterworks]);
  const rows = workboard.length + betterworks.length;
  const outcome = tally(progress);
  if ((await readIfExists(options.outputPath)) === csv) {
    outcome.unchanged(options.outputPath);
    return { ...outcome.report, rows };
  }
  const partial = `${options.outputPath}.partial`;
  await writeFile(partial, csv, "utf8");
  await rename(partial, options.outputPath);
  outcome.changed(
    `${options.outputPath}: ${rows} goals (WorkBoard ${workboard.length}, Betterworks ${betterworks.length})`,
  );
  return { ...outcome.report, rows };
}
