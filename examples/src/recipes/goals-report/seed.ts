import type { components as Betterworks } from "@workapis/betterworks";
import type { components as WorkBoard } from "@workapis/workboard";
import type { Seeds } from "../../harness/connect.ts";
import { replaceRecords } from "../../harness/replace-records.ts";

type WorkBoardGoal = WorkBoard["schemas"]["Goal"];
type BetterworksGoal = Betterworks["schemas"]["Goal"];

/** 2026-01-01 and 2026-12-31 as WorkBoard sends dates: epoch seconds. */
const JAN_1 = String(Date.UTC(2026, 0, 1) / 1000);
const DEC_31 = String(Date.UTC(2026, 11, 31) / 1000);

const wbGoal = (
  goal_id: string,
  goal_name: string,
  goal_owner: string,
  goal_owner_full_name: string,
  goal_progress: string,
  goal_status: "1" | "2",
): WorkBoardGoal => ({
  goal_id,
  goal_name,
  goal_owner,
  goal_owner_full_name,
  goal_progress,
  goal_status,
  goal_start_date: JAN_1,
  goal_target_date: DEC_31,
});

/** WorkBoard: two people's goals, one closed, one whose name needs CSV quoting. */
export const workBoardGoals: WorkBoardGoal[] = [
  wbGoal("930201", "Grow ARR to $12M", "400001", "Priya Raman", "62", "1"),
  wbGoal("930202", "Launch the partner program, phase 2", "400001", "Priya Raman", "35", "1"),
  wbGoal("930203", 'Close the "Q3 enterprise" deals, EMEA', "400002", "Marcus Lee", "100", "2"),
];

export const workBoardOwners: WorkBoard["schemas"]["User"][] = [
  { user_id: "400001", email: "priya.raman@kestrel.example", first_name: "Priya", last_name: "Raman" },
  { user_id: "400002", email: "marcus.lee@kestrel.example", first_name: "Marcus", last_name: "Lee" },
];

const bwGoal = (
  id: number,
  name: string,
  owner: NonNullable<BetterworksGoal["owner"]>,
  progress: number,
  state: NonNullable<BetterworksGoal["state"]>,
): BetterworksGoal => ({
  id,
  uuid: `00000000-0000-4000-9000-${String(id).padStart(12, "0")}`,
  name,
  description: null,
  is_key_result: false,
  parent: null,
  children: [],
  owner,
  start: "2026-01-01",
  end: "2026-06-30",
  categories: [],
  visibility: "public",
  state,
  health: "on_track",
  progress,
  metric: null,
  created: "2025-12-15T10:00:00Z",
  modified: "2026-11-30T17:45:00Z",
});

const byUser = (id: number, name: string): NonNullable<BetterworksGoal["owner"]> => ({
  type: "user",
  user: { id, name, email: `${name.replace(" ", ".").toLowerCase()}@kestrel.example` },
  group: null,
});

/** Betterworks: a user's goal, a team's goal, and an overachieved closed one. */
export const betterworksGoals: BetterworksGoal[] = [
  bwGoal(8101, "Ship self-serve onboarding", byUser(7003, "Dana Kim"), 0.71, "open"),
  bwGoal(
    8102,
    "Reduce churn below 3%",
    { type: "group", user: null, group: { id: 6207, name: "Customer Success" } },
    0.4,
    "open",
  ),
  bwGoal(8103, "Hire 5 engineers", byUser(7001, "Priya Raman"), 1.2, "closed"),
];

export const goalsReportSeeds: Seeds<"workboard" | "betterworks"> = {
  workboard: (mock) => {
    replaceRecords(mock.store, "user", workBoardOwners);
    replaceRecords(mock.store, "goal", workBoardGoals);
  },
  betterworks: (mock) => replaceRecords(mock.store, "goal", betterworksGoals),
};
