/**
 * Facts of the WebWork spec that come from the vendor's reference pages, so a later edit that drifts
 * from the vendor fails here, and the reconciliation table in docs/evidence names a verdict for
 * every operation.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const repoRoot = resolve(import.meta.dirname, "../..");
type Node = Record<string, unknown>;
const spec = parse(readFileSync(join(repoRoot, "specs/webwork/openapi.yaml"), "utf8")) as Node;
const table = readFileSync(join(repoRoot, "docs/evidence/webwork-reconciliation.md"), "utf8");

function at(pointer: string): Node {
  let node: unknown = spec;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    expect(node, `no ${key} on the way to ${pointer}`).toBeTypeOf("object");
    node = (node as Node)[key];
  }
  expect(node, `nothing at ${pointer}`).toBeTypeOf("object");
  return node as Node;
}

const schema = (name: string) => at(`/components/schemas/${name}`);
const props = (name: string) => schema(name)["properties"] as Record<string, Node>;
const param = (path: string, method: string, name: string) => {
  const params = at(`/paths/${path.replaceAll("/", "~1")}/${method}`)["parameters"] as Node[];
  const resolved = params.map((p) => (typeof p["$ref"] === "string" ? at(String(p["$ref"]).slice(1)) : p));
  return resolved.find((p) => p["name"] === name);
};
const ROLES = [
  "Owner",
  "Project viewer",
  "Executive manager",
  "Team manager",
  "Project manager",
  "Regular User",
];

describe("the WebWork spec follows the vendor's reference", () => {
  it("members: roles and statuses are the vendor's closed sets; the avatar is a file name", () => {
    expect(props("Member")["current_role"]?.["enum"]).toEqual(ROLES);
    expect(props("Member")["status"]?.["enum"]).toEqual(["active", "inactive", "left", "unknown"]);
    expect(props("Member")["avatar"]?.["format"]).toBeUndefined();
    expect(props("Member")).toHaveProperty("title");
    expect(param("/members", "get", "role")?.["schema"]).toMatchObject({ enum: ROLES });
  });

  it("a member update answers data that may be null", () => {
    const ref = (
      at("/paths/~1members~1{memberId}/put/responses/200/content/application~1json/schema") as Node
    )["$ref"];
    expect(ref).toBe("#/components/schemas/MemberUpdateResponse");
    expect(props("MemberUpdateResponse")["data"]?.["anyOf"]).toContainEqual({ type: "null" });
  });

  it("projects: owner_id always present, status not promised, tags listed", () => {
    expect(schema("Project")["required"]).toEqual(["id", "name", "owner_id"]);
    expect(props("Project")["tags"]?.["type"]).toBe("array");
  });

  it("contracts: screenshot modes and contract status are the vendor's enums", () => {
    expect(props("ContractCreate")["screenshots"]?.["enum"]).toContain("background_blurred");
    expect(props("ContractUpdate")["status"]?.["enum"]).toEqual(["active", "paused"]);
  });

  it("stopping the tracker answers the stop time, not an inferred tracker", () => {
    expect(Object.keys(props("TimeTrackingStopped")).sort()).toEqual(["message", "stopped_at"]);
  });

  it("creating a time request answers only id and status; task_id may be null", () => {
    expect(schema("TimeRequestCreated")["required"]).toEqual(["id", "status"]);
    expect(props("TimeRequestCreate")["task_id"]?.["type"]).toEqual(["integer", "null"]);
  });

  it("leave balances: total_balance is nullable and nothing is promised", () => {
    expect(schema("LeaveBalance")["required"]).toBeUndefined();
    expect(props("LeaveBalance")["total_balance"]?.["type"]).toEqual(["string", "null"]);
  });

  it("creating an expense requires only workspace_id, as the newer reference does", () => {
    expect(schema("ExpenseCreate")["required"]).toEqual(["workspace_id"]);
    expect(props("ExpenseCreate")).toHaveProperty("description");
  });

  it("report filters carry the vendor's names, comma-separated", () => {
    for (const name of ["users", "project_id", "task_id"])
      expect(param("/reports/task-report", "get", name), name).toMatchObject({ explode: false });
    expect(param("/reports/activity-level", "get", "user_ids")).toMatchObject({ explode: false });
  });
});

describe("second pass: each operation against its own page", () => {
  const op = (path: string, method: string) => at(`/paths/${path.replaceAll("/", "~1")}/${method}`);

  it("projects: updated_at and deleted_at are shown by the vendor's project example, not assumed", () => {
    for (const name of ["updated_at", "deleted_at"]) {
      expect(props("Project")[name]?.["x-inferred"], name).toBeUndefined();
      expect(String(props("Project")[name]?.["description"]), name).toContain("api-docs.webwork-tracker.com");
    }
  });

  it("members: fields after title are the V1 reference's, marked assumed for V2", () => {
    for (const name of [
      "is_blocked",
      "rate",
      "rate_status",
      "rate_type",
      "screenshots",
      "weekly_hours_limit",
    ]) {
      expect(props("Member")[name]?.["x-inferred"], name).toBeTypeOf("string");
      expect(schema("Member")["required"], name).not.toContain(name);
    }
  });

  it("contracts: screenshot fields are nullable, rate types named; unseen fields assumed", () => {
    expect(props("Contract")["screenshots"]?.["type"]).toEqual(["string", "null"]);
    expect(props("Contract")["screenshots_label"]?.["type"]).toEqual(["string", "null"]);
    expect(props("Contract")["rate_type"]?.["x-enumDescriptions"]).toMatchObject({
      1: "Custom rate",
      2: "Member rate",
      3: "Project rate",
    });
    for (const name of ["contract_name", "currency", "created_at", "updated_at"])
      expect(props("Contract")[name]?.["x-inferred"], name).toBeTypeOf("string");
  });

  it("GET /time-requests/{id} follows the older page that documents it", () => {
    const get = op("/time-requests/{timeRequestId}", "get");
    expect(get["x-source"]).toBe("https://api-docs.webwork-tracker.com/v2/api/time-requests/gettimerequest");
    expect(get).not.toHaveProperty("x-inferred");
    expect(schema("TimeRequestLookup")).not.toHaveProperty("x-inferred");
    expect(schema("TimeRequest")["required"]).toEqual(["id"]);
    for (const name of ["user_id", "start", "end", "created_at", "updated_at"])
      expect(props("TimeRequest")[name]?.["type"], name).toContain("null");
  });

  it("tasks: the newer page lets contract_id stand for project_id and names the statuses", () => {
    expect(param("/tasks", "get", "project_id")?.["required"]).not.toBe(true);
    expect(param("/tasks", "get", "contract_id")).toBeDefined();
    expect(schema("TaskStatus")["x-enumDescriptions"]).toEqual({
      0: "Open",
      10: "In Progress",
      20: "Done",
      30: "Closed",
    });
  });

  it("project viewers: a viewer's projects carry project_id and project_name", () => {
    expect(Object.keys(props("ViewerProject")).sort()).toEqual(["project_id", "project_name"]);
  });

  it("timesheets: pending, the state unsubmit returns to, is a status", () => {
    expect(schema("TimesheetStatus")["enum"]).toContain("pending");
  });
});

describe("operations whose own section the vendor's page does not show", () => {
  const op = (path: string, method: string) => at(`/paths/${path.replaceAll("/", "~1")}/${method}`);
  const resolve = (node: Node): Node =>
    typeof node["$ref"] === "string" ? at(String(node["$ref"]).slice(1)) : node;
  const bodySchema = (operation: Node): Node | undefined => {
    const body = operation["requestBody"] as Node | undefined;
    const media = (body?.["content"] as Record<string, Node> | undefined)?.["application/json"];
    return media ? resolve(media["schema"] as Node) : undefined;
  };

  // What each operation's page leaves unconfirmed: query parameters and body properties.
  const UNCONFIRMED: Record<string, { query?: string[]; body?: string[] }> = {
    "get /projects/{projectId}": { query: ["workspace_id"] },
    "put /projects/{projectId}": {
      query: ["workspace_id"],
      body: ["name", "start_date", "deadline", "estimation", "budget", "notes", "icon"],
    },
    "delete /projects/{projectId}": { query: ["workspace_id"] },
    "delete /tasks/{taskId}": { query: ["workspace_id", "project_id"] },
    "get /tasks/{taskId}/assignees": { query: ["workspace_id", "project_id"] },
    "post /tasks/{taskId}/assign/{userId}": { body: ["workspace_id", "project_id"] },
    "delete /project-viewers/{viewerId}": { query: ["workspace_id"] },
    "post /time-requests/{timeRequestId}/approve": { body: ["workspace_id"] },
    "put /expenses/{expenseId}": {
      body: [
        "workspace_id",
        "expense_name",
        "date",
        "amount",
        "category_id",
        "project_id",
        "note",
        "is_billable",
      ],
    },
    "delete /expenses/{expenseId}": { query: ["workspace_id"] },
    "delete /members/{memberId}": { query: ["workspace_id"] },
  };

  for (const [key, unconfirmed] of Object.entries(UNCONFIRMED)) {
    const [method = "", path = ""] = key.split(" ");
    describe(key, () => {
      const operation = () => op(path, method);

      it("keeps x-source and says in its description what is assumed", () => {
        expect(operation()["x-source"]).toMatch(/^https:\/\/api-docs\.webwork-tracker\.com\//);
        expect(operation()).not.toHaveProperty("x-inferred");
        expect(String(operation()["description"])).toMatch(/assumed/);
      });

      it("marks its unconfirmed request constraints x-inferred and does not require them", () => {
        const params = ((operation()["parameters"] as Node[] | undefined) ?? []).map(resolve);
        expect(params.map((p) => p["name"]).sort()).toEqual([...(unconfirmed.query ?? [])].sort());
        for (const p of params) {
          expect(p["x-inferred"], String(p["name"])).toBeTypeOf("string");
          expect(p["required"], String(p["name"])).not.toBe(true);
        }
        const body = bodySchema(operation());
        if (unconfirmed.body === undefined) return;
        expect(body, "request body").toBeDefined();
        expect(body?.["required"] ?? []).toEqual([]);
        expect(body).not.toHaveProperty("minProperties");
        const bodyProps = (body?.["properties"] ?? {}) as Record<string, Node>;
        expect(Object.keys(bodyProps).sort()).toEqual([...unconfirmed.body].sort());
        for (const name of unconfirmed.body)
          expect(bodyProps[name]?.["x-inferred"], name).toBeTypeOf("string");
      });

      it("promises no answer field unless the answer's schema carries x-source", () => {
        const responses = operation()["responses"] as Record<string, Node>;
        const ok = responses["200"] ?? responses["201"] ?? {};
        const media = (ok["content"] as Record<string, Node>)["application/json"] ?? {};
        const answer = resolve(media["schema"] as Node);
        if (answer["x-source"] !== undefined) return;
        expect(answer["x-inferred"]).toBeTypeOf("string");
        expect(answer["required"]).toBeUndefined();
        const data = (answer["properties"] as Record<string, Node>)["data"] ?? {};
        expect(data["x-inferred"] ?? resolve(data)["x-inferred"], "data").toBeTypeOf("string");
      });
    });
  }

  it("unassigning a user from a task: body workspace_id and project_id, as the older page documents", () => {
    const unassign = op("/tasks/{taskId}/unassign/{userId}", "delete");
    expect(unassign["x-source"]).toBe("https://api-docs.webwork-tracker.com/v2/api/tasks/unassigntask");
    expect(unassign["parameters"]).toBeUndefined();
    expect(bodySchema(unassign)?.["required"]).toEqual(["workspace_id", "project_id"]);
    expect(schema("UnassignResponse")["required"]).toBeUndefined();
  });

  it("unassigning a project from a viewer: body workspace_id and project_id, answer with nothing promised", () => {
    const unassign = op("/project-viewers/{viewerId}/unassign-project", "delete");
    expect(unassign["parameters"]).toBeUndefined();
    expect(bodySchema(unassign)?.["required"]).toEqual(["workspace_id", "project_id"]);
    const answer = at(
      "/paths/~1project-viewers~1{viewerId}~1unassign-project/delete/responses/200/content/application~1json/schema",
    );
    expect(answer).toEqual({ $ref: "#/components/schemas/UnassignResponse" });
  });

  it("the shared workspace and project query parameters stay required where they are confirmed", () => {
    expect(at("/components/parameters/WorkspaceIdQuery")["required"]).toBe(true);
    expect(at("/components/parameters/ProjectIdQuery")["required"]).toBe(true);
  });
});

describe("second comparison: the Markdown copies of the vendor's pages", () => {
  const nullable = (name: string, prop: string) =>
    expect(props(name)[prop]?.["type"], `${name}.${prop}`).toContain("null");

  it("restoring a viewer answers data that is an object or null, with nothing promised", () => {
    const answer = at(
      "/paths/~1project-viewers~1{viewerId}~1restore/post/responses/200/content/application~1json/schema",
    );
    const restored = typeof answer["$ref"] === "string" ? at(String(answer["$ref"]).slice(1)) : answer;
    expect(restored["required"]).toBeUndefined();
    expect((restored["properties"] as Record<string, Node>)["data"]?.["type"]).toEqual(["object", "null"]);
  });

  it("expenses: only id is always present; member and dates may be null", () => {
    expect(schema("Expense")["required"]).toEqual(["id"]);
    for (const name of ["member", "expense_date", "added_dte"]) nullable("Expense", name);
  });

  it("timesheets: only id is always present; owner and period may be null", () => {
    expect(schema("Timesheet")["required"]).toEqual(["id"]);
    for (const name of ["user_id", "date_from", "date_to"]) nullable("Timesheet", name);
  });

  it("time entries: the page marks no field of an entry always present", () => {
    expect(schema("TimeEntry")["required"]).toBeUndefined();
  });

  it("webhooks: the page marks no field of a webhook always present", () => {
    expect(schema("Webhook")["required"]).toBeUndefined();
    expect(schema("WebhookCreated")["required"]).toBeUndefined();
  });

  it("project viewers: status and member_since may be null; projects not promised", () => {
    expect(schema("ProjectViewer")["required"]).toEqual(["id", "email", "firstname", "lastname"]);
    for (const name of ["status", "member_since"]) nullable("ProjectViewer", name);
  });
});

describe("second comparison: answer fields promised only where a page marks them required", () => {
  const required = (name: string) => schema(name)["required"];

  it("report rows promise no field: the report pages end before their answer fields", () => {
    for (const name of [
      "DailyTimelineRow",
      "TimelineInterval",
      "TaskReportRow",
      "TaskReportItem",
      "ActivityLevelRow",
      "ActivityLevelDay",
    ]) {
      expect(required(name), name).toBeUndefined();
      expect(String(schema(name)["description"]), name).toContain("not documented");
    }
  });

  it("webhook deliveries promise no field: the delivery body is not documented", () => {
    const events = [
      "TrackerStartedEvent",
      "TrackerStoppedEvent",
      "MemberInvitedEvent",
      "MemberUpdatedEvent",
      "MemberDeletedEvent",
      "MemberActivatedEvent",
      "MemberArchivedEvent",
      "ProjectCreatedEvent",
      "ProjectUpdatedEvent",
      "ProjectDeletedEvent",
    ];
    for (const name of [
      ...events,
      "TrackerStartedData",
      "TrackerStoppedData",
      "MemberEventData",
      "ProjectEventData",
    ])
      expect(required(name), name).toBeUndefined();
  });

  it("starting the tracker promises no field of the running tracker, as its page marks none", () => {
    expect(required("TimeTrackingStarted")).toBeUndefined();
    expect(required("TimeTrackingStopped")).toBeUndefined();
    expect(required("CurrentTracker")).toBeUndefined();
  });

  it("answers whose extra fields no page marks required keep only the envelope", () => {
    expect(required("TimeEntryCreatedResponse")).toEqual(["success", "meta"]);
    expect(required("MessageResponse")).toEqual(["success", "data", "meta"]);
    expect(required("MemberUpdateResponse")).toEqual(["success", "meta"]);
    expect(required("ContractList")).toEqual(["success", "data", "meta"]);
    expect(required("MemberInvitation")).toBeUndefined();
    expect(required("ProjectMinutes")).toBeUndefined();
  });

  it("lists a page marks required are kept and cite that page", () => {
    const cites = (name: string, page: string) =>
      expect(schema(name)["x-source"], name).toBe(`https://api-docs.webwork-tracker.com${page}`);
    expect(required("Project")).toEqual(["id", "name", "owner_id"]);
    cites("Project", "/v2/api/projects/getprojects.md");
    expect(required("Leave")).toEqual(["id"]);
    cites("Leave", "/v2/leaves/getleaves.md");
    expect(required("TimeRequest")).toEqual(["id"]);
    cites("TimeRequest", "/v2/api/time-requests/gettimerequest.md");
    expect(required("TimeRequestCreated")).toEqual(["id", "status"]);
    expect(required("TimeRequestCreatedResponse")).toEqual(["success", "data", "message", "meta"]);
    cites("TimeRequestCreated", "/api/time-requests/createtimerequest.md");
    cites("TimeRequestCreatedResponse", "/api/time-requests/createtimerequest.md");
  });
});

describe("second comparison: operations re-read on their own Markdown pages", () => {
  const answerOf = (path: string, method: string, status = "200") => {
    const node = at(
      `/paths/${path.replaceAll("/", "~1")}/${method}/responses/${status}/content/application~1json/schema`,
    );
    return typeof node["$ref"] === "string" ? at(String(node["$ref"]).slice(1)) : node;
  };

  it("starting the tracker: data carries message and activity_description; unlisted fields assumed", () => {
    const started = props("TimeTrackingStarted");
    for (const name of [
      "message",
      "start_time",
      "contract_id",
      "project_id",
      "task_id",
      "activity_description",
    ])
      expect(started[name]?.["x-inferred"], name).toBeUndefined();
    expect(started["activity_description"]?.["type"]).toEqual(["string", "null"]);
    for (const name of ["user_id", "user_name", "user_email", "project_name"])
      expect(started[name]?.["x-inferred"], name).toBeTypeOf("string");
    expect(props("TimeTrackingStart")["task_id"]?.["type"]).toEqual(["integer", "null"]);
    expect(props("TimeTrackingStart")["activity_description"]?.["type"]).toEqual(["string", "null"]);
  });

  it("deleting a time entry answers no data; timesheet actions answer data as an object or null", () => {
    const deleted = answerOf("/time-entries/{timeEntryId}", "delete");
    expect(deleted["properties"]).not.toHaveProperty("data");
    expect(deleted["required"] ?? []).not.toContain("data");
    expect(props("MessageResponse")["data"]?.["type"]).toEqual(["object", "null"]);
    for (const action of ["approve", "reject", "submit", "unsubmit"])
      expect(answerOf(`/timesheets/{timesheetId}/${action}`, "put"), action).toBe(schema("MessageResponse"));
  });

  it("assigning a project to a viewer answers data as an object or null, with nothing promised", () => {
    const answer = answerOf("/project-viewers/{viewerId}/assign-project", "post");
    expect(answer["required"]).toBeUndefined();
    expect((answer["properties"] as Record<string, Node>)["data"]?.["type"]).toEqual(["object", "null"]);
    expect(answer["x-source"]).toBe(
      "https://api-docs.webwork-tracker.com/v2/api/project-viewers/assignprojecttoviewer.md",
    );
  });
});

describe("operations re-read on their own pages or examples", () => {
  it("listing time requests takes the page's member, project and id filters, none required", () => {
    for (const name of ["user_id", "project_id", "id"]) {
      const p = param("/time-requests", "get", name);
      expect(p, name).toBeDefined();
      expect(p?.["in"], name).toBe("query");
      expect(p?.["required"], name).toBeUndefined();
    }
    expect(param("/time-requests", "get", "user_id")?.["schema"]).toMatchObject({ type: "integer" });
    expect(param("/time-requests", "get", "project_id")?.["schema"]).toMatchObject({ type: "integer" });
    expect(param("/time-requests", "get", "id")?.["schema"]).toMatchObject({ type: "string" });
    expect(param("/time-requests", "get", "date_from")?.["required"]).toBe(true);
    expect(param("/time-requests", "get", "date_to")?.["required"]).toBe(true);
  });

  it("listing webhooks says the vendor paginates the list and that no page parameter is shown", () => {
    const op = at("/paths/~1webhooks/get");
    expect(String(op["description"])).toMatch(/paginated, 50 to a page/);
    expect(String(op["description"])).toMatch(/page parameter is not shown/);
    expect(param("/webhooks", "get", "page")).toBeUndefined();
  });
});

describe("report pages re-read: what their opening summaries say", () => {
  const PAGE = "https://api-docs.webwork-tracker.com/api/reports";
  const resolve = (node: Node): Node =>
    typeof node["$ref"] === "string" ? at(String(node["$ref"]).slice(1)) : node;
  const REFUSING = ["enum", "const", "pattern", "minimum", "maximum", "minLength", "maxLength", "maxItems"];
  /** Prose as a reader sees it: the YAML line breaks are spaces. */
  const words = (text: unknown) => String(text).replace(/\s+/g, " ");
  /** An assumed schema and everything written inside it: no limit, pattern or closed list. */
  const refusesNothing = (node: Node, where: string): void => {
    for (const k of REFUSING) expect(node[k], `${where} ${k}`).toBeUndefined();
    for (const [name, prop] of Object.entries((node["properties"] ?? {}) as Record<string, Node>))
      refusesNothing(resolve(prop), `${where}.${name}`);
    if (node["items"] !== undefined) refusesNothing(resolve(node["items"] as Node), `${where}[]`);
  };
  /** A field the page names but whose type it does not show: optional, assumed in words, cited. */
  const namedTypeAssumed = (name: string, prop: string, page: string) => {
    const field = props(name)[prop];
    expect(field, `${name}.${prop}`).toBeDefined();
    expect(field?.["x-inferred"], `${name}.${prop}`).toBeTypeOf("string");
    expect(words(field?.["description"]), `${name}.${prop}`).toContain(`${PAGE}/${page}.md`);
    expect(words(field?.["description"]), `${name}.${prop}`).toMatch(/assumed|not documented/);
    expect(schema(name)["required"] ?? [], `${name}.${prop}`).not.toContain(prop);
    refusesNothing(field ?? {}, `${name}.${prop}`);
  };

  it("task report: time without a task is included by default; include_no_task=false excludes it", () => {
    const p = param("/reports/task-report", "get", "include_no_task");
    expect(p?.["schema"]).toMatchObject({ type: "boolean", default: true });
    expect(words(p?.["description"])).toContain(`${PAGE}/gettaskreport.md`);
    expect(words(p?.["description"])).toMatch(/included by default/);
    expect(words(p?.["description"])).toMatch(/`false`/);
    expect(words(at("/paths/~1reports~1task-report/get")["description"])).not.toMatch(
      /With `include_no_task` the report also lists/,
    );
  });

  it("task report: each member has tasks_breakdown and daily_breakdown, cited, inner shapes assumed", () => {
    for (const prop of ["tasks_breakdown", "daily_breakdown"]) {
      const field = props("TaskReportRow")[prop];
      expect(field, prop).toBeDefined();
      expect(field?.["x-source"], prop).toBe(`${PAGE}/gettaskreport.md`);
      expect(field?.["type"], prop).toBe("array");
      expect(words(field?.["description"]), prop).toMatch(/assumed/);
      const item = resolve((field?.["items"] ?? {}) as Node);
      expect(item["x-inferred"], `${prop} items`).toBeTypeOf("string");
      expect(words(item["description"]), `${prop} items`).toMatch(/assumed/);
      expect(item["required"], `${prop} items`).toBeUndefined();
      refusesNothing(item, `${prop} items`);
    }
    expect(schema("TaskReportRow")["required"]).toBeUndefined();
    // A `tasks` list, which no page names, is gone: the breakdowns hold the time per task.
    expect(props("TaskReportRow")["tasks"]).toBeUndefined();
  });

  it("daily timeline: start and end are ISO 8601 date-times with an offset, not HH:MM", () => {
    for (const prop of ["start_time", "end_time"]) {
      const field = props("TimelineInterval")[prop] ?? {};
      expect(field["$ref"], prop).toBeUndefined();
      expect(field, prop).toMatchObject({ type: "string", format: "date-time" });
      expect(field["pattern"], prop).toBeUndefined();
      expect(words(field["description"]), prop).toContain(`${PAGE}/getdailytimelinereport.md`);
      expect(words(field["description"]), prop).toMatch(/system_timezone/);
      expect(String(field["example"]), prop).toMatch(/T\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    }
    // The time-entry and leave bodies keep their HH:MM clock times.
    expect(schema("ClockTime")["pattern"]).toBe("^([01][0-9]|2[0-3]):[0-5][0-9]$");
  });

  it("daily timeline: activity_level for the member and the entry, amounts only with rates, types assumed", () => {
    namedTypeAssumed("DailyTimelineRow", "activity_level", "getdailytimelinereport");
    namedTypeAssumed("TimelineInterval", "activity_level", "getdailytimelinereport");
    for (const prop of ["total_amount", "currency"]) {
      namedTypeAssumed("DailyTimelineRow", prop, "getdailytimelinereport");
      expect(words(props("DailyTimelineRow")[prop]?.["description"]), prop).toMatch(/rate_status/);
    }
    expect(props("DailyTimelineRow")["activity_level"]?.["type"]).toBe("number");
    expect(props("DailyTimelineRow")["total_amount"]?.["type"]).toBe("number");
    expect(props("DailyTimelineRow")["currency"]?.["type"]).toBe("string");
  });

  it("daily timeline: names the page does not show are marked assumed", () => {
    for (const prop of ["user_name", "total_minutes", "intervals"])
      expect(props("DailyTimelineRow")[prop]?.["x-inferred"], prop).toBeTypeOf("string");
    expect(schema("DailyTimelineRow")["required"]).toBeUndefined();
  });

  it("activity level: overall statistics across all members and days, name and shape assumed", () => {
    const overall = Object.entries(props("ActivityLevelReport")).filter(
      ([name]) => !["success", "message", "data", "meta"].includes(name),
    );
    expect(overall.length).toBe(1);
    const [name, field] = overall[0] ?? ["", {}];
    const stats = resolve(field);
    expect(field["x-inferred"] ?? stats["x-inferred"], name).toBeTypeOf("string");
    const prose = words(field["description"] ?? stats["description"]);
    expect(prose).toContain(`${PAGE}/getactivitylevelreport.md`);
    expect(prose).toMatch(/name .*assumed|assumed .*name/);
    expect(schema("ActivityLevelReport")["required"]).not.toContain(name);
    expect(stats["required"]).toBeUndefined();
    refusesNothing(stats, name);
  });

  it("activity level: pages hold members, as per_page says; the page's 'by day' sentence is noted", () => {
    const op = at("/paths/~1reports~1activity-level/get");
    expect(op["x-pagination"]).toMatchObject({ defaultSize: 30, maxSize: 100 });
    expect(words(op["description"])).toMatch(/paginated by day/);
    expect(words(op["description"])).toMatch(/Number of users per page/);
  });

  it("daily attendance: productivity metrics are named, not described field by field, not promised", () => {
    const op = at("/paths/~1reports~1daily-attendance/get");
    expect(words(op["description"])).toMatch(/productivity metrics/);
    expect(words(op["description"])).toMatch(/not documented/);
    expect(schema("DailyAttendanceRow")["required"]).toBeUndefined();
  });
});

