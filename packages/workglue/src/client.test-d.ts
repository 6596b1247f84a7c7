import { describe, expectTypeOf, it } from "vitest";
import { type ApiError, type components, createWorkglueClient, type WorkglueErrorCode } from "./index.ts";

type Schemas = components["schemas"];
const workglue = createWorkglueClient({ token: "t" });

describe("Workglue client types", () => {
  it("infers response data and the error code from the spec", async () => {
    const { data, error } = await workglue.GET("/jobs/{jobId}", { params: { path: { jobId: 5203 } } });
    if (data) {
      expectTypeOf(data.data).toEqualTypeOf<Schemas["Job"] | undefined>();
      expectTypeOf(data.data?.stage_group).toEqualTypeOf<"sales" | "active" | "closed" | undefined>();
      expectTypeOf(data.data?.kind).toEqualTypeOf<"opportunity" | "job" | undefined>();
    }
    if (error) {
      expectTypeOf(error).toExtend<ApiError<WorkglueErrorCode, unknown>>();
      expectTypeOf(error.code).toEqualTypeOf<WorkglueErrorCode | undefined>();
      expectTypeOf<"personal_api_key_not_allowed">().toExtend<WorkglueErrorCode>();
    }
  });

  it("types the created record and the employee kind", async () => {
    const { data } = await workglue.POST("/contacts", { body: { customer_id: 3109, first_name: "Jordan" } });
    if (data) expectTypeOf(data.data).toEqualTypeOf<Schemas["Contact"] | undefined>();
    const employee = await workglue.GET("/employees/{employeeId}", { params: { path: { employeeId: 230 } } });
    if (employee.data) expectTypeOf(employee.data.data?.type).toEqualTypeOf<"user" | "sub" | undefined>();
  });

  it("paginate yields the list's item type and accepts only paginated paths", () => {
    const employees = workglue.paginate("/employees", { params: { query: { type: "sub" } } });
    expectTypeOf(employees.toArray()).resolves.toEqualTypeOf<Schemas["Employee"][]>();
    const jobs = workglue.paginate("/jobs", { params: { query: { stage_group: "active" } } });
    expectTypeOf(jobs.toArray()).resolves.toEqualTypeOf<Schemas["Job"][]>();
    // @ts-expect-error a single customer is not a list
    workglue.paginate("/customers/{customerId}");
  });

  it("takes any string where the API's spelling of a value is assumed, and names the values in answers", () => {
    workglue.GET("/jobs", { params: { query: { stage_group: "Active", kind: "Job" } } });
    workglue.GET("/employees", { params: { query: { type: "Sub", system_role: "Manager" } } });
    expectTypeOf<NonNullable<Schemas["EmployeeCreate"]["positions"]>>().toEqualTypeOf<string[]>();
    expectTypeOf<Schemas["JobStageCreate"]["group"]>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<Schemas["Employee"]["type"]>>().toEqualTypeOf<"user" | "sub">();
  });

  it("rejects a wrong path, a wrong or missing parameter and a wrong body", () => {
    // @ts-expect-error no such path (it is /job-stages)
    workglue.GET("/stages", {});
    // @ts-expect-error jobId is required
    workglue.GET("/jobs/{jobId}", { params: { path: {} } });
    // @ts-expect-error jobId is a number
    workglue.GET("/jobs/{jobId}", { params: { path: { jobId: "5203" } } });
    workglue.POST("/contacts", {
      // @ts-expect-error customer_id is required
      body: { first_name: "Jordan" },
    });
    workglue.PATCH("/customers/{customerId}", {
      params: { path: { customerId: 3108 } },
      // @ts-expect-error billing_address is an address object, not a string
      body: { billing_address: "4100 Hollis Ridge Dr" },
    });
    // @ts-expect-error employees are deactivated, not deleted: there is no DELETE
    workglue.DELETE("/employees/{employeeId}", { params: { path: { employeeId: 230 } } });
  });
});
