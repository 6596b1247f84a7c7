import { type Connection, connect, type Seeds } from "./harness/connect.ts";
import type { Progress } from "./harness/progress.ts";
import type { RecipeReport } from "./harness/report.ts";
import type { VendorName } from "./harness/vendors.ts";
import { crmToOkr } from "./recipes/crm-to-okr/crm-to-okr.ts";
import { crmToOkrDefaults, crmToOkrSeeds } from "./recipes/crm-to-okr/seed.ts";
import { goalsReport } from "./recipes/goals-report/goals-report.ts";
import { goalsReportSeeds } from "./recipes/goals-report/seed.ts";
import { hrToProfiles } from "./recipes/hr-to-profiles/hr-to-profiles.ts";
import { hrToProfilesSeeds } from "./recipes/hr-to-profiles/seed.ts";
import { timesheetDefaults, timesheetSeeds } from "./recipes/timesheet-approval/seed.ts";
import { timesheetApproval } from "./recipes/timesheet-approval/timesheet-approval.ts";

type Env = Readonly<Record<string, string | undefined>>;

/** A recipe as `pnpm demo` and `pnpm recipe <name>` run it. */
export interface Recipe<V extends VendorName = VendorName> {
  readonly name: string;
  readonly summary: string;
  readonly vendors: readonly V[];
  readonly seeds: Seeds<V>;
  run(connection: Connection<V>, env: Env, progress: Progress): Promise<RecipeReport>;
}

/**
 * A recipe setting: its variable when set; the seeded value when the vendor is mocked; otherwise an
 * error, so that a run against a real account never acts on the demo's made-up ids.
 */
function setting<V extends VendorName>(
  connection: Connection<V>,
  vendor: V,
  env: Env,
  name: string,
  mocked: string,
): string {
  const value = env[name];
  if (value) return value;
  if (connection.mocks[vendor]) return mocked;
  throw new Error(`${name} is required when ${vendor.toUpperCase()}_TOKEN is set`);
}

/** A recipe connected to its vendors: run it (more than once, to see that a second run changes nothing). */
export interface RecipeSession {
  /** Where each vendor's calls go. */
  readonly targets: Readonly<Record<string, string>>;
  run(progress: Progress): Promise<RecipeReport>;
  close(): Promise<void>;
}

/** A recipe with its vendor types erased, so that recipes of different vendors share one list. */
export interface RunnableRecipe {
  readonly name: string;
  readonly summary: string;
  readonly vendors: readonly VendorName[];
  /** Connects the vendors: real where a token is set, else seeded standalone mock servers. */
  open(env: Env): Promise<RecipeSession>;
}

const recipe = <V extends VendorName>(r: Recipe<V>): RunnableRecipe => ({
  name: r.name,
  summary: r.summary,
  vendors: r.vendors,
  open: async (env) => {
    const connection = await connect(r.vendors, { env, seeds: r.seeds });
    return {
      targets: connection.targets,
      // async, so that a missing setting rejects like any other failure instead of throwing.
      run: async (progress) => r.run(connection, env, progress),
      close: () => connection.close(),
    };
  },
});

export const recipes: readonly RunnableRecipe[] = [
  recipe({
    name: "crm-to-okr",
    summary: "won BoardCRM deals per owner → each owner's WorkBoard metric",
    vendors: ["boardcrm", "workboard"],
    seeds: crmToOkrSeeds,
    run: (connection, env, progress) =>
      crmToOkr(
        connection.clients,
        {
          wonColumnId: Number(
            setting(
              connection,
              "boardcrm",
              env,
              "BOARDCRM_WON_COLUMN_ID",
              String(crmToOkrDefaults.wonColumnId),
            ),
          ),
          ownerField: env["BOARDCRM_OWNER_FIELD"] ?? crmToOkrDefaults.ownerField,
          valueField: env["BOARDCRM_VALUE_FIELD"] ?? crmToOkrDefaults.valueField,
          metricName: env["WORKBOARD_METRIC_NAME"] ?? crmToOkrDefaults.metricName,
        },
        progress,
      ),
  }),
  recipe({
    name: "hr-to-profiles",
    summary: "Betterworks employees → WorkBoard users and Workglue employees",
    vendors: ["betterworks", "workboard", "workglue"],
    seeds: hrToProfilesSeeds,
    run: (connection, _env, progress) => hrToProfiles(connection.clients, progress),
  }),
  recipe({
    name: "goals-report",
    summary: "WorkBoard and Betterworks goal progress → one CSV",
    vendors: ["workboard", "betterworks"],
    seeds: goalsReportSeeds,
    run: (connection, env, progress) =>
      goalsReport(
        connection.clients,
        { outputPath: env["GOALS_REPORT_PATH"] ?? "goals-report.csv" },
        progress,
      ),
  }),
  recipe({
    name: "timesheet-approval",
    summary: "submitted WebWork timesheets → approved within contract hours, rejected over them",
    vendors: ["webwork"],
    seeds: timesheetSeeds,
    run: (connection, env, progress) =>
      timesheetApproval(
        connection.clients,
        {
          workspaceId: Number(
            setting(
              connection,
              "webwork",
              env,
              "WEBWORK_WORKSPACE_ID",
              String(timesheetDefaults.workspaceId),
            ),
          ),
          dateFrom: setting(connection, "webwork", env, "TIMESHEETS_FROM", timesheetDefaults.dateFrom),
          dateTo: setting(connection, "webwork", env, "TIMESHEETS_TO", timesheetDefaults.dateTo),
        },
        progress,
      ),
  }),
];
