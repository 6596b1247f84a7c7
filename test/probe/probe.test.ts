import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { createBetterworksMock } from "@workapis/betterworks/msw";
import { createBoardCRMMock } from "@workapis/boardcrm/msw";
import type { VendorMock } from "@workapis/mock";
import { serveMock } from "@workapis/mock/server";
import { createWebWorkMock } from "@workapis/webwork/msw";
import { createWorkBoardMock } from "@workapis/workboard/msw";
import { createWorkglueMock } from "@workapis/workglue/msw";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../conformance/spec-model.ts";

/**
 * Each vendor's probe command (the built bin, run as users run it) against the vendor's mock over
 * HTTP: a mock that follows the spec gives an empty report, a drifted one the exact divergences.
 */
const run = promisify(execFile);
const SECRET = "probe-secret-credential-42";

const vendors = {
  workboard: { mock: () => createWorkBoardMock(), env: "WORKBOARD_TOKEN" },
  workglue: { mock: () => createWorkglueMock(), env: "WORKGLUE_ACCOUNT_API_KEY" },
  betterworks: { mock: () => createBetterworksMock(), env: "BETTERWORKS_API_KEY" },
  webwork: { mock: () => createWebWorkMock(), env: "WEBWORK_TOKEN" },
  boardcrm: { mock: () => createBoardCRMMock(), env: "BOARDCRM_TOKEN" },
} as const;
type Vendor = keyof typeof vendors;

interface Row {
  operation: string;
  request: string;
  status?: number;
  ms?: number;
  divergences: unknown[];
  skipped?: string;
  error?: string;
}
interface JsonReport {
  vendor: string;
  summary: { operations: number; called: number; divergences: number; failures: number; errors: number };
  rows: Row[];
}

