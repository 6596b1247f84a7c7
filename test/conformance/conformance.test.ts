import type { VendorMock } from "@workapis/mock";
import { describe, expect, it } from "vitest";
import { buildRequest } from "./request-builder.ts";
import { SpecModel, type SpecOperation, vendors } from "./spec-model.ts";

/**
 * For every operation of every spec: a valid request to the vendor's mock gets the documented
 * success status and a body that validates against the spec (with an independent validator);
 * invalid requests get a documented error in the vendor's envelope; state round-trips; and two
 * mocks answer the same requests with the same bytes.
 */
async function loadMock(vendor: string): Promise<() => VendorMock> {
  const module = (await import(`@workapis/${vendor}/msw`)) as Record<string, unknown>;
  const factory = Object.entries(module).find(
    ([k, v]) => /^create\w+Mock$/.test(k) && typeof v === "function",
  )?.[1];
  if (typeof factory !== "function") throw new Error(`@workapis/${vendor}/msw exports no create<Vendor>Mock`);
  return () => (factory as () => VendorMock)();
}

/** An operation on a record (stop a tracker) needs one: create it first when the store has none. */
async function ensureRecord(model: SpecModel, mock: VendorMock, op: SpecOperation): Promise<void> {
  const target = mock.spec.operations.find((o) => o.operationId === op.operationId)?.mock;
  if (!target || !["get", "update", "delete", "action"].includes(target.action)) return;
  if (mock.store.list(target.resource).length > 0) return;
  const creator = mock.spec.operations.find(
    (o) => o.mock.resource === target.resource && o.mock.action === "create",
  );
  const createOp = creator && model.operations().find((o) => o.operationId === creator.operationId);
  if (createOp) await mock.handle(buildRequest(model, mock, createOp).request);
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  return response.headers.get("content-type")?.includes("json") ? (JSON.parse(text) as unknown) : text;
}

for (const { vendor, spec } of vendors()) {
  describe(`${vendor} mock conformance`, async () => {
    const model = new SpecModel(spec);
    const create = await loadMock(vendor);
    const operations = model.operations();

    it("covers every operation of the spec", () => {
      const mocked = new Set(create().spec.operations.map((o) => o.operationId));
      expect(operations.map((o) => o.operationId).filter((id) => !mocked.has(id))).toEqual([]);
    });

    for (const op of operations) {
      describe(`${op.operationId} (${op.method.toUpperCase()} ${op.path})`, () => {
        it("answers a valid request with the documented success and a schema-valid body", async () => {
          const mock = create();
          await ensureRecord(model, mock, op);
          const { request } = buildRequest(model, mock, op);
          const response = (await mock.handle(request)) as Response;
          const body = await readBody(response);
          const expected = mock.spec.operations.find((o) => o.operationId === op.operationId)?.successStatus;
          expect(response.status, JSON.stringify(body)).toBe(expected);
          expect(model.checkResponse(op, response.status, body)).toEqual([]);
        });

        const secured = create().spec.operations.find((o) => o.operationId === op.operationId)?.secured;
        if (secured) {
          it("refuses a request without credentials with a documented 401", async () => {
            const mock = create();
            const response = (await mock.handle(
              buildRequest(model, mock, op, { auth: false }).request,
            )) as Response;
            expect(response.status).toBe(401);
            expect(model.checkResponse(op, 401, await readBody(response))).toEqual([]);
          });
        }

        const requiredQuery = op.parameters.some((p) => p["in"] === "query" && p["required"] === true);
        if (requiredQuery) {
          it("refuses a request missing a required query parameter with a documented error", async () => {
            const mock = create();
            const response = (await mock.handle(
              buildRequest(model, mock, op, { omitRequiredQuery: true }).request,
            )) as Response;
            expect([400, 422]).toContain(response.status);
            expect(model.checkResponse(op, response.status, await readBody(response))).toEqual([]);
          });
        }

        const requestBody = model.deref(op.operation["requestBody"]) as { required?: boolean } | undefined;
        if (requestBody?.required) {
          it("refuses a body of the wrong type with a documented error", async () => {
            const mock = create();
            const response = (await mock.handle(
              buildRequest(model, mock, op, { body: ["not", "an", "object"] }).request,
            )) as Response;
            expect([400, 422]).toContain(response.status);
            expect(model.checkResponse(op, response.status, await readBody(response))).toEqual([]);
          });
        }
      });
    }

    it("is deterministic: two mocks answer the same request sequence with the same bytes", async () => {
      const run = async () => {
        const mock = create();
        const out: string[] = [];
        for (const op of operations) {
          const response = (await mock.handle(buildRequest(model, mock, op).request)) as Response;
          out.push(`${response.status} ${(await response.text()).replace(/"timestamp":"[^"]*"/g, "")}`);
        }
        return out;
      };
      expect(await run()).toEqual(await run());
    });
  });
}
