import type { BetterworksClient, components as BetterworksTypes } from "@workapis/betterworks";
import type { WorkBoardClient, components as WorkBoardTypes } from "@workapis/workboard";
import { NotFoundError } from "@workapis/workboard";
import type { WorkglueClient, components as WorkglueTypes } from "@workapis/workglue";
import type { Progress } from "../../harness/progress.ts";
import { type RecipeReport, reasonOf, tally } from "../../harness/report.ts";

type Employee = BetterworksTypes["schemas"]["User"];
type WorkBoardUser = WorkBoardTypes["schemas"]["User"];
type WorkBoardUserUpdate = WorkBoardTypes["schemas"]["UserUpdate"];
type Position = WorkglueTypes["schemas"]["Position"];

/** The WorkBoard custom user attribute that holds the department (an administrator creates it once). */
export const DEPARTMENT_ATTRIBUTE = "Department";

/**
 * Workglue has no free-text title: a person's positions come from a fixed list. A title maps to the
 * first position whose pattern it matches; a title that matches none leaves the positions alone.
 */
export const POSITION_RULES: readonly (readonly [RegExp, Position])[] = [
  [/project manager/i, "project_manager"],
  [/supervisor|foreman|team lead/i, "supervisor"],
  [/sales|account (executive|manager)/i, "sales_person"],
  [/\bhr\b|people|recruit/i, "admin_hr"],
  [/crew lead/i, "crew_leader"],
  [/technician|installer|field/i, "field_worker"],
];

export function positionFor(title: string | null): Position | undefined {
  if (!title) return undefined;
  return POSITION_RULES.find(([pattern]) => pattern.test(title))?.[1];
}

/** The user id of a WorkBoard user's direct manager (`manager` is `false` or a list with roles). */
function directManagerId(user: WorkBoardUser): string | undefined {
  const managers = Array.isArray(user.manager) ? user.manager : [];
  return (managers.find((m) => m.role === "1") ?? managers[0])?.user_id;
}

function departmentOf(user: WorkBoardUser): string | undefined {
  return user.profile?.custom_attributes?.find((a) => a.name === DEPARTMENT_ATTRIBUTE)?.value;
}

/** Looks WorkBoard users up by email, once each. */
function workBoardDirectory(workboard: WorkBoardClient) {
  const cache = new Map<string, Promise<WorkBoardUser | undefined>>();
  return (email: string): Promise<WorkBoardUser | undefined> => {
    const key = email.toLowerCase();
    let found = cache.get(key);
    if (!found) {
      found = workboard
        .GET("/user", { params: { query: { user_id: email, custom_attributes: 1 } } })
        .then(({ data, error }) => {
          if (error instanceof NotFoundError) return undefined;
          if (error) throw error;
          const user = data.data?.user;
          return Array.isArray(user) ? user[0] : user;
        });
      cache.set(key, found);
    }
    return found;
  };
}

/** The WorkBoard changes that bring a user in line with the HR record, or undefined when none are due. */
function workBoardChanges(
  employee: Employee,
  user: WorkBoardUser,
  managerId: string | undefined,
): WorkBoardUserUpdate | undefined {
  const update: WorkBoardUserUpdate = {};
  const profile: NonNullable<WorkBoardUserUpdate["profile"]> = {};
  if (employee.title && user.profile?.title !== employee.title) profile.title = employee.title;
  const department = employee.department?.name;
  if (department && departmentOf(user) !== department)
    profile.custom_attributes = [{ name: DEPARTMENT_ATTRIBUTE, value: department }];
  if (Object.keys(profile).length > 0) update.profile = profile;
  if (managerId && directManagerId(user) !== managerId) {
    update.manager_id = managerId;
    update.org_role = "direct";
  }
  return Object.keys(update).length > 0 ? update : undefined;
}

/** What an update changes, in the HR record's terms ("title, department, manager"). */
function describeChange(update: WorkBoardUserUpdate): string {
  return [
    update.profile?.title === undefined ? undefined : `title "${update.profile.title}"`,
    update.profile?.custom_attributes === undefined
      ? undefined
      : `department "${update.profile.custom_attributes[0]?.value}"`,
    update.manager_id === undefined ? undefined : `manager ${update.manager_id}`,
  ]
    .filter((part) => part !== undefined)
    .join(", ");
}

/**
 * Copies each active Betterworks employee's title, department and manager to their WorkBoard user
 * (matched by email), and their title to their Workglue employee's position. Only what differs is
 * written, one call per person and system, so a second run changes nothing and a failed call leaves
 * that person's record as it was.
 */
export async function hrToProfiles(
  clients: {
    readonly betterworks: BetterworksClient;
    readonly workboard: WorkBoardClient;
    readonly workglue: WorkglueClient;
  },
  progress: Progress,
): Promise<RecipeReport> {
  const outcome = tally(progress);
  const employees: Employee[] = [];
  for await (const employee of clients.betterworks.paginate("/users", {
    params: { query: { is_active: true, size: 100 } },
  })) {
    employees.push(employee);
  }
  progress.step(`Betterworks: ${employees.length} active employees`);

  const lookUp = workBoardDirectory(clients.workboard);
  for (const employee of employees) {
    // Betterworks documents no user body, so even the email may be absent.
    const email = employee.email;
    if (!email) {
      outcome.failed(`Betterworks user ${String(employee.id)}`, "no email to match on");
      continue;
    }
    const item = `WorkBoard ${email}`;
    try {
      const user = await lookUp(email);
      if (!user) {
        outcome.failed(item, "no WorkBoard user with this email");
        continue;
      }
      const manager = employee.manager?.email ? await lookUp(employee.manager.email) : undefined;
      if (employee.manager && !manager)
        progress.problem(`${item}: manager ${employee.manager.email} has no WorkBoard user; manager not set`);
      const update = workBoardChanges(employee, user, manager?.user_id);
      if (!update) {
        outcome.unchanged(item);
        continue;
      }
      const { error } = await clients.workboard.PUT("/user/{user_id}", {
        params: { path: { user_id: Number(user.user_id) } },
        body: update,
      });
      if (error) throw error;
      outcome.changed(`${item}: ${describeChange(update)}`);
    } catch (error) {
      outcome.failed(item, reasonOf(error));
    }
  }

  progress.step("Workglue: positions from titles (Workglue has no department or manager field)");
  const staff = new Map<string, WorkglueTypes["schemas"]["Employee"]>();
  for await (const person of clients.workglue.paginate("/employees", {
    params: { query: { per_page: 100 } },
  })) {
    if (person.email) staff.set(person.email.toLowerCase(), person);
  }
  for (const employee of employees) {
    const item = `Workglue ${employee.email}`;
    const person = employee.email ? staff.get(employee.email.toLowerCase()) : undefined;
    const position = positionFor(employee.title ?? null);
    if (!person?.id) {
      outcome.failed(item, "no Workglue employee with this email");
      continue;
    }
    const positions = person.positions ?? [];
    if (!position || (positions.length === 1 && positions[0] === position)) {
      outcome.unchanged(item);
      continue;
    }
    const { error } = await clients.workglue.PATCH("/employees/{employeeId}", {
      params: { path: { employeeId: person.id } },
      body: { positions: [position] },
    });
    if (error) {
      outcome.failed(item, reasonOf(error));
      continue;
    }
    outcome.changed(`${item}: positions ${positions.join("+") || "none"} → ${position}`);
  }
  return outcome.report;
}
