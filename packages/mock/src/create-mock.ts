import { applyOperation } from "./apply-operation.ts";
import { errorResponse, errorStyleOf } from "./error-responses.ts";
import { mockFetch } from "./mock-fetch.ts";
import { MockStore } from "./mock-store.ts";
import type {
  MockBehaviours,
  OperationsShape,
  OverrideResolver,
  UntypedOperations,
} from "./override-types.ts";
import { type AnyResolver, Resolvers, runResolver } from "./overrides.ts";
import { checkRequest } from "./request-checks.ts";
import { RequestIds } from "./request-ids.ts";
import { withHeader, writeResponse } from "./response-writing.ts";
import type { RouteResult } from "./route-matcher.ts";
import { createRoutes } from "./routing.ts";
import { type Scenario, ScenarioQueue } from "./scenarios.ts";
import { seededFixtures } from "./seeded-order.ts";
import type { MockOperation, MockSpec, OperationValidators } from "./types.ts";

export type { Scenario } from "./scenarios.ts";

export interface MockOptions {
  /** Where the mock answers; defaults to the spec's server URL. */
  readonly baseUrl?: string;
  /** Check every request against the spec (auth, params, headers, body). Default true. */
  readonly validate?: boolean;
  /** Added latency for every response, in ms. Default 0. */
  readonly latencyMs?: number;
  /**
   * Roles of the tokens tests use, for vendors whose operations need a role (`x-required-role`).
   * A token not listed has `defaultRole` (default "admin", so every operation works unless a test says otherwise).
   */
  readonly tokenRoles?: Readonly<Record<string, string>>;
  readonly defaultRole?: string;
  /**
   * Without a seed, records come in spec order (examples first). A seed puts each collection in a
   * seed-determined order: the same seed gives byte-identical responses on every run.
   */
  readonly seed?: number;
  /**
   * The clock for the times a server stamps on new records (`created_at`). Default: a fixed instant,
   * 2026-01-15T12:00:00Z, so answers are the same on every run; pass `() => new Date()` for real time.
   */
  readonly now?: () => Date;
}

/** A stateful mock of one vendor, independent of msw: `handle` turns a Request into a Response. */
export interface VendorMock<
  Ops extends OperationsShape = UntypedOperations,
  Store extends MockStore = MockStore,
> {
  readonly spec: MockSpec;
  readonly baseUrl: string;
  /** Every base URL the mock answers under: the vendor's, plus operations' own servers. */
  readonly baseUrls: readonly string[];
  /** The mock's records; see `MockStore`. */
  readonly store: Store;
  /** Answers a request (undefined when it is not for this vendor's base URL). */
  handle(request: Request): Promise<Response | undefined>;
  /**
   * Answers a method that a fetch `Request` cannot carry (TRACE, CONNECT, TRACK), which no operation
   * has: 405 with `Allow` where the path exists, 404 where it does not, undefined when the URL is not
   * this vendor's. The HTTP server (`serveMock`) uses it.
   */
  handleMethod(method: string, url: string, headers?: HeadersInit): Response | undefined;
  /**
   * `handle` in the shape of `fetch`, to hand to a client (`createXClient({ fetch: mock.fetch })`)
   * or any fetch-based code: no msw, no network. A request for another host fails as an unreachable
   * one does (a `TypeError`), and an aborted signal rejects with its reason.
   */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** Replaces one operation's behaviour until `reset()` or `restore(operationId)`. */
  override<Id extends keyof Ops & string>(operationId: Id, resolver: OverrideResolver<Ops[Id]>): void;
  restore(operationId: keyof Ops & string): void;
  /** Arms a scenario for the next `times` calls (default 1) of an operation, or of every operation with "*". */
  scenario(operationId: (keyof Ops & string) | "*", scenario: Scenario, times?: number): void;
  /** Seed records again and drop overrides and scenarios. */
  reset(): void;
}

const FIXED_NOW = new Date("2026-01-15T12:00:00Z");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds a vendor mock from its generated spec and validators. */
export function createVendorMock<
  Ops extends OperationsShape = UntypedOperations,
  Store extends MockStore = MockStore,
