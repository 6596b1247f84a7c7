import type { Progress } from "./progress.ts";

/** What one run of a recipe did: every record it changed, left as it was, or could not handle. */
export interface RecipeReport {
  readonly changed: string[];
  readonly unchanged: string[];
  readonly failed: { readonly item: string; readonly reason: string }[];
}

/** A report being written: each outcome is recorded and, where it matters, printed, in one call. */
export interface Tally {
  readonly report: RecipeReport;
  changed(text: string): void;
  unchanged(item: string): void;
  failed(item: string, reason: string): void;
}

export function tally(progress: Progress): Tally {
  const report: RecipeReport = { changed: [], unchanged: [], failed: [] };
  return {
    report,
    changed(text) {
      report.changed.push(text);
      progress.change(text);
    },
    unchanged(item) {
      report.unchanged.push(item);
    },
    failed(item, reason) {
      report.failed.push({ item, reason });
      progress.problem(`${item}: ${reason}`);
    },
  };
}

/** An error's message, for a report line (an ApiError's message already names status and code). */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One line for a run: "2 changed, 1 unchanged, 1 not done". */
export function summarize(report: RecipeReport): string {
  return `${report.changed.length} changed, ${report.unchanged.length} unchanged, ${report.failed.length} not done`;
}
