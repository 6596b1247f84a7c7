import { describe, expectTypeOf, it } from "vitest";
import { type ApiError, type components, createWorkBoardClient, type WorkBoardErrorCode } from "./index.ts";
import { createWorkBoardMock } from "./msw.ts";

type Schemas = components["schemas"];
const workboard = createWorkBoardClient({ token: "t" });

describe("WorkBoard client types", () => {
  it("infers response data from the spec", async () => {
    const { data, error } = await workboard.GET("/team/{team_id}", { params: { path: { team_id: 48213 } } });
    if (data) {
      expectTypeOf(data.data.team).toEqualTypeOf<Schemas["Team"]>();
      expectTypeOf(data.data.totalCount).toEqualTypeOf<number | undefined>();
      expectTypeOf(data.success).toEqualTypeOf<true>();
    }
    if (error) {
      expectTypeOf(error).toExtend<ApiError<WorkBoardErrorCode, unknown>>();
      expectTypeOf(error.code).toEqualTypeOf<WorkBoardErrorCode | undefined>();
      expectTypeOf<"invalid_goal_id">().toExtend<WorkBoardErrorCode>();
      expectTypeOf<"not_a_workboard_code">().not.toExtend<WorkBoardErrorCode>();
    }
  });

  it("types the partial success of a bulk goal creation", async () => {
    const { data } = await workboard.POST("/goal", { body: { goals: [{ goal_name: "G" }] } });
    if (data) {
      expectTypeOf(data.data.goal.goals).toEqualTypeOf<Schemas["CreatedGoal"][] | undefined>();
      expectTypeOf(data.data.goal.error).toEqualTypeOf<Schemas["GoalCreateError"][] | undefined>();
      expectTypeOf<Schemas["GoalCreateError"]["error"]>().toEqualTypeOf<string>();
      expectTypeOf<Schemas["GoalCreateError"]["for_row"]>().toEqualTypeOf<Schemas["GoalInput"]>();
    }
  });

  it("paginate yields the list's item type and accepts only paginated paths", () => {
    const teams = workboard.paginate("/team", { params: { query: { limit: 50 } } });
    expectTypeOf(teams.toArray()).resolves.toEqualTypeOf<Schemas["Team"][]>();
    const goals = workboard.paginate("/goal", { params: { query: { goal_status: "1" } } });
    expectTypeOf(goals.toArray()).resolves.toEqualTypeOf<(Schemas["PeopleGoals"] | Schemas["TeamGoals"])[]>();
    expectTypeOf(workboard.paginate("/activity").toArray()).resolves.toEqualTypeOf<Schemas["ActionItem"][]>();
    // @ts-expect-error /user is an object or an array depending on its parameters, so it is not paginated
    workboard.paginate("/user");
  });

  it("types mock overrides by operationId", () => {
    const mock = createWorkBoardMock();
    mock.override("createGoals", ({ body }) => {
      if (body && "goals" in body) expectTypeOf(body.goals).toEqualTypeOf<Schemas["GoalInput"][]>();
      return { success: true, message: "ok", data: { goal: { goals: [], error: [] } } };
    });
    // @ts-expect-error not a WorkBoard operationId
    mock.override("createGoal", () => new Response());
  });

  it("rejects a wrong path, a wrong or missing parameter and a wrong body", () => {
    // @ts-expect-error no such path (WorkBoard's paths are singular)
    workboard.GET("/teams");
    // @ts-expect-error team_id is required
    workboard.GET("/team/{team_id}", { params: { path: {} } });
    // @ts-expect-error team_id is a number
    workboard.GET("/team/{team_id}", { params: { path: { team_id: "48213" } } });
    // @ts-expect-error limit is a number
    workboard.GET("/team", { params: { query: { limit: "15" } } });
    // @ts-expect-error goal_status is "1", "2" or "1,2"
    workboard.GET("/goal", { params: { query: { goal_status: "3" } } });
    workboard.POST("/team", {
      // @ts-expect-error team_name is required
      body: { team_owner: "212346" },
    });
    workboard.POST("/goal", {
      // @ts-expect-error goals is an array of goals
      body: { goals: { goal_name: "G" } },
    });
    // @ts-expect-error /team has no DELETE (WorkBoard deletes teams with PATCH)
    workboard.DELETE("/team");
  });
});
