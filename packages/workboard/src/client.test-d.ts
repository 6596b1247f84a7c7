import { describe, expectTypeOf, it } from "vitest";
import {
  type ApiError,
  type components,
  createWorkBoardClient,
  type Paginator,
  type WorkBoardErrorCode,
} from "./index.ts";
import { createWorkBoardMock } from "./msw.ts";

type Schemas = components["schemas"];
const workboard = createWorkBoardClient({ token: "t" });

describe("WorkBoard client types", () => {
  it("infers response data from the spec", async () => {
    const { data, error } = await workboard.GET("/team/{team_id}", { params: { path: { team_id: 48213 } } });
    if (data) {
      // WorkBoard's reference marks no response field required; only `success` and `message` are
      // promised by its overview ("every response includes success and message").
      expectTypeOf(data.data).toEqualTypeOf<{ totalCount?: number; team?: Schemas["Team"] } | undefined>();
      expectTypeOf(data.data?.team?.team_name).toEqualTypeOf<string | undefined>();
      expectTypeOf(data.success).toEqualTypeOf<true>();
      expectTypeOf(data.message).toEqualTypeOf<string>();
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
      expectTypeOf(data.data?.goal?.goals).toEqualTypeOf<Schemas["CreatedGoal"][] | undefined>();
      expectTypeOf(data.data?.goal?.error).toEqualTypeOf<Schemas["GoalCreateError"][] | undefined>();
      expectTypeOf<Schemas["GoalCreateError"]["error"]>().toEqualTypeOf<string | undefined>();
      expectTypeOf<Schemas["GoalCreateError"]["for_row"]>().toEqualTypeOf<
        Record<string, unknown> | undefined
      >();
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
    // WorkBoard's reference types team_id as a string; a number is sent the same way.
    workboard.GET("/team/{team_id}", { params: { path: { team_id: "48213" } } });
    // @ts-expect-error team_id is a number or a string of digits
    workboard.GET("/team/{team_id}", { params: { path: { team_id: true } } });
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

  it("types the tag update's documented {status, message} answer", async () => {
    const { data } = await workboard.PUT("/metric/{metric_id}/tags", {
      params: { path: { metric_id: 5120041 } },
      body: { tag_ids: [3107] },
    });
    if (data) {
      expectTypeOf(data.status).toEqualTypeOf<string | undefined>();
      // @ts-expect-error WorkBoard documents no success flag on this answer
      data.success;
    }
  });

  it("types API v2's custom attributes under /v2", async () => {
    const definitions = await workboard.GET("/v2/attributes/definitions", {
      params: { query: { objectType: "work_item" } },
    });
    if (definitions.data) {
      expectTypeOf(definitions.data.definitions).toEqualTypeOf<Schemas["AttributeDefinition"][]>();
      expectTypeOf(definitions.data.definitions[0]?.fieldType).toEqualTypeOf<
        "text" | "textarea" | "single_select" | "multi_select" | undefined
      >();
    }
    const values = await workboard.GET("/v2/attributes/users/{id}", { params: { path: { id: 212346 } } });
    if (values.data) {
      expectTypeOf(values.data.customAttributes[0]?.value).toEqualTypeOf<
        string | string[] | null | undefined
      >();
    }
    const page = await workboard.GET("/v2/attributes/{attributeId}/objects", {
      params: { path: { attributeId: 57 }, query: { limit: 100 } },
    });
    if (page.data) expectTypeOf(page.data.pagination.nextOffset).toEqualTypeOf<number | null>();
    workboard.PUT("/v2/attributes/key-results/{id}/{attributeId}", {
      params: { path: { id: 5120041, attributeId: 57 } },
      body: { value: ["Revenue", "Pipeline"] },
    });
    workboard.POST("/v2/attributes/objectives/{id}/{attributeId}", {
      params: { path: { id: 930112, attributeId: 41 } },
      // @ts-expect-error a value is a string or an array of strings
      body: { value: 4 },
    });
    // @ts-expect-error objectType is objective, key_result, work_item or user
    workboard.GET("/v2/attributes/definitions", { params: { query: { objectType: "goal" } } });
    // The v2 object list pages through paginate(), its items typed as the answer's objects.
    expectTypeOf(
      workboard.paginate("/v2/attributes/{attributeId}/objects", {
        params: { path: { attributeId: 57 } },
      }),
    ).toEqualTypeOf<Paginator<Schemas["AttributeObjectsResponse"]["objects"][number]>>();
  });
});