>(
  spec: MockSpec,
  validators: Readonly<Record<string, OperationValidators>>,
  options: MockOptions = {},
  behaviours: Partial<MockBehaviours<Ops, keyof Ops>> = {},
): VendorMock<Ops, Store> {
  const routes = createRoutes(spec, options.baseUrl);
  const idFields: Record<string, string> = {};
  for (const op of spec.operations) if (op.mock.idField) idFields[op.mock.resource] = op.mock.idField;
  const store = new MockStore(
    options.seed === undefined ? spec.fixtures : seededFixtures(spec.fixtures, options.seed),
    idFields,
  );
  const resolvers = new Resolvers(behaviours as Readonly<Record<string, AnyResolver | undefined>>);
  const scenarios = new ScenarioQueue();
  const requestIds = spec.requestIdHeader ? new RequestIds(spec.requestIdHeader) : undefined;
  const settings = {
    spec,
    validators,
    validate: options.validate !== false,
    tokenRoles: options.tokenRoles ?? {},
    defaultRole: options.defaultRole ?? "admin",
  };

  const answerOperation = async (
    request: Request,
    url: URL,
    op: MockOperation,
    params: Record<string, string>,
  ): Promise<Response> => {
    const scenario = scenarios.take(op.operationId);
    if (scenario?.kind === "network-error") return Response.error();
    if (scenario?.kind === "latency") await sleep(scenario.ms);
    if (scenario?.kind === "error") return errorResponse(errorStyleOf(spec, op), scenario.status, scenario);
    const input = await checkRequest(settings, op, request, url, params);
    if (input instanceof Response) return input;
    const resolver = resolvers.for(op.operationId);
    const output = resolver
      ? await runResolver(resolver, spec, op, store, request, input)
      : applyOperation(spec, store, op, input, options.now?.() ?? FIXED_NOW);
    return writeResponse(op, output);
  };

  /** The answer for a request that leads to no operation: 405 with the path's methods, or 404. */
  const noOperation = (found: Exclude<RouteResult, { kind: "operation" }>, method: string, url: URL) =>
    found.kind === "method-not-allowed"
      ? errorResponse(
          spec,
          405,
          { message: `${method} is not allowed on ${url.pathname}; allowed: ${found.allowed.join(", ")}` },
          { Allow: found.allowed.join(", ") },
        )
      : errorResponse(spec, 404, { message: `No route for ${method} ${url.pathname}` });

  const withRequestId = (response: Response, headers: Headers) =>
    response.type === "error" || !requestIds
      ? response
      : withHeader(response, requestIds.header, requestIds.for(headers));

  const mock: VendorMock<Ops, Store> = {
    spec,
    baseUrl: routes.baseUrl,
    baseUrls: routes.baseUrls,
    // One MockStore serves every vendor; a generated mock names its records' types (`TypedMockStore`).
    store: store as Store,
    async handle(request) {
      const url = new URL(request.url);
      const found = routes.resolve(request.method, url);
      if (!found) return undefined;
      if (options.latencyMs) await sleep(options.latencyMs);
      const response =
        found.kind === "operation"
          ? await answerOperation(request, url, found.operation, { ...found.params })
          : noOperation(found, request.method, url);
      return withRequestId(response, request.headers);
    },
    handleMethod(method, rawUrl, headers) {
      const url = new URL(rawUrl);
      const found = routes.resolve(method, url);
      if (!found) return undefined;
      if (found.kind === "operation")
        throw new TypeError(`${method} ${url.pathname} is an operation: use handle()`);
      return withRequestId(noOperation(found, method, url), new Headers(headers));
    },
    fetch: mockFetch(spec.vendor, (request) => mock.handle(request)),
    override(operationId, resolver) {
      resolvers.override(operationId, resolver as AnyResolver);
    },
    restore(operationId) {
      resolvers.restore(operationId);
    },
    scenario(operationId, scenario, times = 1) {
      scenarios.arm(operationId, scenario, times);
    },
    reset() {
      store.reset();
      resolvers.clear();
      scenarios.clear();
      requestIds?.reset();
    },
  };
  return mock;
}
