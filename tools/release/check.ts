/**
 * `pnpm release:check [--base REV]`: every vendor whose spec differs from the base (default: the
 * package's last release tag, `@workapis/<vendor>@<version>`, as changesets tags releases) needs a
 * changeset naming its package, and a breaking change needs a major bump. Never-released packages
 * pass: there is nothing published to break.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { readVendors } from "../codegen/workspace-config.ts";
import { breakingChanges, bumpsFromChangesets, releaseProblems } from "./breaking-changes.ts";

const repoRoot = resolve(import.meta.dirname, "../..");
const { values } = parseArgs({ options: { base: { type: "string" } } });
const git = (...args: string[]) =>
  execFileSync("git", args, { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });

const changed: { packageName: string; breaking: string[] }[] = [];
for (const { vendor, spec } of readVendors(repoRoot)) {
  const pkg = JSON.parse(readFileSync(join(repoRoot, "packages", vendor, "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  const base = values.base ?? `${pkg.name}@${pkg.version}`;
  let before: string;
  try {
    before = git("show", `${base}:${spec}`);
  } catch {
    console.log(`${pkg.name}: no ${base} to compare with (never released); nothing to check`);
    continue;
  }
  const after = readFileSync(join(repoRoot, spec), "utf8");
  if (before === after) continue;
  changed.push({ packageName: pkg.name, breaking: breakingChanges(parse(before), parse(after)) });
}
const dir = join(repoRoot, ".changeset");
const bumps = bumpsFromChangesets(
  readdirSync(dir)
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .map((f) => readFileSync(join(dir, f), "utf8")),
);
const problems = releaseProblems(changed, bumps);
for (const p of problems) console.error(p);
console.log(problems.length === 0 ? "release check: ok" : `release check: ${problems.length} problem(s)`);
process.exitCode = problems.length === 0 ? 0 : 1;
