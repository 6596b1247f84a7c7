import type { AuthSchemeMeta } from "@workapis/runtime";
import { applyOperation, type OperationInput, type OperationOutput } from "./apply-operation.ts";
import { errorResponse, errorStyleOf, fieldErrors, type MockErrorInit } from "./error-responses.ts";
import { MockStore } from "./mock-store.ts";
import type {
  MockBehaviours,
  OperationsShape,
  OverrideResolver,
  UntypedOperations,
} from "./override-types.ts";
import { ForbiddenKeyError, type ParsedBody, parseBody, parseQuery } from "./request-parsing.ts";
import { createRouteMatcher } from "./route-matcher.ts";
import { seededFixtures } from "./seeded-order.ts";
import type { CompiledValidator, MockOperation, MockSpec, OperationValidators } from "./types.ts";

export interface MockOptions {
  /** Where the mock answers; defaults to the spec's server URL. */
  readonly baseUrl?: string;
  /** Check every request against the spec (auth, params, body). Default true. */
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

/** A ready failure for the next matching calls. */
export type Scenario =
  | ({ readonly kind: "error"; readonly status: number } & MockErrorInit)
  | { readonly kind: "network-error" }
  | { readonly kind: "latency"; readonly ms: number };

interface Armed {
  readonly scenario: Scenario;
  remaining: number;
}

/** A stateful mock of one vendor, independent of msw: `handle` turns a Request into a Response. */
export interface VendorMock<Ops extends OperationsShape = UntypedOperations> {
  readonly spec: MockSpec;
  readonly baseUrl: string;
  /** Every base URL the mock answers under: the vendor's, plus operations' own servers. */
  readonly baseUrls: readonly string[];
  readonly store: MockStore;
  /** Answers a request (undefined when it is not for this vendor's base URL). */
  handle(request: Request): Promise<Response | undefined>;
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

function tokenPresent(
  request: Request,
  url: URL,
  body: unknown,
  auth: readonly AuthSchemeMeta[],
): "ok" | "missing" | "malformed" {
  if (auth.length === 0) return "ok";
  let seen = false;
  for (const scheme of auth) {
    if (scheme.type === "apiKey" && scheme.in === "query") {
      const inQuery = url.searchParams.get(scheme.param);
      const inBody =
        scheme.alsoInBody && body && typeof body === "object"
          ? (body as Record<string, unknown>)[scheme.param]
          : undefined;
      if (inQuery || (typeof inBody === "string" && inBody)) return "ok";
      continue;
    }
    const name = scheme.type === "apiKey" ? scheme.param : "Authorization";
    const value = request.headers.get(name);
    if (value === null) continue;
    seen = true;
    const prefix = scheme.type === "apiKey" ? scheme.prefix : "Bearer";
    const pattern = prefix ? new RegExp(`^${prefix} \\S+$`, "i") : /^\S+$/;
    if (pattern.test(value.trim())) return "ok";
  }
  return seen ? "malformed" : "missing";
}

/** The body without a token sent in it (BoardCRM's access_token), so it never lands in a record. */
function withoutCredentials(body: unknown, auth: readonly AuthSchemeMeta[]): unknown {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return body;
  const names = auth.flatMap((s) => (s.type === "apiKey" && s.alsoInBody ? [s.param] : []));
  if (!names.some((n) => n in body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([k]) => !names.includes(k)));
}

/** The credential a request carries in a header (with any scheme word stripped). */
function bearerToken(request: Request, auth: readonly AuthSchemeMeta[]): string | undefined {
  for (const scheme of auth) {
    if (scheme.type === "apiKey" && scheme.in !== "header") continue;
    const value = request.headers.get(scheme.type === "apiKey" ? scheme.param : "Authorization");
    if (value) return value.trim().split(/\s+/).pop();
  }
  return undefined;
}

function validationError(
  spec: MockSpec,
  op: MockOperation,
  validator: CompiledValidator,
  prefix: string,
  preferred: number,
) {
  const fallback = preferred === 422 ? 400 : 422;
  const status = op.statuses.includes(preferred)
    ? preferred
    : op.statuses.includes(fallback)
      ? fallback
      : preferred;
  return errorResponse(errorStyleOf(spec, op), status, {
    message: preferred === 422 ? "Validation failed" : "Invalid parameters",
    details: fieldErrors(validator.errors ?? [], prefix),
  });
}

/** A key that leads to a prototype, refused as the vendor refuses a field it does not allow. */
function forbiddenKeyError(spec: MockSpec, op: MockOperation, key: string): Response {
  return errorResponse(errorStyleOf(spec, op), op.statuses.includes(422) ? 422 : 400, {
    message: "Validation failed",
    details: { [key]: [`The ${key} field is not allowed.`] },
  });
}

/** Builds a vendor mock from its generated spec and validators. */
export function createVendorMock<Ops extends OperationsShape = UntypedOperations>(
  spec: MockSpec,
  validators: Readonly<Record<string, OperationValidators>>,
  options: MockOptions = {},
  behaviours: Partial<MockBehaviours<Ops, keyof Ops>> = {},
): VendorMock<Ops> {
  const baseUrl = (options.baseUrl ?? spec.baseUrl).replace(/\/$/, "");
  // Operations with their own server (an OAuth host) answer there; all others under the base URL.
  const bases = [
    baseUrl,
    ...new Set(spec.operations.flatMap((o) => (o.serverUrl ? [o.serverUrl.replace(/\/$/, "")] : []))),
  ];
  const routes = bases
    .map((base) => ({
      origin: new URL(base).origin,
      path: new URL(base).pathname.replace(/\/$/, ""),
      match: createRouteMatcher(
        spec.operations.filter((o) => (o.serverUrl ? o.serverUrl.replace(/\/$/, "") : baseUrl) === base),
      ),
    }))
    .sort((a, b) => b.path.length - a.path.length);
  const idFields: Record<string, string> = {};
  for (const op of spec.operations) if (op.mock.idField) idFields[op.mock.resource] = op.mock.idField;
  const store = new MockStore(
    options.seed === undefined ? spec.fixtures : seededFixtures(spec.fixtures, options.seed),
    idFields,
  );
  type Resolver = OverrideResolver<Ops[keyof Ops]>;
  const overrides = new Map<string, Resolver>();
  const armed = new Map<string, Armed[]>();
  let requestCounter = 0;

  const takeScenario = (operationId: string): Scenario | undefined => {
    for (const key of [operationId, "*"]) {
      const queue = armed.get(key);
      const next = queue?.[0];
      if (!next) continue;
      next.remaining--;
      if (next.remaining <= 0) queue.shift();
      return next.scenario;
    }
    return undefined;
  };

  const respond = async (op: MockOperation, request: Request, input: OperationInput): Promise<Response> => {
    const resolver =
      overrides.get(op.operationId) ?? (behaviours[op.operationId as keyof Ops] as Resolver | undefined);
    const output: OperationOutput = resolver
      ? await Promise.resolve(
          resolver({
            request,
            params: input.params,
            query: input.query as never,
            body: input.body as never,
            store,
            error: (status, init = {}) => errorResponse(errorStyleOf(spec, op), status, init),
          }),
        ).then((r) => (r instanceof Response ? r : { status: op.successStatus, body: r }))
      : applyOperation(spec, store, op, input, options.now?.() ?? FIXED_NOW);
    if (output instanceof Response) return output;
    if (output.body === undefined || output.status === 204)
      return new Response(null, { status: output.status });
    if (!op.successMediaType.includes("json")) {
      const raw = typeof output.body === "string" ? output.body : JSON.stringify(output.body);
      return new Response(raw, { status: output.status, headers: { "Content-Type": op.successMediaType } });
    }
    return new Response(JSON.stringify(output.body), {
      status: output.status,
      headers: { "Content-Type": "application/json" },
    });
  };

  const handleMatched = async (
    request: Request,
    url: URL,
    op: MockOperation,
    params: Record<string, string>,
  ) => {
    const scenario = takeScenario(op.operationId);
    if (scenario?.kind === "network-error") return Response.error();
    if (scenario?.kind === "latency") await sleep(scenario.ms);
    if (scenario?.kind === "error") return errorResponse(errorStyleOf(spec, op), scenario.status, scenario);

    let query: Record<string, unknown>;
    try {
      query = parseQuery(url, op.arrayParams);
    } catch (error) {
      if (error instanceof ForbiddenKeyError) return forbiddenKeyError(spec, op, error.key);
      throw error;
    }
    const parsed: ParsedBody = op.hasBody ? await parseBody(request) : { ok: true, body: undefined };
    if (!parsed.ok) {
      if (parsed.forbiddenKey !== undefined) return forbiddenKeyError(spec, op, parsed.forbiddenKey);
      return errorResponse(errorStyleOf(spec, op), op.statuses.includes(400) ? 400 : 422, {
        message: parsed.message,
      });
    }
    if (op.secured) {
      const auth = tokenPresent(request, url, parsed.body, spec.auth);
      if (auth !== "ok") {
        return errorResponse(errorStyleOf(spec, op), 401, {
          message:
            auth === "missing"
              ? "Unauthenticated: no access token was sent"
              : "Unauthenticated: the access token is malformed",
        });
      }
    }
    if (op.requiredRole) {
      const token = bearerToken(request, spec.auth);
      const role = (token && options.tokenRoles?.[token]) ?? options.defaultRole ?? "admin";
      if (role !== op.requiredRole) {
        return errorResponse(errorStyleOf(spec, op), 403, {
          message: `This key's user has the ${role} role; this needs ${op.requiredRole}`,
        });
      }
    }
    if (options.validate !== false) {
      const v = validators[op.operationId] ?? {};
      if (v.path && !v.path(params)) return validationError(spec, op, v.path, "", 400);
      if (v.query && !v.query(query)) return validationError(spec, op, v.query, "", 400);
      if (op.hasBody && parsed.body === undefined && op.bodyRequired) {
        return errorResponse(errorStyleOf(spec, op), op.statuses.includes(422) ? 422 : 400, {
          details: { body: ["The request body is required."] },
        });
      }
      if (op.hasBody && parsed.body !== undefined && v.body && !v.body(parsed.body)) {
        return validationError(spec, op, v.body, "", 422);
      }
    }
    return respond(op, request, {
      params,
      query,
      body: withoutCredentials(parsed.body, spec.auth),
      url: request.url,
    });
  };

  const mock: VendorMock<Ops> = {
    spec,
    baseUrl,
    baseUrls: bases,
    store,
    async handle(request) {
      const url = new URL(request.url);
      const route = routes.find((r) => url.origin === r.origin && url.pathname.startsWith(r.path));
      if (!route) return undefined;
      if (options.latencyMs) await sleep(options.latencyMs);
      const found = route.match(request.method, url.pathname.slice(route.path.length) || "/");
      const response = found
        ? await handleMatched(request, url, found.operation, { ...found.params })
        : errorResponse(spec, 404, { message: `No route for ${request.method} ${url.pathname}` });
      if (response.type === "error" || !spec.requestIdHeader) return response;
      const id = request.headers.get(spec.requestIdHeader) ?? `mock-${++requestCounter}`;
      try {
        // A Response made here or by an override has headers that can still change: no copy needed.
        response.headers.set(spec.requestIdHeader, id);
        return response;
      } catch {
        // Its headers are immutable (an override answered with a fetched or redirect Response).
        const headers = new Headers(response.headers);
        headers.set(spec.requestIdHeader, id);
        const { status, statusText } = response;
        return new Response(response.body, { status, statusText, headers });
      }
    },
    fetch(input, init) {
      // The caller's signal is watched here, not linked into the Request: undici links a signal
      // through a WeakRef, whose target V8 keeps until the current run of microtasks is over, and a
      // loop of in-process calls is one such run (100k Requests made with a signal in one peaked at
      // +217 MB on Node 20, without one at +44 MB).
      const signal = init?.signal ?? undefined;
      const request =
        input instanceof Request && init === undefined
          ? input
          : new Request(input, signal ? { ...init, signal: null } : init);
      const answer = async () => {
        (signal ?? request.signal).throwIfAborted();
        const response = await mock.handle(request);
        if (!response)
          throw new TypeError(`fetch failed: ${request.url} is not served by the ${spec.vendor} mock`);
        return response;
      };
      if (!signal) return answer();
      return new Promise<Response>((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener("abort", onAbort, { once: true });
        answer()
          .then(resolve, reject)
          .finally(() => signal.removeEventListener("abort", onAbort));
      });
    },
    override(operationId, resolver) {
      overrides.set(operationId, resolver as Resolver);
    },
    restore(operationId) {
      overrides.delete(operationId);
    },
    scenario(operationId, scenario, times = 1) {
      const queue = armed.get(operationId) ?? [];
      queue.push({ scenario, remaining: times });
      armed.set(operationId, queue);
    },
    reset() {
      store.reset();
      overrides.clear();
      armed.clear();
      requestCounter = 0;
    },
  };
  return mock;
}
