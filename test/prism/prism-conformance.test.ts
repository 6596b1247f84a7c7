import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MockOperation, VendorMock } from "@workapis/mock";
import { type MockServer, serveMock } from "@workapis/mock/server";
import { afterAll, describe, expect, it } from "vitest";
import type { Obj } from "../../tools/codegen/spec-walk.ts";
import { type BuildOptions, buildRequest } from "../conformance/request-builder.ts";
import { isObj, SpecModel, type SpecOperation, vendors } from "../conformance/spec-model.ts";
import { type PrismProxy, startPrismProxy } from "./prism-proxy.ts";
import { describeViolations, ROUTE_NOT_FOUND, readViolations } from "./violations.ts";

/**
 * Every operation of every vendor, sent through Prism's validating proxy (`prism proxy`) to our
 * mock server (`serveMock`, what `pnpm mock` runs), writes included, then a set of invalid requests.
 *
 * Why Prism, when test/conformance already checks the mocks with its own validator: that suite and
 * the mocks are written by us from one reading of the spec, so a misreading (how a 3.1 schema, a
 * security scheme or a parameter style is meant) can hide in both. Prism is Stoplight's widely used,
 * independently written OpenAPI validator, the tool our users would point at a mock to check it.
 *
 * Prism runs without `--errors`. With it, Prism answers an invalid request itself (its own 422 or 401
 * problem+json) and the mock never sees it, so the vendor error envelope the mock gives would go
 * unchecked. Without it, Prism forwards every request and lists everything it finds, in the request
 * and in the mock's answer, in the `sl-violations` header. This suite holds that header to: nothing
 * at all for a valid request (warnings included, which `--errors` would let through), and for an
 * invalid one at least one request violation, no response violation, and a failure in the vendor's
 * envelope.
 */

async function loadMock(vendor: string): Promise<VendorMock> {
  const module = (await import(`@workapis/${vendor}/msw`)) as Record<string, unknown>;
  const factory = Object.entries(module).find(
    ([name, value]) => /^create\w+Mock$/.test(name) && typeof value === "function",
  )?.[1];
  if (typeof factory !== "function") throw new Error(`@workapis/${vendor}/msw exports no create<Vendor>Mock`);
  return (factory as () => VendorMock)();
}

interface VendorRun {
  readonly model: SpecModel;
  readonly mock: VendorMock;
  readonly server: MockServer;
  /** One Prism per server base the spec uses (WorkBoard's OAuth endpoints have their own). */
  readonly proxies: ReadonlyMap<string, PrismProxy>;
  readonly exercised: Set<string>;
}

const runs = new Map<string, Promise<VendorRun>>();
const specs = vendors();

const baseOf = (mock: VendorMock, op: MockOperation | undefined): string => op?.serverUrl ?? mock.baseUrl;

/**
 * Prism reads the schemas of an OpenAPI 3.1 document as JSON Schema draft-07 unless the document
 * names its dialect (@stoplight/http-spec 7 sets `$schema` to draft-07 otherwise), and draft-07
 * silently ignores 2020-12 keywords such as `dependentRequired`, which our specs use. OpenAPI 3.1's
 * default dialect is JSON Schema 2020-12, so Prism gets a copy of the spec that says so in
 * `jsonSchemaDialect`, the one form Prism recognises; nothing else in the copy differs.
 */
async function specFor2020(model: SpecModel, vendor: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `prism-${vendor}-`));
  tempDirs.push(dir);
  const file = join(dir, "openapi.json");
  await writeFile(file, JSON.stringify({ ...model.doc, jsonSchemaDialect: DRAFT_2020_12 }));
  return file;
}

const tempDirs: string[] = [];
const DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

async function startVendor(vendor: string, spec: string): Promise<VendorRun> {
  const model = new SpecModel(spec);
  const prismSpec = await specFor2020(model, vendor);
  const mock = await loadMock(vendor);
  const server = await serveMock(mock, { port: 0 });
  const origin = new URL(server.url).origin;
  const proxies = new Map<string, PrismProxy>();
  for (const base of new Set(mock.spec.operations.map((o) => baseOf(mock, o)))) {
    // serveMock answers for the vendor's origin, under any path of it.
    if (new URL(base).origin !== new URL(mock.baseUrl).origin)
      throw new Error(`${vendor}: ${base} is on another host than ${mock.baseUrl}`);
    proxies.set(base, await startPrismProxy(prismSpec, `${origin}${new URL(base).pathname}`));
  }
  return { model, mock, server, proxies, exercised: new Set() };
}

