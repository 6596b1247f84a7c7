import { describe, expectTypeOf, it } from "vitest";
import {
  type ApiError,
  type BetterworksErrorCode,
  type components,
  createBetterworksClient,
  type Paginator,
  unwrap,
} from "./index.ts";

type Schemas = components["schemas"];

const betterworks = createBetterworksClient({ token: "t" });

describe("Betterworks client types", () => {
  it("infers response data and a typed error from the spec", async () => {
    const { data, error, requestId } = await betterworks.GET("/users/{identifier}", {
      params: { path: { identifier: "148665" } },
    });
    expectTypeOf(requestId).toEqualTypeOf<string | undefined>();
    if (data) {
      expectTypeOf(data).toEqualTypeOf<Schemas["User"]>();
      expectTypeOf(data.role).toEqualTypeOf<"super_admin" | "hr_admin" | "admin" | "user" | undefined>();
      expectTypeOf(data.department).toEqualTypeOf<Schemas["DepartmentRef"] | null | undefined>();
    }
    if (error) {
      expectTypeOf(error).toExtend<ApiError<BetterworksErrorCode, Schemas["ErrorEnvelope"]>>();
      expectTypeOf(error.code).toEqualTypeOf<BetterworksErrorCode | undefined>();
      expectTypeOf(error.requestId).toEqualTypeOf<string | undefined>();
    }
    expectTypeOf<BetterworksErrorCode>().toExtend<string>();
    expectTypeOf<"permission_denied">().toExtend<BetterworksErrorCode>();
    expectTypeOf<"privacy_notice_not_accepted">().toExtend<BetterworksErrorCode>();

    const page = await unwrap(betterworks.GET("/users", { params: { query: { page: 2, size: 100 } } }));
    expectTypeOf(page.results).toEqualTypeOf<Schemas["User"][] | undefined>();
    expectTypeOf(page.next).toEqualTypeOf<string | null | undefined>();

    const filtered = await unwrap(betterworks.GET("/goals/filter", { params: { query: { owner: 148665 } } }));
    expectTypeOf(filtered.nextURL).toEqualTypeOf<string | null | undefined>();
    expectTypeOf(filtered.more).toEqualTypeOf<boolean | undefined>();

    const department = await unwrap(betterworks.POST("/departments", { body: { name: "Legal" } }));
    expectTypeOf(department).toEqualTypeOf<Schemas["Department"]>();
  });

  it("paginate yields each list's item type and accepts only paginated paths", () => {
    expectTypeOf(betterworks.paginate("/users")).toEqualTypeOf<Paginator<Schemas["User"]>>();
    expectTypeOf(
      betterworks.paginate("/goals/filter", { params: { query: { owner: 148665 } } }).toArray(),
    ).resolves.toEqualTypeOf<Schemas["Goal"][]>();
    expectTypeOf(
      betterworks
        .paginate("/goals/{goal_id}/comments", { params: { path: { goal_id: 12084804 } } })
        .toArray(),
    ).resolves.toEqualTypeOf<Schemas["GoalComment"][]>();
    // @ts-expect-error a single user is not a list
    betterworks.paginate("/users/{identifier}");
    // @ts-expect-error size is a number
    betterworks.paginate("/users", { params: { query: { size: "100" } } });
  });

  it("takes any string where the spec only assumes the values (roles, statuses, goal fields)", () => {
    betterworks.GET("/users", { params: { query: { role: "manager" } } });
    betterworks.GET("/goals/filter", { params: { query: { state: "archived" } } });
    betterworks.PUT("/users/roles", { body: { roles: [{ email: "a@b.example", role: "manager" }] } });
    expectTypeOf<NonNullable<components["schemas"]["RoleAssignment"]["role"]>>().toEqualTypeOf<string>();
    // An answer still names the values the spec assumes.
    expectTypeOf<NonNullable<components["schemas"]["User"]["role"]>>().toEqualTypeOf<
      "super_admin" | "hr_admin" | "admin" | "user"
    >();
  });

  it("rejects a wrong path, a missing or mistyped parameter and a wrong body", () => {
    // @ts-expect-error no such path: goals are under /goals
    betterworks.GET("/goal/{goal_id}", { params: { path: { goal_id: 1 } } });
    // @ts-expect-error paths are written without the trailing slash; the client appends it
    betterworks.GET("/users/", {});
    // @ts-expect-error identifier is required
    betterworks.GET("/users/{identifier}", { params: { path: {} } });
    // @ts-expect-error goal_id is a number
    betterworks.GET("/goals/{goal_id}", { params: { path: { goal_id: "12084804" } } });
    // @ts-expect-error name is required
    betterworks.POST("/departments", { body: { parent_id: 5102 } });
    // @ts-expect-error the body is required
    betterworks.POST("/users");
    // @ts-expect-error Betterworks updates with POST: /goals/{goal_id} has no PATCH
    betterworks.PATCH("/goals/{goal_id}", { params: { path: { goal_id: 1 } }, body: { progress: 0.5 } });
  });
});
