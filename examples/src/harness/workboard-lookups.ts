import type { MockRecord, MockStore } from "@workapis/runtime/mock";
import type { components } from "@workapis/workboard";
import type { WorkBoardMock } from "@workapis/workboard/msw";

type User = components["schemas"]["User"];
type PeopleGoals = components["schemas"]["PeopleGoals"];
type Goal = components["schemas"]["Goal"];

/*
 * WorkBoard's `GET /user` and `GET /goal` answer in several shapes (one user or a page of users; goals
 * grouped by person), so the generated mock serves them from the spec's examples. The recipes look
 * users up by email and page through everyone's goals; these overrides, installed through the mock's
 * own typed `override()`, answer those calls from the store instead, so that what a recipe reads is
 * what the test seeded.
 */

const page = <T>(items: readonly T[], limit: number | undefined, offset: number | undefined): T[] =>
  items.slice(offset ?? 0, (offset ?? 0) + (limit ?? 15));

function notFound(mock: WorkBoardMock): Response {
  return Response.json(mock.spec.errors["404"], { status: 404 });
}

function findUser(store: MockStore, idOrEmail: string): MockRecord | undefined {
  const wanted = idOrEmail.toLowerCase();
  return store
    .list("user")
    .find((u) => String(u["user_id"]) === idOrEmail || String(u["email"]).toLowerCase() === wanted);
}

function goalsByPerson(store: MockStore, ownerId: string | undefined): PeopleGoals[] {
  const people = new Map<string, PeopleGoals>();
  for (const goal of store.list("goal") as unknown as Goal[]) {
    const owner = goal.goal_owner ?? "";
    if (ownerId !== undefined && owner !== ownerId) continue;
    let person = people.get(owner);
    if (!person) {
      const user = store.get("user", owner) as unknown as User | undefined;
      person = {
        user_id: owner,
        ...(user
          ? { user_email: user.email, user_first_name: user.first_name, user_last_name: user.last_name }
          : {}),
        people_goals: [],
      };
      people.set(owner, person);
    }
    person.people_goals.push(goal);
  }
  return [...people.values()];
}

/** Installs the store-backed user lookup and goal listing on a WorkBoard mock. */
export function withStoreLookups(mock: WorkBoardMock): WorkBoardMock {
  mock.override("listUsers", ({ query, store }) => {
    if (query.user_id !== undefined) {
      const user = findUser(store, query.user_id);
      if (!user) return notFound(mock);
      return { success: true, message: "User found", data: { user: user as unknown as User } };
    }
    const users = store.list("user") as unknown as User[];
    if (query.include === "org_members" || query.include === "team_members") {
      return {
        success: true,
        message: "Users found",
        data: { totalCount: users.length, user: page(users, query.limit, query.offset) },
      };
    }
    const [own] = users;
    return own ? { success: true, message: "User found", data: { user: own } } : notFound(mock);
  });
  mock.override("listGoals", ({ query, store }) => {
    const people = goalsByPerson(
      store,
      query.goal_owner_id === undefined ? undefined : String(query.goal_owner_id),
    );
    return {
      success: true,
      message: "Goals found",
      data: { totalCount: people.length, goal: page(people, query.limit, query.offset) },
    };
  });
  return mock;
}
