import { afterEach, describe, expect, it } from "vitest";
import { type Connection, connectToMocks } from "../../harness/connect.ts";
import { recordingProgress } from "../../harness/progress.ts";
import { DEPARTMENT_ATTRIBUTE, hrToProfiles, positionFor } from "./hr-to-profiles.ts";
import { hrToProfilesSeeds } from "./seed.ts";

type Vendors = "betterworks" | "workboard" | "workglue";
let connection: Connection<Vendors> | undefined;
afterEach(() => connection?.close());

async function setUp() {
  const mocked = await connectToMocks(["betterworks", "workboard", "workglue"], hrToProfilesSeeds);
  connection = mocked;
  const { betterworks, workboard, workglue } = mocked.mocks;
  return { clients: mocked.clients, betterworks, workboard, workglue };
}

type Stored = Record<string, unknown> | undefined;
const profile = (user: Stored) =>
  user?.["profile"] as
    | { title?: string; custom_attributes?: { name?: string; value?: string }[] }
    | undefined;
const department = (user: Stored) =>
  profile(user)?.custom_attributes?.find((a) => a.name === DEPARTMENT_ATTRIBUTE)?.value;
const managerId = (user: Stored) => {
  const managers = user?.["manager"];
  return Array.isArray(managers) ? (managers[0] as { user_id?: string } | undefined)?.user_id : undefined;
};

describe("hr-to-profiles", () => {
  it("copies title, department and manager to WorkBoard and the position to Workglue", async () => {
    const { clients, betterworks, workboard, workglue } = await setUp();
    const report = await hrToProfiles(clients, recordingProgress());

    // Every active HR record that has a WorkBoard user now matches it.
    for (const employee of betterworks.store.list("user").filter((e) => e["is_active"])) {
      const user = workboard.store.list("user").find((u) => u["email"] === employee["email"]);
      if (!user) continue;
      expect(profile(user)?.title).toBe(employee["title"]);
      expect(department(user)).toBe((employee["department"] as { name: string }).name);
    }
    expect(managerId(workboard.store.get("user", "400002"))).toBe("400001");
    expect(managerId(workboard.store.get("user", "400001"))).toBeUndefined();
    expect(workglue.store.get("employee", 903)?.["positions"]).toEqual(["field_worker"]);
    expect(workglue.store.get("employee", 901)?.["positions"]).toEqual(["sales_person"]);

    expect(report.changed.map((c) => c.split(":")[0])).toEqual([
      "WorkBoard priya.raman@kestrel.example",
      "WorkBoard marcus.lee@kestrel.example",
      "Workglue omar.haddad@kestrel.example",
    ]);
    expect(report.failed.map((f) => f.item)).toEqual([
      "WorkBoard omar.haddad@kestrel.example",
      "Workglue marcus.lee@kestrel.example",
    ]);
    // The employee who left is not copied anywhere.
    expect(JSON.stringify(report)).not.toContain("lena.vogel");
  });

  it("changes nothing on a second run", async () => {
    const { clients, workboard, workglue } = await setUp();
    await hrToProfiles(clients, recordingProgress());
    const before = [workboard.store.list("user"), workglue.store.list("employee")];
    const second = await hrToProfiles(clients, recordingProgress());
    expect(second.changed).toEqual([]);
    expect([workboard.store.list("user"), workglue.store.list("employee")]).toEqual(before);
  });

  it("retries a 429 from WorkBoard; a user whose update keeps failing is reported and left whole", async () => {
    const { clients, workboard } = await setUp();
    workboard.scenario("updateUser", { kind: "error", status: 429, retryAfter: 0 });
    workboard.scenario("updateUser", { kind: "error", status: 500 }, 3);
    const priyaBefore = workboard.store.get("user", "400001");
    const report = await hrToProfiles(clients, recordingProgress());
    // The 429 was retried into the 500s: Priya's update failed as a whole, Marcus's went through.
    expect(report.failed[0]).toEqual({
      item: "WorkBoard priya.raman@kestrel.example",
      reason: expect.stringMatching(/500|server/i),
    });
    expect(workboard.store.get("user", "400001")).toEqual(priyaBefore);
    expect(profile(workboard.store.get("user", "400002"))?.title).toBe("Senior Account Executive");
  });

  it("maps titles to Workglue's fixed positions, and leaves unknown titles alone", () => {
    expect(positionFor("Senior Project Manager")).toBe("project_manager");
    expect(positionFor("Account Executive")).toBe("sales_person");
    expect(positionFor("Chief Visionary")).toBeUndefined();
    expect(positionFor(null)).toBeUndefined();
  });
});
