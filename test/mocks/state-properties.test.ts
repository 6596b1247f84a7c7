import type { MockOperation, VendorMock } from "@workapis/mock";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readPointer } from "../../packages/runtime/src/util/json-pointer.ts";
import { buildRequest } from "../conformance/request-builder.ts";
import { isObj, SpecModel, type SpecOperation, vendors } from "../conformance/spec-model.ts";

/**
 * Property: after any short sequence of creates, updates and deletes through a vendor's mock, every
 * GET answer validates against the operation's response schema and shows exactly what was written:
 * the text fields sent on create and update are read back, and a deleted record is gone.
 */
type Json = Record<string, unknown>;

interface Resource {
  readonly name: string;
  readonly idField: string;
  readonly create: { readonly m: MockOperation; readonly op: SpecOperation };
  readonly get: { readonly m: MockOperation; readonly op: SpecOperation };
  readonly update?: { readonly m: MockOperation; readonly op: SpecOperation };
  readonly remove?: { readonly m: MockOperation; readonly op: SpecOperation };
}

type Command =
  | { readonly kind: "create"; readonly text: string }
  | { readonly kind: "update"; readonly target: number; readonly text: string }
  | { readonly kind: "delete"; readonly target: number };

async function mockOf(vendor: string): Promise<() => VendorMock> {
  const module = (await import(`@workapis/${vendor}/msw`)) as Record<string, unknown>;
  const factory = Object.entries(module).find(([k]) => /^create\w+Mock$/.test(k))?.[1];
  if (typeof factory !== "function") throw new Error(`no mock factory for ${vendor}`);
  return factory as () => VendorMock;
}

function resourcesOf(model: SpecModel, mockOps: readonly MockOperation[]): Resource[] {
  const operations = model.operations();
  const find = (resource: string, action: string) => {
    const m = mockOps.find((o) => o.mock.resource === resource && o.mock.action === action);
    const op = m && operations.find((o) => o.operationId === m.operationId);
    return m && op ? { m, op } : undefined;
  };
  const names = [...new Set(mockOps.filter((o) => o.mock.action === "create").map((o) => o.mock.resource))];
  return names.flatMap((name) => {
    const create = find(name, "create");
    const get = find(name, "get");
    if (!create || !get) return [];
    const update = find(name, "update");
    const remove = find(name, "delete");
    const idField = create.m.mock.idField ?? "id";
    return [{ name, idField, create, get, ...(update ? { update } : {}), ...(remove ? { remove } : {}) }];
  });
}

/**
 * The request body's top-level properties that take free text (a string with no format, pattern or
 * enum) and that the record read back has under the same name: what a sequence writes and checks.
 */
function textFields(
  model: SpecModel,
  write: SpecOperation,
  read: SpecOperation,
  readPointerTo: string,
): string[] {
  const requestSchema = model.deref(model.json(write.operation["requestBody"])?.["schema"]);
  const responses = read.operation["responses"] as Json;
  const success = Object.keys(responses).find((s) => s.startsWith("2")) ?? "200";
  let recordSchema = model.deref(model.json(responses[success])?.["schema"]);
  for (const key of readPointerTo.split("/").slice(1)) {
    const properties = isObj(recordSchema) ? model.deref(recordSchema["properties"]) : undefined;
    recordSchema = isObj(properties) ? model.deref(properties[key]) : undefined;
  }
  const readProperties = isObj(recordSchema) ? model.deref(recordSchema["properties"]) : undefined;
  const properties = isObj(requestSchema) ? model.deref(requestSchema["properties"]) : undefined;
  if (!isObj(properties) || !isObj(readProperties)) return [];
  return Object.entries(properties).flatMap(([name, raw]) => {
    const schema = model.deref(raw);
    const read = model.deref(readProperties[name]);
    const plain = (s: unknown) =>
      isObj(s) &&
      (s["type"] === "string" || (Array.isArray(s["type"]) && s["type"].includes("string"))) &&
      s["format"] === undefined &&
      s["pattern"] === undefined &&
      s["enum"] === undefined &&
      s["const"] === undefined &&
      (typeof s["maxLength"] !== "number" || s["maxLength"] >= 24);
    return plain(schema) && plain(read) ? [name] : [];
  });
}

const textArb = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{2,18}[A-Za-z0-9]$/);

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("create" as const), text: textArb }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("update" as const), target: fc.nat(), text: textArb }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), target: fc.nat() }) },
);

