/**
 * `pnpm probe <vendor> [options]`: runs the vendor package's built probe command (the bin users get
 * as `workapis-<vendor>-probe`) with the remaining arguments. Needs `pnpm build` first.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { readVendors } from "../codegen/workspace-config.ts";

const repoRoot = resolve(import.meta.dirname, "../..");
const known = readVendors(repoRoot).map((v) => v.vendor);
const [vendor, ...rest] = process.argv.slice(2);

if (!vendor || !known.includes(vendor)) {
  process.stderr.write(
    `usage: pnpm probe <${known.join("|")}> [--json] [--base-url <url>] [--param <name>=<value>] [--strict] [--help]\n`,
  );
  process.exit(2);
}
const bin = resolve(repoRoot, "packages", vendor, "dist/probe.js");
if (!existsSync(bin)) {
  process.stderr.write(`pnpm probe: packages/${vendor}/dist/probe.js is missing; run pnpm build first\n`);
  process.exit(1);
}
const { status } = spawnSync(process.execPath, [bin, ...rest], { stdio: "inherit" });
process.exit(status ?? 1);
