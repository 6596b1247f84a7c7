import type { MockOperation, VendorMock } from "@workapis/runtime/mock";
import { type MockServer, serveMock } from "@workapis/runtime/mock/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

const runs = new Map<string, VendorRun>();
const specs = vendors();

const baseOf = (mock: VendorMock, op: MockOperation | undefined): string => op?.serverUrl ?? mock.baseUrl;

async function startVendor(vendor: string, spec: string): Promise<VendorRun> {
  const model = new SpecModel(spec);
  const mock = await loadMock(vendor);
  const server = await serveMock(mock, { port: 0 });
  const origin = new URL(server.url).origin;
  const proxies = new Map<string, PrismProxy>();
  for (const base of new Set(mock.spec.operations.map((o) => baseOf(mock, o)))) {
    // serveMock answers for the vendor's origin, under any path of it.
    if (new URL(base).origin !== new URL(mock.baseUrl).origin)
      throw new Error(`${vendor}: ${base} is on another host than ${mock.baseUrl}`);
    proxies.set(base, await startPrismProxy(spec, `${origin}${new URL(base).pathname}`));
  }
  return { model, mock, server, proxies, exercised: new Set() };
}

beforeAll(async () => {
  // Prism takes seconds to read a spec: start all of them at once.
  const started = await Promise.allSettled(
    specs.map(async ({ vendor, spec }) => runs.set(vendor, await startVendor(vendor, spec))),
  );
  const failed = started.find((s) => s.status === "rejected");
  if (failed) throw failed.reason;
});

afterAll(async () => {
  const lines = [...runs].map(([vendor, run]) => `${vendor}: ${run.exercised.size} operations`);
  console.log(`operations exercised through Prism's validating proxy:\n  ${lines.join("\n  ")}`);
  await Promise.all(
    [...runs.values()].flatMap((run) => [
      run.server.close(),
      ...[...run.proxies.values()].map((p) => p.stop()),
    ]),
  );
});

function runOf(vendor: string): VendorRun {
  const run = runs.get(vendor);
  if (!run) throw new Error(`${vendor} did not start`);
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
  // The builder leaves out header parameters; a valid request sends the required ones.
  const headers = new Headers(built.headers);
  for (const p of op.parameters.filter((p) => p["in"] === "header" && p["required"] === true))
    headers.set(String(p["name"]), String(headerSample(run.model, p)));
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

function headerSample(model: SpecModel, param: Record<string, unknown>): unknown {
  const schema = model.deref(param["schema"]);
  const fromSchema = isObj(schema)
    ? (schema["example"] ?? schema["default"] ?? (schema["enum"] as unknown[] | undefined)?.[0])
    : undefined;
  return param["example"] ?? fromSchema ?? "sample";
}

function pointer(body: unknown, path: string): unknown {
  let current = body;
  for (const key of path.split("/").slice(1)) current = isObj(current) ? current[key] : undefined;
  return current;
}

/** The invalid requests made for an operation, where they apply. */
function invalidRequests(model: SpecModel, op: SpecOperation): { what: string; options: BuildOptions }[] {
  const requestBody = model.deref(op.operation["requestBody"]) as { required?: boolean } | undefined;
  return [
    { what: "without credentials", applies: isSecured(op, model), options: { auth: false } },
    {
      what: "without a required query parameter",
      applies: op.parameters.some((p) => p["in"] === "query" && p["required"] === true),
      options: { omitRequiredQuery: true },
    },
    {
      what: "with a body of the wrong type",
      applies: requestBody?.required === true,
      options: { body: ["not", "an", "object"] },
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

  for (const { what, options } of invalidRequests(run.model, op)) {
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
      const run = runOf(vendor);
      const isDelete = (op: SpecOperation) => op.method === "delete" || /delete|remove/i.test(op.operationId);
      const ordered = [...operations.filter((op) => !isDelete(op)), ...operations.filter(isDelete)];
      const problems: string[] = [];
      for (const op of ordered) problems.push(...(await checkOperation(run, op)));
      expect(problems).toEqual([]);
      expect(operations.map((o) => o.operationId).filter((id) => !run.exercised.has(id))).toEqual([]);
    });
  }
});

/** The spec's own word on whether an operation needs credentials (`security: []` opts out). */
function isSecured(op: SpecOperation, model: SpecModel): boolean {
  const own = op.operation["security"];
  const security = Array.isArray(own) ? own : model.doc["security"];
  return Array.isArray(security) && security.some((s) => isObj(s) && Object.keys(s).length > 0);
}
