/**
 * `pnpm demo`: runs every recipe against the vendors' standalone mock servers (or a real account,
 * where `<VENDOR>_TOKEN` is set), with a progress line per step, what changed, and a second run that
 * shows each recipe is idempotent.
 */
import { consoleProgress } from "./harness/progress.ts";
import { reasonOf, summarize } from "./harness/report.ts";
import { recipes } from "./recipes.ts";

let problems = 0;
for (const recipe of recipes) {
  const progress = consoleProgress(recipe.name);
  console.log(`\n== ${recipe.name}: ${recipe.summary}`);
  const session = await recipe.open(process.env);
  try {
    for (const [vendor, target] of Object.entries(session.targets)) progress.step(`${vendor}: ${target}`);
    const first = await session.run(progress);
    progress.step(`done: ${summarize(first)}`);
    const second = await session.run(consoleProgress(`${recipe.name} (second run)`, () => undefined));
    progress.step(`second run: ${summarize(second)}`);
    if (second.changed.length > 0) problems++;
  } catch (error) {
    problems++;
    progress.problem(reasonOf(error));
  } finally {
    await session.close();
  }
}
console.log(
  problems === 0
    ? "\nEvery recipe ran; every second run changed nothing."
    : `\n${problems} recipe(s) failed.`,
);
process.exitCode = problems === 0 ? 0 : 1;
