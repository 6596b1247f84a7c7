import type { BoardCRMClient } from "@workapis/boardcrm";
import { unwrap, type WorkBoardClient } from "@workapis/workboard";
import type { Progress } from "../../harness/progress.ts";
import { type RecipeReport, reasonOf, tally } from "../../harness/report.ts";

export interface CrmToOkrOptions {
  /** The BoardCRM column that holds won deals. */
  readonly wonColumnId: number;
  /** The deal field (alias) naming the deal's owner by email. */
  readonly ownerField: string;
  /** The deal field (alias) holding the deal's value. */
  readonly valueField: string;
  /** The name of each owner's WorkBoard metric that receives the sum. */
  readonly metricName: string;
}

/** Sums of won deal values per owner email (lower case), in cents-exact decimal strings. */
export async function wonValueByOwner(
  boardcrm: BoardCRMClient,
  options: CrmToOkrOptions,
  progress: Progress,
): Promise<Map<string, number>> {
  const sums = new Map<string, number>();
  let deals = 0;
  let skipped = 0;
  for await (const deal of boardcrm.paginate("/api/offer/list", {
    body: { column_id: options.wonColumnId, limit: 100 },
  })) {
    deals++;
    const owner = deal.values?.[options.ownerField];
    const value = Number(deal.values?.[options.valueField]);
    if (typeof owner !== "string" || !owner.includes("@") || !Number.isFinite(value)) {
      skipped++;
      continue;
    }
    const key = owner.trim().toLowerCase();
    sums.set(key, (sums.get(key) ?? 0) + Math.round(value * 100));
  }
  progress.step(
    `BoardCRM: ${deals} won deals, ${sums.size} owners${skipped ? `, ${skipped} without an owner or value` : ""}`,
  );
  return new Map([...sums].map(([owner, cents]) => [owner, cents / 100]));
}

interface TargetMetric {
  readonly id: string;
  readonly current: string | undefined;
}

/** Each owner's metric of the given name, by the owner's email (lower case). */
async function metricsByOwnerEmail(
  workboard: WorkBoardClient,
  metricName: string,
  progress: Progress,
): Promise<Map<string, TargetMetric>> {
  const byOwnerId = new Map<string, TargetMetric>();
  for await (const metric of workboard.paginate("/metric", { params: { query: { limit: 100 } } })) {
    if (
      metric.metric_name !== metricName ||
      metric.metric_owner === undefined ||
      metric.metric_id === undefined
    )
      continue;
    byOwnerId.set(metric.metric_owner, { id: metric.metric_id, current: metric.metric_achieve_target });
  }
  const byEmail = new Map<string, TargetMetric>();
  for (const [ownerId, metric] of byOwnerId) {
    const { data } = await unwrap(
      workboard.GET("/user/{user_id}", { params: { path: { user_id: Number(ownerId) } } }),
    );
    const email = data?.user?.email;
    if (email !== undefined) byEmail.set(email.toLowerCase(), metric);
  }
  progress.step(`WorkBoard: ${byEmail.size} "${metricName}" metrics with an owner`);
  return byEmail;
}

const asMetricValue = (value: number) => String(Number(value.toFixed(2)));

/**
 * Pushes the value of each owner's won BoardCRM deals to their WorkBoard metric. A metric that
 * already shows the sum is left alone (a second run changes nothing); a metric that fails to update
 * is reported and the others still go through. Each metric is one call, so none is half-written.
 */
export async function crmToOkr(
  clients: { readonly boardcrm: BoardCRMClient; readonly workboard: WorkBoardClient },
  options: CrmToOkrOptions,
  progress: Progress,
): Promise<RecipeReport> {
  const outcome = tally(progress);
  const sums = await wonValueByOwner(clients.boardcrm, options, progress);
  const metrics = await metricsByOwnerEmail(clients.workboard, options.metricName, progress);
  for (const [owner, sum] of [...sums].sort(([a], [b]) => a.localeCompare(b))) {
    const metric = metrics.get(owner);
    const value = asMetricValue(sum);
    if (!metric) {
      outcome.failed(owner, `no WorkBoard "${options.metricName}" metric owned by this seller`);
      continue;
    }
    if (metric.current !== undefined && Number(metric.current) === Number(value)) {
      outcome.unchanged(`metric ${metric.id} (${owner})`);
      continue;
    }
    const { error } = await clients.workboard.PUT("/metric/{metric_id}", {
      params: { path: { metric_id: Number(metric.id) } },
      body: { metric_data: value, metric_comment: `Won deals in BoardCRM: ${value}` },
    });
    if (error) {
      outcome.failed(`metric ${metric.id} (${owner})`, reasonOf(error));
      continue;
    }
    outcome.changed(`metric ${metric.id} (${owner}): ${metric.current ?? "none"} → ${value}`);
  }
  return outcome.report;
}
