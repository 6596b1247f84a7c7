/**
 * `pnpm recipe <name>`: runs one recipe against the real vendors whose `<VENDOR>_TOKEN` (and optional
 * `<VENDOR>_BASE_URL`) is set, and against seeded standalone mock servers for the others.
 */
import { consoleProgress } from "./harness/progress.ts";
import { summarize } from "./harness/report.ts";
import { recipes } from "./recipes.ts";

const name = process.argv[2];
const recipe = recipes.find((r) => r.name === name);
if (!recipe) {
  console.error(`usage: pnpm recipe <name>; one of: ${recipes.map((r) => r.name).join(", ")}`);
  process.exit(2);
}
const progress = consoleProgress(recipe.name);
const session = await recipe.open(process.env);
try {
  for (const [vendor, target] of Object.entries(session.targets)) progress.step(`${vendor}: ${target}`);
  const report = await session.run(progress);
  progress.step(summarize(report));
  for (const { item, reason } of report.failed) progress.step(`  not done: ${item}: ${reason}`);
  process.exitCode = report.failed.length === 0 ? 0 : 1;
} finally {
  await session.close();
}