afterAll(async () => {
  const started = await Promise.all([...runs].map(async ([vendor, run]) => [vendor, await run] as const));
  const lines = started.map(([vendor, run]) => `${vendor}: ${run.exercised.size} operations`);
  console.log(`operations exercised through Prism's validating proxy:\n  ${lines.join("\n  ")}`);
  await Promise.all(
    started.flatMap(([, run]) => [run.server.close(), ...[...run.proxies.values()].map((p) => p.stop())]),
  );
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The vendor's mock server and Prism in front of it, started on first use. */
function runOf(vendor: string, spec: string): Promise<VendorRun> {
  let run = runs.get(vendor);
  if (!run) {
    run = startVendor(vendor, spec);
    runs.set(vendor, run);
  }
  return run;
}

const mockOperation = (mock: VendorMock, op: SpecOperation) =>
  mock.spec.operations.find((o) => o.operationId === op.operationId);

/** An operation on a record needs one: create it (directly, not through Prism) when the store has none. */
async function ensureRecord(run: VendorRun, op: SpecOperation): Promise<void> {
  const target = mockOperation(run.mock, op)?.mock;
  if (!target || !["get", "update", "delete", "action"].includes(target.action)) return;
  if (run.mock.store.list(target.resource).length > 0) return;
  const creator = run.mock.spec.operations.find(
    (o) => o.mock.resource === target.resource && o.mock.action === "create",
  );
  const createOp = creator && run.model.operations().find((o) => o.operationId === creator.operationId);
  if (createOp) await run.mock.handle(buildRequest(run.model, run.mock, createOp).request);
}

interface Exchange {
  readonly status: number;
  readonly body: unknown;
  readonly request: ReturnType<typeof readViolations>["request"];
  readonly response: ReturnType<typeof readViolations>["response"];
}

/** Sends the request the builder makes for the mock to Prism instead, at the same spec path. */
async function throughPrism(
  run: VendorRun,
  op: SpecOperation,
  options: BuildOptions = {},
): Promise<Exchange> {
  const built = buildRequest(run.model, run.mock, op, options).request;
  const base = baseOf(run.mock, mockOperation(run.mock, op));
  const proxy = run.proxies.get(base);
  if (!proxy) throw new Error(`no Prism for ${base}`);
  const url = new URL(built.url);
  const path = url.pathname.slice(new URL(base).pathname.replace(/\/$/, "").length);
  const body = built.method === "GET" || built.method === "HEAD" ? undefined : await built.arrayBuffer();
  const headers = new Headers(built.headers);
  const response = await fetch(`${proxy.url}${path}${url.search}`, {
    method: built.method,
    headers,
    redirect: "manual",
    ...(body && body.byteLength > 0 ? { body } : {}),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === "" ? undefined : JSON.parse(text);
  } catch {
    // Not JSON (an export file): kept as text.
  }
  return { status: response.status, body: parsed, ...readViolations(response) };
}

function pointer(body: unknown, path: string): unknown {
  let current = body;
  for (const key of path.split("/").slice(1)) current = isObj(current) ? current[key] : undefined;
  return current;
}

/** The JSON request body schema and its example, when both are objects. */
function bodyParts(model: SpecModel, op: SpecOperation): { schema: Obj; example: Obj } | undefined {
  const media = model.json(op.operation["requestBody"]);
  const schema = model.deref(media?.["schema"]);
  const example = model.example(media);
  return isObj(schema) && isObj(example) ? { schema, example: structuredClone(example) } : undefined;
}

/** The example body without its first required property, other than credentials sent in the body. */
function withoutRequiredProperty(model: SpecModel, op: SpecOperation, credential?: string): Obj | undefined {
  const parts = bodyParts(model, op);
  const required = Array.isArray(parts?.schema["required"]) ? (parts.schema["required"] as string[]) : [];
  const name = required.find((r) => r !== credential);
  if (!parts || name === undefined) return undefined;
  delete parts.example[name];
  return parts.example;
}

/** The example body with a property that `dependentRequired` ties to others, and without those. */
function withoutDependents(model: SpecModel, op: SpecOperation): Obj | undefined {
  const parts = bodyParts(model, op);
  const dependent = parts?.schema["dependentRequired"];
  const first = isObj(dependent) ? Object.entries(dependent)[0] : undefined;
  const properties = parts?.schema["properties"];
  if (!parts || !first || !Array.isArray(first[1]) || !isObj(properties)) return undefined;
  const [name, needs] = first as [string, string[]];
  const property = model.deref(properties[name]);
  const value = parts.example[name] ?? (isObj(property) ? property["example"] : undefined);
  if (value === undefined) return undefined;
  parts.example[name] = value;
  for (const need of needs) delete parts.example[need];
  return parts.example;
}

/** The invalid requests made for an operation, where they apply. */
function invalidRequests(run: VendorRun, op: SpecOperation): { what: string; options: BuildOptions }[] {
  const { model } = run;
  const requestBody = model.deref(op.operation["requestBody"]) as { required?: boolean } | undefined;
  const scheme = run.mock.spec.auth[0];
  const credential = scheme?.type === "apiKey" && scheme.alsoInBody ? scheme.param : undefined;
  const missing = withoutRequiredProperty(model, op, credential);
  const dependents = withoutDependents(model, op);
  return [
    { what: "without credentials", applies: isSecured(op, model), options: { auth: false } },
    {
      what: "without a required query parameter",
      applies: op.parameters.some((p) => p["in"] === "query" && p["required"] === true),
      options: { omitRequiredQuery: true },
    },
    {
      what: "without a required header",
      applies: op.parameters.some((p) => p["in"] === "header" && p["required"] === true),
      options: { omitRequiredHeaders: true },
    },
    {
      what: "with a body of the wrong type",
      applies: requestBody?.required === true,
      options: { body: ["not", "an", "object"] },
    },
    { what: "without a required body property", applies: missing !== undefined, options: { body: missing } },
    {
      what: "with a body property but not the ones it depends on",
      applies: dependents !== undefined,
      options: { body: dependents },
    },
  ].filter((i) => i.applies);
}

/** What is wrong with one operation's exchanges through Prism; empty when all is well. */
async function checkOperation(run: VendorRun, op: SpecOperation): Promise<string[]> {
  const problems: string[] = [];
  await ensureRecord(run, op);
  const valid = await throughPrism(run, op);
  const context = (e: Exchange) => `answer ${e.status} ${JSON.stringify(e.body).slice(0, 400)}`;
  for (const found of describeViolations([...valid.request, ...valid.response]))
    problems.push(`valid request: ${found} (${context(valid)})`);
  const expected = mockOperation(run.mock, op)?.successStatus;
  if (valid.status !== expected)
    problems.push(
      `valid request: status ${valid.status}, documented success ${expected} (${context(valid)})`,
    );
  if (problems.length === 0) run.exercised.add(op.operationId);

  for (const { what, options } of invalidRequests(run, op)) {
    const e = await throughPrism(run, op, options);
    const request = describeViolations(e.request);
    if (request.length === 0 || request.some((v) => v.includes(ROUTE_NOT_FOUND)))
      problems.push(`request ${what}: Prism reported no request violation [${request.join("; ")}]`);
    for (const found of describeViolations(e.response))
      problems.push(`request ${what}: the mock's answer: ${found} (${context(e)})`);
    const flag = pointer(e.body, run.mock.spec.envelope.success);
    if (!isObj(e.body) || flag === true || (e.status < 400 && flag !== false))
      problems.push(`request ${what}: not a failure in the vendor's envelope (${context(e)})`);
  }
  return problems.map((p) => `${op.operationId} (${op.method.toUpperCase()} ${op.path}): ${p}`);
}

// One test per vendor, the five side by side: within a vendor the operations share one mock and
// run in order, writes before the deletes, so reads see what was written.
describe.concurrent("mocks behind Prism's validating proxy", () => {
  for (const { vendor, spec } of specs) {
    const operations = new SpecModel(spec).operations();
    it(`${vendor}: all ${operations.length} operations, valid and invalid requests, with no violation`, async () => {
      const run = await runOf(vendor, spec);
      const isDelete = (op: SpecOperation) => op.method === "delete" || /delete|remove/i.test(op.operationId);
      const ordered = [...operations.filter((op) => !isDelete(op)), ...operations.filter(isDelete)];
      const problems: string[] = [];
      for (const op of ordered) problems.push(...(await checkOperation(run, op)));
      expect(problems).toEqual([]);
      expect(operations.map((o) => o.operationId).filter((id) => !run.exercised.has(id))).toEqual([]);
      // A few hundred exchanges through a second process: more than the project's default on a busy machine.
    }, 170_000);
  }
});

/** The spec's own word on whether an operation needs credentials (`security: []` opts out). */
function isSecured(op: SpecOperation, model: SpecModel): boolean {
  const own = op.operation["security"];
  const security = Array.isArray(own) ? own : model.doc["security"];
  return Array.isArray(security) && security.some((s) => isObj(s) && Object.keys(s).length > 0);
}
