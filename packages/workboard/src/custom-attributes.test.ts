import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createWorkBoardClient, NotFoundError, unwrap } from "./index.ts";
import { createWorkBoardMock } from "./msw.ts";

/*
 * WorkBoard's v2 custom-attributes API (https://www.myworkboard.com/wb/apis/v2), reached through the
 * same client as v1: its paths are written `/v2/...` under the v1 base URL.
 */
const mock = createWorkBoardMock();
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  mock.reset();
  server.resetHandlers();
});
afterAll(() => server.close());

const client = () =>
  createWorkBoardClient({
    token: "wb-instant-token-test",
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    logLevel: "off",
  });

const objectiveId = () => Number(mock.store.list("goal")[0]?.["goal_id"]);
const definitionFor = (objectType: string) => {
  const found = mock.store.list("customAttributeDefinition").find((d) => d["objectType"] === objectType);
  if (!found) throw new Error(`no seeded ${objectType} definition`);
  return found as { id: number; name: string; fieldType: string; options: string[] };
};

describe("WorkBoard v2 custom attributes against the mock", () => {
  it("lists the org's attribute definitions at /v2/attributes/definitions, filtered by objectType", async () => {
    const all = await unwrap(client().GET("/v2/attributes/definitions"));
    const types = new Set(all.definitions.map((d) => d.objectType));
    expect(types.size).toBeGreaterThan(1);

    const forKeyResults = await unwrap(
      client().GET("/v2/attributes/definitions", { params: { query: { objectType: "key_result" } } }),
    );
    expect(forKeyResults.definitions.length).toBeGreaterThan(0);
    expect(forKeyResults.definitions.every((d) => d.objectType === "key_result")).toBe(true);
  });

  it("sets, reads back, updates and clears a value on an objective", async () => {
    const definition = definitionFor("objective");
    const value = definition.fieldType.endsWith("select") ? definition.options[0] : "Expansion";
    const id = objectiveId();
    const path = { id, attributeId: definition.id };

    const set = await unwrap(
      client().POST("/v2/attributes/objectives/{id}/{attributeId}", {
        params: { path },
        body: { value: value ?? "" },
      }),
    );
    expect(set.success).toBe(true);

    const read = await unwrap(
      client().GET("/v2/attributes/objectives/{id}", {
        params: { path: { id }, query: { attributeId: definition.id } },
      }),
    );
    expect(read.id).toBe(id);
    expect(read.objectType).toBe("objective");
    expect(read.customAttributes).toEqual([
      expect.objectContaining({
        id: definition.id,
        name: definition.name,
        value: definition.fieldType === "multi_select" ? [value] : value,
      }),
    ]);

    const objects = await unwrap(
      client().GET("/v2/attributes/{attributeId}/objects", {
        params: { path: { attributeId: definition.id } },
      }),
    );
    expect(objects.objects.map((o) => o.objectId)).toContain(id);

    const cleared = await client().DELETE("/v2/attributes/objectives/{id}/{attributeId}", {
      params: { path },
    });
    expect(cleared.error).toBeUndefined();
    expect(cleared.response?.status).toBe(204);
    const after = await unwrap(
      client().GET("/v2/attributes/objectives/{id}", {
        params: { path: { id }, query: { attributeId: definition.id } },
      }),
    );
    expect(after.customAttributes[0]?.value).toBeNull();
  });

  it("stores a multi-select value as the array that was sent", async () => {
    const definition = mock.store
      .list("customAttributeDefinition")
      .find((d) => d["fieldType"] === "multi_select") as
      | { id: number; objectType: string; options: string[] }
      | undefined;
    expect(definition).toBeDefined();
    if (!definition) return;
    const userId = Number(mock.store.list("user")[0]?.["user_id"]);
    const kind = definition.objectType === "user" ? "users" : "objectives";
    const id = kind === "users" ? userId : objectiveId();
    const chosen = definition.options.slice(0, 2);
    await unwrap(
      client().PUT(`/v2/attributes/${kind}/{id}/{attributeId}` as "/v2/attributes/users/{id}/{attributeId}", {
        params: { path: { id, attributeId: definition.id } },
        body: { value: chosen },
      }),
    );
    const read = await unwrap(
      client().GET(`/v2/attributes/${kind}/{id}` as "/v2/attributes/users/{id}", {
        params: { path: { id } },
      }),
    );
    expect(read.customAttributes.find((a) => a.id === definition.id)?.value).toEqual(chosen);
  });

  it("pages the objects of an attribute with limit, offset and nextOffset", async () => {
    const definition = definitionFor("key_result");
    const metrics = mock.store.list("metric").slice(0, 3);
    for (const metric of metrics) {
      await unwrap(
        client().PUT("/v2/attributes/key-results/{id}/{attributeId}", {
          params: { path: { id: Number(metric["metric_id"]), attributeId: definition.id } },
          body: { value: definition.options[0] ?? "Revenue" },
        }),
      );
    }
    const first = await unwrap(
      client().GET("/v2/attributes/{attributeId}/objects", {
        params: { path: { attributeId: definition.id }, query: { limit: 2 } },
      }),
    );
    expect(first.pagination).toEqual({ limit: 2, offset: 0, nextOffset: 2 });
    expect(first.objects).toHaveLength(2);
    const ids = first.objects.map((o) => o.objectId);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const second = await unwrap(
      client().GET("/v2/attributes/{attributeId}/objects", {
        params: { path: { attributeId: definition.id }, query: { limit: 2, offset: 2 } },
      }),
    );
    expect(second.pagination.nextOffset).toBeNull();
    expect(second.objects.map((o) => o.objectId)).not.toContain(ids[0]);
  });

  it("paginate() follows nextOffset past a page shortened by an object the token cannot see", async () => {
    const definition = definitionFor("objective");
    const goals = mock.store.list("goal").slice(0, 5);
    expect(goals).toHaveLength(5);
    const ids = goals.map((g) => Number(g["goal_id"])).sort((a, b) => b - a);
    for (const id of ids) {
      await unwrap(
        client().PUT("/v2/attributes/objectives/{id}/{attributeId}", {
          params: { path: { id, attributeId: definition.id } },
          body: { value: definition.options[0] ?? "Expansion" },
        }),
      );
    }
    // The second-newest objective goes away: its row is still scanned but no longer visible.
    const hidden = ids[1] as number;
    const goal = goals.find((g) => Number(g["goal_id"]) === hidden);
    expect(mock.store.delete("goal", goal?.["goal_id"] as string | number)).toBe(true);

    const init = { params: { path: { attributeId: definition.id }, query: { limit: 2 } } };
    const first = await unwrap(client().GET("/v2/attributes/{attributeId}/objects", init));
    expect(first.objects.map((o) => o.objectId)).toEqual([ids[0]]);
    expect(first.pagination).toEqual({ limit: 2, offset: 0, nextOffset: 2 });

    const pages: number[][] = [];
    for await (const page of client().paginate("/v2/attributes/{attributeId}/objects", init).pages())
      pages.push(page.items.map((o) => o.objectId));
    expect(pages).toEqual([[ids[0]], [ids[2], ids[3]], [ids[4]]]);
    const all = await client().paginate("/v2/attributes/{attributeId}/objects", init).toArray();
    expect(all.map((o) => o.objectId)).toEqual(ids.filter((id) => id !== hidden));
  });

  it("answers an unknown object with a NotFoundError carrying WorkBoard's v2 error code", async () => {
    const definition = definitionFor("work_item");
    const { error } = await client().PUT("/v2/attributes/work-items/{id}/{attributeId}", {
      params: { path: { id: 999999999, attributeId: definition.id } },
      body: { value: "x" },
    });
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error?.status).toBe(404);
  });
});
