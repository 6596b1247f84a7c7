import { describe, expectTypeOf, it } from "vitest";
import {
  type ApiError,
  type components,
  createWebWorkClient,
  type WebWorkErrorCode,
  webWorkWebhooks,
} from "./index.ts";

const webwork = createWebWorkClient({ token: "t" });

describe("WebWork client types", () => {
  it("infers response data from the spec", async () => {
    const { data, error } = await webwork.GET("/members", { params: { query: { workspace_id: 1 } } });
    if (data) expectTypeOf(data.data[0]).toEqualTypeOf<components["schemas"]["Member"] | undefined>();
    if (error) {
      expectTypeOf(error).toExtend<ApiError<WebWorkErrorCode, unknown>>();
      expectTypeOf(error.status).toEqualTypeOf<number | undefined>();
    }
  });

  it("paginate yields the list's item type and accepts only paginated paths", () => {
    const members = webwork.paginate("/members", { params: { query: { workspace_id: 1 } } });
    expectTypeOf(members.toArray()).resolves.toEqualTypeOf<components["schemas"]["Member"][]>();
    // @ts-expect-error a single member is not a list
    webwork.paginate("/members/{memberId}");
  });

  it("rejects a wrong path, a wrong or missing parameter and a wrong body", () => {
    // @ts-expect-error no such path
    webwork.GET("/member");
    // @ts-expect-error workspace_id is required
    webwork.GET("/members", { params: { query: {} } });
    // @ts-expect-error workspace_id is a number
    webwork.GET("/members", { params: { query: { workspace_id: "4821" } } });
    // @ts-expect-error memberId is required
    webwork.GET("/members/{memberId}", { params: { query: { workspace_id: 1 } } });
    webwork.POST("/members", {
      params: { query: { workspace_id: 1 } },
      // @ts-expect-error email is required
      body: { firstname: "A", lastname: "B", role: "Regular User" },
    });
    // @ts-expect-error /workspaces has no DELETE
    webwork.DELETE("/workspaces");
  });

  it("answers promise only the fields a vendor page marks required", async () => {
    type S = components["schemas"];
    // The report pages end before their answer fields: nothing of a row is promised.
    expectTypeOf<S["DailyTimelineRow"]["user_id"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<S["TimelineInterval"]["project_id"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<S["TaskReportRow"]["tasks_breakdown"]>().toEqualTypeOf<S["TaskReportItem"][] | undefined>();
    expectTypeOf<S["TaskReportRow"]>().not.toHaveProperty("tasks");
    expectTypeOf<S["ActivityLevelRow"]["average_activity"]>().toEqualTypeOf<number | undefined>();
    // The tracker-start page marks no field of the running tracker required.
    expectTypeOf<S["TimeTrackingStarted"]["start_time"]>().toEqualTypeOf<string | undefined>();
    // The create-time-entry page lists saved_minutes without marking it required.
    expectTypeOf<S["TimeEntryCreatedResponse"]["saved_minutes"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<S["MemberInvitation"]["invitation_link"]>().toEqualTypeOf<string | undefined>();
    // Kept where a page marks them: a project's id, name and owner; a time request's id.
    expectTypeOf<S["Project"]["owner_id"]>().toEqualTypeOf<number>();
    expectTypeOf<S["TimeRequest"]["id"]>().toEqualTypeOf<string>();
    expectTypeOf<S["TimeRequestCreated"]["status"]>().toEqualTypeOf<S["ApprovalStatus"]>();
    // A webhook delivery's body is not documented: its fields may be missing.
    const event = await webWorkWebhooks.parse({ body: "{}", headers: {} });
    if (event.event === "tracker.started") {
      expectTypeOf(event.data).toEqualTypeOf<S["TrackerStartedData"] | undefined>();
      expectTypeOf(event.data?.start_time).toEqualTypeOf<string | undefined>();
    }
  });
});
