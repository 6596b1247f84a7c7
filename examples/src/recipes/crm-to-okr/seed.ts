import type { components as BoardCRM } from "@workapis/boardcrm";
import type { components as WorkBoard } from "@workapis/workboard";
import type { Seeds } from "../../harness/connect.ts";
import { replaceRecords } from "../../harness/replace-records.ts";
import type { CrmToOkrOptions } from "./crm-to-okr.ts";

type Deal = BoardCRM["schemas"]["ListedOffer"];
type User = WorkBoard["schemas"]["User"];
type Metric = WorkBoard["schemas"]["Metric"];

export const WON_COLUMN = 88217;
const OPEN_COLUMN = 88214;

export const crmToOkrDefaults: CrmToOkrOptions = {
  wonColumnId: WON_COLUMN,
  ownerField: "owner",
  valueField: "price",
  metricName: "Won deals (USD)",
};

const deal = (id: number, column_id: number, values: Deal["values"]): Deal => ({
  id,
  column_id,
  lead_id: null,
  reason_id: column_id === WON_COLUMN ? 1 : null,
  comment_cnt: 0,
  created_at: "2026-10-01 09:00:00",
  updated_at: "2026-11-20 16:30:00",
  deadline: null,
  deadline_done: false,
  finished_at: column_id === WON_COLUMN ? "2026-11-20 16:30:00" : null,
  ...(values ? { values } : {}),
});

/** Won deals of three sellers (one has no WorkBoard metric), an open deal, and a won deal with no owner. */
export const deals: Deal[] = [
  deal(5001, WON_COLUMN, { title: "Nordlys rollout", price: 18500, owner: "ana.silva@northwind.example" }),
  deal(5002, WON_COLUMN, {
    title: "BrightPath renewal",
    price: 7250.5,
    owner: "ana.silva@northwind.example",
  }),
  deal(5003, WON_COLUMN, { title: "Tailspin upsell", price: 12000, owner: "Ben.Okafor@northwind.example" }),
  deal(5004, WON_COLUMN, { title: "Fabrikam pilot", price: 4000, owner: "ben.okafor@northwind.example" }),
  deal(5005, WON_COLUMN, { title: "Contoso seats", price: 9900, owner: "chen.wu@northwind.example" }),
  deal(5006, OPEN_COLUMN, { title: "Litware (open)", price: 50000, owner: "ana.silva@northwind.example" }),
  deal(5007, WON_COLUMN, { title: "Unassigned win", price: 1000 }),
];

const user = (user_id: string, first_name: string, last_name: string): User => ({
  user_id,
  email: `${first_name}.${last_name}@northwind.example`.toLowerCase(),
  first_name,
  last_name,
});

export const users: User[] = [
  user("300101", "Ana", "Silva"),
  user("300102", "Ben", "Okafor"),
  user("300103", "Chen", "Wu"),
];

const metric = (metric_id: string, metric_owner: string, metric_name: string, current: string): Metric => ({
  metric_id,
  metric_goal_id: "940001",
  metric_owner,
  metric_name,
  metric_target: "100000",
  metric_achieve_target: current,
});

/** Ana's and Ben's "Won deals" metrics (Ben's is stale), and an unrelated metric of Ana's. */
export const metrics: Metric[] = [
  metric("6100001", "300101", "Won deals (USD)", "0"),
  metric("6100002", "300102", "Won deals (USD)", "9000"),
  metric("6100003", "300101", "Demos booked", "14"),
];

export const crmToOkrSeeds: Seeds<"boardcrm" | "workboard"> = {
  boardcrm: (mock) => replaceRecords(mock.store, "offer", deals),
  workboard: (mock) => {
    replaceRecords(mock.store, "user", users);
    replaceRecords(mock.store, "metric", metrics);
  },
};
