/**
 * `pnpm release:dry`: the release flow without publishing. Shows the version plan changesets would
 * apply, then runs `pnpm publish --dry-run` in every publishable package (pnpm rewrites workspace:
 * ranges and runs the same packing a real publish does) and lists what would be published.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const repoRoot = resolve(import.meta.dirname, "../..");
const run = (args: string[], cwd: string) =>
  execFileSync("pnpm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

console.log("== version plan (changeset status)");
console.log(run(["changeset", "status", "--verbose"], repoRoot));

const published: string[] = [];
for (const dir of readdirSync(join(repoRoot, "packages")).sort()) {
  const cwd = join(repoRoot, "packages", dir);
  const pkg = JSON.parse(readFileSync(join(cwd, "package.json"), "utf8")) as {
    name: string;
    private?: boolean;
  };
  if (pkg.private) continue;
  let output: string;
  try {
    output = run(["publish", "--dry-run", "--no-git-checks"], cwd);
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    output = `${e.stdout ?? ""}${e.stderr ?? ""}`;
  }
  const line = /^\+ (\S+)$/m.exec(output)?.[1];
  if (!line) throw new Error(`${pkg.name}: publish --dry-run did not finish:\n${output}`);
  published.push(line);
}
console.log("== would publish (dry-run)");
for (const p of published) console.log(`+ ${p}`);