for (const { vendor, spec } of vendors()) {
  describe(`${vendor}: random writes, then every read`, async () => {
    const model = new SpecModel(spec);
    const factory = await mockOf(vendor);
    const resources = resourcesOf(model, factory().spec.operations);

    for (const resource of resources) {
      const { create, get, update, remove, idField } = resource;
      const getRecord = get.m.mock.record ?? "/data";
      const createFields = textFields(model, create.op, get.op, getRecord);
      const updateFields = update ? textFields(model, update.op, get.op, getRecord) : [];
      const example = (op: SpecOperation) => {
        const body = model.example(model.json(op.operation["requestBody"]));
        return isObj(body) ? structuredClone(body) : {};
      };

      it(`${resource.name}: reads match the schema and what was written`, async () => {
        await fc.assert(
          fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 6 }), async (commands) => {
            const mock = factory();
            /** Live records made by this sequence: id → the text fields last written. */
            const live = new Map<string | number, Json>();
            const deleted = new Set<string | number>();
            const problems: string[] = [];
            const pick = (target: number) => [...live.keys()][target % Math.max(live.size, 1)];

            for (const command of commands) {
              if (command.kind === "create") {
                const body = example(create.op);
                for (const field of createFields) body[field] = `${command.text} ${field}`;
                const before = new Set(mock.store.list(resource.name).map((r) => r[idField]));
                const answer = (await mock.handle(
                  buildRequest(model, mock, create.op, { body }).request,
                )) as Response;
                if (answer.status !== create.m.successStatus) {
                  problems.push(`create: status ${answer.status} ${await answer.text()}`);
                  continue;
                }
                const made = mock.store.list(resource.name).filter((r) => !before.has(r[idField]));
                const id = made[0]?.[idField];
                if (made.length !== 1 || (typeof id !== "string" && typeof id !== "number")) {
                  problems.push(`create: ${made.length} new records`);
                  continue;
                }
                if (live.has(id) || deleted.has(id))
                  problems.push(`create: id ${String(id)} was used before`);
                live.set(id, Object.fromEntries(createFields.map((f) => [f, body[f]])));
              } else if (command.kind === "update" && update && live.size > 0) {
                const id = pick(command.target) as string | number;
                const body = example(update.op);
                for (const field of updateFields) body[field] = `${command.text} ${field}`;
                const answer = (await mock.handle(
                  buildRequest(model, mock, update.op, { id, body }).request,
                )) as Response;
                if (answer.status !== update.m.successStatus) {
                  problems.push(`update ${String(id)}: status ${answer.status} ${await answer.text()}`);
                  continue;
                }
                live.set(id, {
                  ...live.get(id),
                  ...Object.fromEntries(updateFields.map((f) => [f, body[f]])),
                });
              } else if (command.kind === "delete" && remove && live.size > 0) {
                const id = pick(command.target) as string | number;
                const answer = (await mock.handle(
                  buildRequest(model, mock, remove.op, { id }).request,
                )) as Response;
                if (answer.status !== remove.m.successStatus) {
                  problems.push(`delete ${String(id)}: status ${answer.status}`);
                  continue;
                }
                live.delete(id);
                deleted.add(id);
              }
            }

            for (const [id, written] of live) {
              const answer = (await mock.handle(
                buildRequest(model, mock, get.op, { id }).request,
              )) as Response;
              const body = (await answer.json()) as unknown;
              if (answer.status !== get.m.successStatus) {
                problems.push(`get ${String(id)}: status ${answer.status}`);
                continue;
              }
              for (const found of model.checkResponse(get.op, answer.status, body))
                problems.push(`get ${String(id)}: ${found}`);
              const record = readPointer(body, getRecord);
              for (const [field, value] of Object.entries(written)) {
                const read = isObj(record) ? record[field] : undefined;
                if (read !== value)
                  problems.push(
                    `get ${String(id)}: ${field} is ${JSON.stringify(read)}, wrote ${JSON.stringify(value)}`,
                  );
              }
            }
            for (const id of deleted) {
              const answer = (await mock.handle(
                buildRequest(model, mock, get.op, { id }).request,
              )) as Response;
              const expected = get.m.mock.missingStatus ?? 404;
              if (answer.status !== expected)
                problems.push(`get deleted ${String(id)}: status ${answer.status}`);
              for (const found of model.checkResponse(get.op, answer.status, await answer.json()))
                problems.push(`get deleted ${String(id)}: ${found}`);
            }
            expect(problems).toEqual([]);
          }),
          { numRuns: 25 },
        );
      });
    }
  });
}