/** Runs `workapis-<vendor>-probe` against a mock served over HTTP; answers its exit code and output. */
async function probe(vendor: Vendor, mock: VendorMock, args: string[] = ["--json"]) {
  const server = await serveMock(mock);
  try {
    const bin = resolve(repoRoot, "packages", vendor, "dist/probe.js");
    const result = await run("node", [bin, "--base-url", server.url, ...args], {
      env: { ...process.env, [vendors[vendor].env]: SECRET },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    return result;
  } finally {
    await server.close();
  }
}

describe.each(Object.keys(vendors) as Vendor[])("workapis-%s-probe against a clean mock", (vendor) => {
  it("calls the safe reads and finds nothing: an empty report, exit code 0, no credential printed", async () => {
    const { code, stdout } = await probe(vendor, vendors[vendor].mock());
    expect(stdout).not.toContain(SECRET);
    const report = JSON.parse(stdout) as JsonReport;
    const called = report.rows.filter((r) => r.skipped === undefined);
    expect(called.length).toBeGreaterThan(report.rows.length / 2);
    expect(report.rows.filter((r) => r.divergences.length > 0 || r.error !== undefined)).toEqual([]);
    expect(called.every((r) => r.status !== undefined && r.status >= 200 && r.status < 300)).toBe(true);
    expect(report.summary).toMatchObject({ divergences: 0, failures: 0, errors: 0 });
    expect(code).toBe(0);
  });
});

/** A member as the WebWork mock answers it, every field as the spec says. */
const MEMBER = {
  id: 10234,
  email: "daniel.okafor@northwindstudio.example",
  firstname: "Daniel",
  lastname: "Okafor",
  avatar: null,
  timezone: "Europe/London",
  current_role: "Regular User",
  status: "active",
  is_blocked: false,
  rate: 45,
  rate_status: 1,
  rate_type: "hourly",
  screenshots: "regular",
  team_name: "Design",
  weekly_hours_limit: 40,
  created_at: "2024-09-02T08:15:00Z",
  updated_at: "2025-02-20T16:40:12Z",
  deleted_at: null,
};

const META = { api_version: "2.0.0", timestamp: "2025-03-14T10:30:00Z" };

describe("workapis-webwork-probe against a drifted mock", () => {
  /** The mock's member, drifted: `firstname` renamed, `rate` a string, `email` gone, a field added. */
  function drifted() {
    const mock = createWebWorkMock();
    mock.override("getMember", () => {
      const { email: _gone, firstname, rate, ...rest } = MEMBER;
      return {
        success: true,
        data: { ...rest, first_name: firstname, rate: String(rate), nickname: "Dan" },
        meta: META,
      } as never;
    });
    return mock;
  }

  it("reports each divergence exactly, and exits 1", async () => {
    const { code, stdout } = await probe("webwork", drifted());
    const report = JSON.parse(stdout) as JsonReport;
    const rows = report.rows.filter((r) => r.divergences.length > 0).map(({ ms: _ms, ...row }) => row);
    const divergence = (pointer: string, kind: string, expected: string, got: string, failure = true) => ({
      operation: "getMember",
      pointer,
      kind,
      expected,
      got,
      failure,
    });
    expect(rows).toEqual([
      {
        operation: "getMember",
        request: "GET /members/{memberId}",
        status: 200,
        divergences: [
          divergence("/data/email", "missing", "required", "absent"),
          divergence("/data/firstname", "missing", "required", "absent"),
          divergence("/data/rate", "type", "number or null", "string"),
          divergence("/data/first_name", "extra", "not in the spec", "string", false),
          divergence("/data/nickname", "extra", "not in the spec", "string", false),
        ],
      },
    ]);
    expect(report.summary).toMatchObject({ divergences: 5, failures: 3, errors: 0 });
    expect(code).toBe(1);
  });

  it("prints a Markdown table and the divergences, none of the member's values", async () => {
    const { code, stdout } = await probe("webwork", drifted(), []);
    expect(code).toBe(1);
    expect(stdout).toContain("| getMember | `GET /members/{memberId}` | 200 |");
    expect(stdout).toContain("| 3 | 2 extra fields, not in the spec |");
    expect(stdout).toMatch(/3 divergences from the spec, 2 extra fields, 0 failed/);
    expect(stdout).toContain("- getMember /data/rate: type, expected number or null, got string");
    expect(stdout).not.toMatch(/Daniel|Okafor|northwindstudio/);
    expect(stdout).not.toContain(SECRET);
  });

  it("an extra field is a divergence: reported, exit code 1; --allow-extra lets it pass", async () => {
    const mock = createWebWorkMock();
    mock.override(
      "getMember",
      () => ({ success: true, data: { ...MEMBER, beta: true }, meta: META }) as never,
    );
    const run = await probe("webwork", mock);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.rows.find((r) => r.operation === "getMember")?.divergences).toEqual([
      {
        operation: "getMember",
        pointer: "/data/beta",
        kind: "extra",
        expected: "not in the spec",
        got: "boolean",
        failure: false,
      },
    ]);
    expect(run.code).toBe(1);
    const allowed = await probe("webwork", mock, ["--json", "--allow-extra"]);
    expect(allowed.code).toBe(0);
    expect(
      (JSON.parse(allowed.stdout) as JsonReport).rows.find((r) => r.operation === "getMember")?.divergences,
    ).toHaveLength(1);
  });
});

describe("workapis-webwork-probe usage", () => {
  it("says which variable to set when the credential is missing, exit code 2", async () => {
    const bin = resolve(repoRoot, "packages/webwork/dist/probe.js");
    const { WEBWORK_TOKEN: _unset, ...env } = process.env;
    const failed = await run("node", [bin], { env }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toBe(
      "workapis-webwork-probe: set WEBWORK_TOKEN to your WebWork credential (see --help)\n",
    );
    const help = await run("node", [bin, "--help"], { env });
    expect(help.stdout).toContain("Usage: WEBWORK_TOKEN=<credential> workapis-webwork-probe [--json]");
  });
});
