/** What one run of a recipe did: every record it changed, left as it was, or could not handle. */
export interface RecipeReport {
  readonly changed: string[];
  readonly unchanged: string[];
  readonly failed: { readonly item: string; readonly reason: string }[];
}

export function emptyReport(): RecipeReport {
  return { changed: [], unchanged: [], failed: [] };
}

/** An error's message, for a report line (an ApiError's message already names status and code). */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One line for a run: "2 changed, 1 unchanged, 1 not done". */
export function summarize(report: RecipeReport): string {
  return `${report.changed.length} changed, ${report.unchanged.length} unchanged, ${report.failed.length} not done`;
}
