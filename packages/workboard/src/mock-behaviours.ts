import type { MockBehaviours, MockRecord, MockStore } from "@workapis/mock";
import type { components, operations } from "./generated/schema.ts";
import { customAttributeBehaviours, definitionListBehaviour } from "./mock-custom-attributes.ts";

type User = components["schemas"]["User"];
type Goal = components["schemas"]["Goal"];
type PeopleGoals = components["schemas"]["PeopleGoals"];

/*
 * WorkBoard's `GET /user` answers one user (the token's, or one looked up by id or email) or a page of
 * users, and `GET /goal` groups goals by person: shapes the spec's x-mock actions cannot express, so
 * these answer them from the store (the spec marks both `x-mock.action: custom`).
 */

const DEFAULT_LIMIT = 15;

function page<T>(items: readonly T[], limit: number | undefined, offset: number | undefined): T[] {
  const from = offset ?? 0;
  return items.slice(from, from + (limit ?? DEFAULT_LIMIT));
}

function findUser(store: MockStore, idOrEmail: string): MockRecord | undefined {
  const email = idOrEmail.toLowerCase();
  return store
    .list("user")
    .find((u) => String(u["user_id"]) === idOrEmail || String(u["email"]).toLowerCase() === email);
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
    person.people_goals = [...(person.people_goals ?? []), goal];
  }
  return [...people.values()];
}

const v1Behaviours: MockBehaviours<operations, "listUsers" | "listGoals"> = {
  listUsers: ({ query, store, error }) => {
    if (query.user_id !== undefined) {
      const user = findUser(store, query.user_id);
      if (!user) return error(404, { message: `No user ${query.user_id}` });
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
    // Without parameters: the token's own profile (the mock's first user).
    const [own] = users;
    return own ? { success: true, message: "User found", data: { user: own } } : error(404);
  },
  listGoals: ({ query, store }) => {
    const people = goalsByPerson(
      store,
      query.goal_owner_id === undefined ? undefined : String(query.goal_owner_id),
    );
    return {
      success: true,
      message: "Goals found",
      data: { totalCount: people.length, goal: page(people, query.limit, query.offset) },
    };
  },
};

/**
 * Every operation the spec marks `x-mock.action: custom` (v1's users and goals, v2's custom
 * attributes), and v2's definition list, whose answer shape the engine's unpaged list cannot produce.
 */
export const behaviours = { ...v1Behaviours, ...customAttributeBehaviours, ...definitionListBehaviour };
