import { describeDivergence } from "../validation/divergence.ts";
import type { ProbeReport, ProbeRow } from "./run-probe.ts";

/** The counts a report is judged by: `failures` are divergences that break the spec. */
export function summarise(report: ProbeReport) {
  const all = report.rows.flatMap((r) => r.divergences);
  return {
    operations: report.rows.length,
    called: report.rows.filter((r) => r.skipped === undefined).length,
    skipped: report.rows.filter((r) => r.skipped !== undefined).length,
    errors: report.rows.filter((r) => r.error !== undefined).length,
    divergences: all.length,
    failures: all.filter((d) => d.failure).length,
  };
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s+/g, " ");

function note(row: ProbeRow): string {
  if (row.skipped) return `skipped: ${row.skipped}`;
  if (row.error) return row.error;
  const extra = row.divergences.filter((d) => !d.failure).length;
  return extra ? `${extra} extra field${extra > 1 ? "s" : ""}, not in the spec` : "";
}

/**
 * The report as Markdown, ready to paste into an issue: one table row per operation (status, time,
 * divergences), then one line per divergence. No response values, no credential.
 */
export function formatReport(vendor: string, report: ProbeReport): string {
  const counts = summarise(report);
  const extras = counts.divergences - counts.failures;
  const lines = [
    `## ${vendor} probe: ${counts.called} of ${counts.operations} safe reads called, ${counts.failures} divergence${counts.failures === 1 ? "" : "s"} from the spec, ${extras} extra field${extras === 1 ? "" : "s"}, ${counts.errors} failed, ${counts.skipped} skipped`,
    "",
    "| operation | request | status | ms | divergences | note |",
    "|---|---|---|---|---|---|",
    ...report.rows.map(
      (r) =>
        `| ${r.operation} | \`${r.request}\` | ${r.status ?? "–"} | ${r.ms ?? "–"} | ${r.skipped ? "–" : r.divergences.filter((d) => d.failure).length} | ${cell(note(r))} |`,
    ),
  ];
  const found = report.rows.flatMap((r) => r.divergences);
  if (found.length > 0)
    lines.push("", "### Divergences", "", ...found.map((d) => `- ${describeDivergence(d)}`));
  return `${lines.join("\n")}\n`;
}
