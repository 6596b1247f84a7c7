import type { VendorMock } from "@workapis/mock";
import { describe, expect, it } from "vitest";
import { readPointer } from "../../packages/runtime/src/util/json-pointer.ts";
import { buildRequest } from "./request-builder.ts";
import { SpecModel, vendors } from "./spec-model.ts";

/** State round-trips through every resource that can be created: create → get → list → delete → 404. */
for (const { vendor, spec } of vendors()) {
  describe(`${vendor} mock state`, async () => {
    const model = new SpecModel(spec);
    const module = (await import(`@workapis/${vendor}/msw`)) as Record<string, unknown>;
    const factory = Object.entries(module).find(([k]) => /^create\w+Mock$/.test(k))?.[1] as () => VendorMock;
    const operations = model.operations();
    const mockOps = factory().spec.operations;
    const resources = [
      ...new Set(mockOps.filter((o) => o.mock.action === "create").map((o) => o.mock.resource)),
    ];

    for (const resource of resources) {
      const find = (action: string) => {
        const m = mockOps.find((o) => o.mock.resource === resource && o.mock.action === action);
        return m && { m, op: operations.find((o) => o.operationId === m.operationId) };
      };
      const create = find("create");
      const get = find("get");
      const list = find("list");
      const remove = find("delete");
      const createOp = create?.op;
      if (!create || !createOp) continue;

      it(`${resource}: a created record can be read, listed and deleted`, async () => {
        const mock = factory();
        const idField = create.m.mock.idField ?? "id";
        const before = new Set(mock.store.list(resource).map((r) => r[idField]));
        const created = (await mock.handle(buildRequest(model, mock, createOp).request)) as Response;
        expect(created.status).toBe(create.m.successStatus);
        const answered = readPointer(await created.json(), create.m.mock.record ?? "/data");
        // Some vendors answer a create without the record (WebWork's leave requests): then the new
        // record is the one the store did not hold before.
        const record = (answered ?? mock.store.list(resource).find((r) => !before.has(r[idField]))) as Record<
          string,
          unknown
        >;
        const id = record[idField] as string | number;
        expect(id).toBeDefined();
        expect(mock.store.get(resource, id)).toBeDefined();

        if (get?.op) {
          const read = (await mock.handle(buildRequest(model, mock, get.op, { id }).request)) as Response;
          expect(read.status).toBe(get.m.successStatus);
          expect(
            (readPointer(await read.json(), get.m.mock.record ?? "/data") as Record<string, unknown>)[
              idField
            ],
          ).toEqual(id);
        }
        if (list?.op && list.m.pagination) {
          const seen: unknown[] = [];
          for (let page = 1; page <= 50; page++) {
            const { request } = buildRequest(model, mock, list.op);
            const p = list.m.pagination;
            const url = new URL(request.url);
            // Filter the list the way a user would look for the new record (same user, same date …).
            for (const name of [...url.searchParams.keys()]) {
              const value = record[name];
              if (typeof value === "string" || typeof value === "number")
                url.searchParams.set(name, String(value));
            }
            let body = await request.clone().text();
            if (p.in === "body" && body) {
              // RPC lists filter on body fields: look for the new record the same way.
              const fields = JSON.parse(body) as Record<string, unknown>;
              for (const name of Object.keys(fields)) {
                const value = record[name];
                if (typeof value === "string" || typeof value === "number") fields[name] = value;
              }
              body = JSON.stringify(fields);
            }
            const cursor =
              p.style === "page"
                ? { [p.pageParam]: page }
                : p.style === "offset" || p.style === "next-offset"
                  ? { [p.offsetParam]: seen.length }
                  : {};
            for (const [name, value] of Object.entries(cursor)) {
              if (p.in === "query") url.searchParams.set(name, String(value));
              else body = JSON.stringify({ ...(JSON.parse(body || "{}") as object), [name]: value });
            }
            const response = (await mock.handle(
              new Request(url, {
                method: request.method,
                headers: request.headers,
                ...(body ? { body } : {}),
              }),
            )) as Response;
            const items = readPointer(await response.json(), p.items);
            expect(Array.isArray(items)).toBe(true);
            if (!Array.isArray(items) || items.length === 0) break;
            seen.push(...items.map((i) => (i as Record<string, unknown>)[idField]));
            if (p.style === "next-url") break;
          }
          expect(seen).toContainEqual(id);
        }
        if (remove?.op) {
          const deleted = (await mock.handle(
            buildRequest(model, mock, remove.op, { id }).request,
          )) as Response;
          expect(deleted.status).toBe(remove.m.successStatus);
          expect(mock.store.get(resource, id)).toBeUndefined();
          if (get?.op) {
            const gone = (await mock.handle(buildRequest(model, mock, get.op, { id }).request)) as Response;
            expect(gone.status).toBe(404);
            expect(model.checkResponse(get.op, 404, await gone.json())).toEqual([]);
          }
        }
      });
    }
  });
}
