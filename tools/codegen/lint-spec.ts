import { lint, loadConfig } from "@redocly/openapi-core";
import type { SpecProblem } from "./spec-error.ts";

/**
 * Lints a spec with the repository's redocly.yaml (the same rules as `pnpm lint:specs`) and returns
 * every error and warning as a located problem. The project allows no warnings.
 */
export async function lintSpec(file: string, configPath: string): Promise<SpecProblem[]> {
  const config = await loadConfig({ configPath });
  const problems = await lint({ ref: file, config });
  return problems
    .filter((p) => !p.ignored && (p.severity === "error" || p.severity === "warn"))
    .map((p) => {
      const loc = p.location[0];
      const source = loc?.source.absoluteRef ?? file;
      return {
        file: source.startsWith(process.cwd()) ? source.slice(process.cwd().length + 1) : source,
        pointer: loc?.pointer ?? "#",
        message: `${p.message} (${p.ruleId})`,
      };
    });
}
