import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InternalServerError } from "@workapis/betterworks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Connection, connectToMocks } from "../../harness/connect.ts";
import { recordingProgress } from "../../harness/progress.ts";
import { GOAL_COLUMNS, goalsReport } from "./goals-report.ts";
import { goalsReportSeeds } from "./seed.ts";

let connection: Connection<"workboard" | "betterworks"> | undefined;
let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "goals-report-"));
});
afterEach(async () => {
  await connection?.close();
  await rm(dir, { recursive: true, force: true });
});

async function setUp() {
  const mocked = await connectToMocks(["workboard", "betterworks"], goalsReportSeeds);
  connection = mocked;
  const { workboard, betterworks } = mocked.mocks;
  return { clients: mocked.clients, workboard, betterworks, outputPath: join(dir, "goals.csv") };
}

describe("goals-report", () => {
  it("writes every goal of both vendors into one CSV with the stable column set", async () => {
    const { clients, workboard, betterworks, outputPath } = await setUp();
    const report = await goalsReport(clients, { outputPath }, recordingProgress());
    const lines = (await readFile(outputPath, "utf8")).trimEnd().split("\n");

    expect(lines[0]).toBe(GOAL_COLUMNS.join(","));
    const total = workboard.store.list("goal").length + betterworks.store.list("goal").length;
    expect(report.rows).toBe(total);
    expect(lines).toHaveLength(total + 1);
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 2).join(","))).toEqual([
      "Betterworks,8101",
      "Betterworks,8102",
      "Betterworks,8103",
      "WorkBoard,930201",
      "WorkBoard,930202",
      "WorkBoard,930203",
    ]);
    // Fractions become percentages, team owners are named, epoch seconds become ISO dates.
    expect(lines).toContain("Betterworks,8103,Hire 5 engineers,Priya Raman,120,2026-01-01,2026-06-30,closed");
    expect(lines).toContain(
      "Betterworks,8102,Reduce churn below 3%,Customer Success,40,2026-01-01,2026-06-30,open",
    );
    expect(lines).toContain("WorkBoard,930201,Grow ARR to $12M,Priya Raman,62,2026-01-01,2026-12-31,open");
    expect(lines).toContain(
      'WorkBoard,930203,"Close the ""Q3 enterprise"" deals, EMEA",Marcus Lee,100,2026-01-01,2026-12-31,closed',
    );
  });

  it("changes nothing on a second run", async () => {
    const { clients, outputPath } = await setUp();
    await goalsReport(clients, { outputPath }, recordingProgress());
    const first = await readFile(outputPath, "utf8");
    const second = await goalsReport(clients, { outputPath }, recordingProgress());
    expect(second.changed).toEqual([]);
    expect(second.unchanged).toEqual([outputPath]);
    expect(await readFile(outputPath, "utf8")).toBe(first);
  });

  it("retries a 429 and still writes the whole report", async () => {
    const { clients, betterworks, outputPath } = await setUp();
    betterworks.scenario("filterGoals", { kind: "error", status: 429, retryAfter: 0 });
    const report = await goalsReport(clients, { outputPath }, recordingProgress());
    expect(report.rows).toBe(6);
    expect((await readFile(outputPath, "utf8")).trimEnd().split("\n")).toHaveLength(7);
  });

  it("keeps the previous report whole when a vendor fails midway", async () => {
    const { clients, betterworks, outputPath } = await setUp();
    await writeFile(outputPath, "the previous report\n");
    betterworks.scenario("filterGoals", { kind: "error", status: 500 }, 3);
    await expect(goalsReport(clients, { outputPath }, recordingProgress())).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(await readFile(outputPath, "utf8")).toBe("the previous report\n");
    expect(await readdir(dir)).toEqual(["goals.csv"]);
  });
});
