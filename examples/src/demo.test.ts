import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { GOAL_COLUMNS } from "./recipes/goals-report/goals-report.ts";

const run = promisify(execFile);

describe("pnpm demo", () => {
  it("runs every recipe against the mock servers, prints each change, and a second run changes nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "demo-"));
    try {
      // Without any <VENDOR>_TOKEN, whatever the machine's environment holds.
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.endsWith("_TOKEN")));
      const { stdout } = await run(
        process.execPath,
        ["--import", "tsx", join(import.meta.dirname, "demo.ts")],
        {
          env: { ...env, GOALS_REPORT_PATH: join(dir, "goals.csv") },
        },
      );
      for (const name of ["crm-to-okr", "hr-to-profiles", "goals-report", "timesheet-approval"]) {
        expect(stdout).toContain(`== ${name}:`);
        expect(stdout).toMatch(new RegExp(`\\[${name}\\] second run: 0 changed`));
      }
      expect(stdout).toContain("changed: metric 6100001 (ana.silva@northwind.example): 0 → 25750.5");
      expect(stdout).toContain("changed: timesheet ts-1002 (member 52): 25h 30m rejected (over 20h 0m)");
      expect(stdout).toContain("Every recipe ran; every second run changed nothing.");
      expect((await readFile(join(dir, "goals.csv"), "utf8")).split("\n")[0]).toBe(GOAL_COLUMNS.join(","));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