describe("docs/evidence/webwork-reconciliation.md", () => {
  const rows = table.split("\n").filter((line) => line.startsWith("| `"));

  it("has a verdict for every operation of the spec", () => {
    const paths = spec["paths"] as Record<string, Node>;
    const ops = Object.entries(paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => ["get", "post", "put", "delete", "patch"].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    for (const op of ops)
      expect(
        rows.some((row) => row.startsWith(`| \`${op}\``)),
        op,
      ).toBe(true);
  });

  it("records what each report page's summary changed, with the page it was read on", () => {
    const at = table.indexOf("## Report pages' summaries");
    expect(at, "no section for the report pages' summaries").toBeGreaterThan(-1);
    const section = table.slice(at);
    for (const [op, page] of [
      ["GET /reports/task-report", "gettaskreport"],
      ["GET /reports/daily-timeline", "getdailytimelinereport"],
      ["GET /reports/activity-level", "getactivitylevelreport"],
      ["GET /reports/daily-attendance", "getdailyattendancereport"],
    ])
      expect(section, op).toContain(
        `| \`${op}\` | [/api/reports/${page}.md](https://api-docs.webwork-tracker.com/api/reports/${page}.md)`,
      );
  });

  it("no row says its fields were not yet compared", () => {
    const open = rows.filter((row) => /not yet compared/i.test(row));
    expect(open).toEqual([]);
  });
});
