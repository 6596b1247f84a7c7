import { serveMock } from "@workapis/mock/server";
import { createWebWorkMock } from "@workapis/webwork/msw";
import { describe, expect, it } from "vitest";
import { recipes } from "../recipes.ts";
import { connect, liveTarget } from "./connect.ts";
import { recordingProgress } from "./progress.ts";

describe("connect", () => {
  it("reads a vendor's token and base URL from <VENDOR>_TOKEN and <VENDOR>_BASE_URL", () => {
    expect(liveTarget("webwork", {})).toBeUndefined();
    expect(liveTarget("webwork", { WEBWORK_BASE_URL: "https://x.example" })).toBeUndefined();
    expect(liveTarget("webwork", { WEBWORK_TOKEN: "t" })).toEqual({ token: "t" });
    expect(liveTarget("boardcrm", { BOARDCRM_TOKEN: "t", BOARDCRM_BASE_URL: "https://b.example" })).toEqual({
      token: "t",
      baseUrl: "https://b.example",
    });
  });

  it("mocks only the vendors without a token, and sends the others' calls where the variables say", async () => {
    // The "real" WebWork here is a mock server of our own, so the test never leaves 127.0.0.1.
    const remote = createWebWorkMock();
    const server = await serveMock(remote);
    const connection = await connect(["webwork", "workglue"], {
      env: { WEBWORK_TOKEN: "real-token", WEBWORK_BASE_URL: server.url },
    });
    try {
      expect(connection.mocks.webwork).toBeUndefined();
      expect(connection.mocks.workglue).toBeDefined();
      expect(connection.targets.webwork).toBe(server.url);
      expect(connection.targets.workglue).toMatch(/^mock http:\/\/127\.0\.0\.1:\d+/);
      const { data } = await connection.clients.webwork.GET("/workspaces");
      const firstPage = remote.store.list("workspace").slice(0, data?.data.length);
      expect(data?.data.length).toBeGreaterThan(0);
      expect(data?.data.map((w) => w.id)).toEqual(firstPage.map((w) => w["id"]));
    } finally {
      await connection.close();
      await server.close();
    }
  });

  it("refuses to run a recipe on a real account with the demo's made-up ids", async () => {
    const server = await serveMock(createWebWorkMock());
    const timesheets = recipes.find((r) => r.name === "timesheet-approval");
    const session = await timesheets?.open({ WEBWORK_TOKEN: "real-token", WEBWORK_BASE_URL: server.url });
    try {
      await expect(session?.run(recordingProgress())).rejects.toThrow(
        "WEBWORK_WORKSPACE_ID is required when WEBWORK_TOKEN is set",
      );
    } finally {
      await session?.close();
      await server.close();
    }
  });
});
