import createClient, { type Client } from "openapi-fetch";
import { canRefresh, planAuth, resolveToken } from "../auth/auth-plan.ts";
import { ApiError, ConnectionError } from "../errors/api-error.ts";
import { isFailureEnvelope } from "../errors/envelope.ts";
import {
  errorFromResponse,
  invalidResponseError,
  type ResponseFacts,
} from "../errors/error-from-response.ts";
import { redactRequest } from "../errors/redact.ts";
import { levelLogger } from "../logging/logger.ts";
import type { ApiMeta, HttpMethodName, OperationMeta } from "../metadata.ts";
import { createPaginate } from "../pagination/paginate.ts";
import { defaultFetch } from "../transport/fetch-like.ts";
import { OutgoingRequest } from "../transport/outgoing-request.ts";
import { RateLimiter } from "../transport/rate-limiter.ts";
import {
  DEFAULT_RETRY,
  type ResolvedRetryOptions,
  type RetryOptions,
  retrySafeByMethod,
} from "../transport/retry-policy.ts";
import { type SendControl, type SendRecord, send } from "../transport/send.ts";
import { type ClientOptions, DEFAULT_TIMEOUT_MS } from "./client-options.ts";
import { routeTable } from "./route-table.ts";
import type { ApiClient, PaginatedShape, PathsShape, RequestControls } from "./types.ts";

type AnyResult = {
  data?: unknown;
  error?: unknown;
  response: Response | undefined;
  requestId: string | undefined;
};
type Init = (RequestControls & Record<string, unknown>) | undefined;
/** The untyped call every typed method funnels into. */
export type CallFn = (method: HttpMethodName, path: string, init: Init) => Promise<AnyResult>;

/** Whether a call brings its own timeout, retry options or signal (most calls bring none). */
function hasControls(init: Init): init is NonNullable<Init> {
  return (
    init !== undefined &&
    (init.timeoutMs !== undefined || init.retry !== undefined || init.signal !== undefined)
  );
}

/**
 * What openapi-fetch gets of a call's init: all of it but the client's own controls. The init itself
 * when it has none of them (the common call allocates no copy); it is never changed.
 */
function withoutControls(init: Init): Record<string, unknown> | undefined {
  if (!hasControls(init)) return init;
  const { timeoutMs: _timeoutMs, retry: _retry, signal: _signal, ...rest } = init;
  return rest;
}

/** openapi-fetch's method names: calling `GET` rather than `request("get")` spares an upper-casing per call. */
const UPPER = { get: "GET", put: "PUT", post: "POST", delete: "DELETE", patch: "PATCH" } as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;
}

/** Ends the path of the request's URL with a slash, for a vendor whose URLs all end in one (Django style). */
function addTrailingSlash(request: OutgoingRequest): void {
  const { url } = request;
  const query = url.indexOf("?");
  const path = query < 0 ? url : url.slice(0, query);
  if (!path.endsWith("/")) request.url = `${path}/${query < 0 ? "" : url.slice(query)}`;
}

/** A baseUrl option that is not a URL fails when the client is made, not as every call's connection error. */
function checkedBaseUrl(baseUrl: string | undefined): string | undefined {
  if (baseUrl !== undefined && !URL.canParse(baseUrl))
    throw new TypeError(`baseUrl is not a URL: ${baseUrl}`);
  return baseUrl;
}

function resolveRetry(
  option: RetryOptions | false | undefined,
  base: ResolvedRetryOptions,
): ResolvedRetryOptions {
  if (option === false) return { ...base, maxRetries: 0 };
  return { ...base, ...option };
}

/**
 * Builds a typed vendor client over openapi-fetch from the generated metadata. Every failure comes
 * back as `{ error: ApiError }` (or throws from `unwrap`/`paginate`); nothing else escapes.
 */
export function createApiClient<Paths extends PathsShape, Code, Pag extends PaginatedShape = PaginatedShape>(
  meta: ApiMeta,
  options: ClientOptions,
): ApiClient<Paths, Code, Pag> {
  const { vendor } = meta;
  const inner: Client<Paths> = createClient<Paths>({
    baseUrl: checkedBaseUrl(options.baseUrl) ?? vendor.baseUrl,
    ...(options.headers ? { headers: options.headers } : {}),
    // openapi-fetch builds each call's URL, headers and body into one of these instead of a Request.
    Request: OutgoingRequest as unknown as typeof Request,
  });
  const routes = routeTable(meta.operations);
  const auth = planAuth(vendor.auth);
  const secrets = { headers: auth.secretHeaders, params: auth.secretParams };
  const redact = (request: OutgoingRequest) => redactRequest(request, secrets);
  const clientRetry = resolveRetry(options.retry, DEFAULT_RETRY);
  const rateLimit = options.rateLimit === false ? undefined : (options.rateLimit ?? vendor.rateLimit);
  const limiter = rateLimit ? new RateLimiter(rateLimit.requests, rateLimit.perSeconds) : undefined;
  const requestIdHeader = vendor.requestIdHeader ?? "X-Request-Id";
  const random = options.random ?? Math.random;
  const log = levelLogger(options.logLevel ?? "warn", options.logger ?? console);
  const debug = options.logLevel === "debug";
  const fetchImpl = options.fetch ?? defaultFetch;
  const clientTimeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controlFor = (retrySafe: boolean): SendControl => ({
    fetch: fetchImpl,
    retrySafe,
    retry: clientRetry,
    timeoutMs: clientTimeoutMs,
    signal: undefined,
    limiter,
    random,
    redact,
    log,
    debug,
  });
  // A call without its own timeout, retry or signal sends with one of these: nothing made per call.
  const retriedControl = controlFor(true);
  const onceControl = controlFor(false);
  const controlOf = (op: OperationMeta | undefined, method: HttpMethodName, init: Init): SendControl => {
    const retrySafe = op?.retrySafe ?? retrySafeByMethod(method);
    const shared = retrySafe ? retriedControl : onceControl;
    if (!hasControls(init)) return shared;
    return {
      ...shared,
      retry: init.retry === undefined ? clientRetry : resolveRetry(init.retry, clientRetry),
      timeoutMs: init.timeoutMs ?? clientTimeoutMs,
      signal: init.signal,
    };
  };
  const factsOf = (response: Response, sent: OutgoingRequest | undefined): ResponseFacts => ({
    status: response.status,
    headers: response.headers,
    requestId: response.headers.get(requestIdHeader) ?? undefined,
    request: sent ? redact(sent) : undefined,
  });

  const attempt: (
    method: HttpMethodName,
    path: string,
    init: Init,
    refreshed: boolean,
  ) => Promise<AnyResult> = async (method, path, init, refreshed) => {
    // The controls are the client's (in `control`); the rest is openapi-fetch's init.
    const rest = withoutControls(init);
    const op = routes[method].get(path);
    const control = controlOf(op, method, init);
    const record: SendRecord = { attempts: 0 };
    let sent: OutgoingRequest | undefined;
    try {
      const source = options.token;
      // A plain string token needs no await (each one is a turn of the microtask queue per call).
      const token =
        typeof source === "string"
          ? source
          : refreshed && canRefresh(source)
            ? await source.refresh()
            : await resolveToken(source);
      const secured = op?.secured !== false;
      // A vendor that reads the token from the body gets it there (and then not in the URL).
      const body = rest?.["body"];
      const bodyField = auth.bodyField;
      const tokenInBody =
        secured &&
        bodyField !== undefined &&
        method !== "get" &&
        rest?.["bodySerializer"] === undefined && // a custom serializer decides the body: the token stays in the URL
        (body === undefined || isPlainObject(body));
      const requestInit = {
        // `method` first and already present (openapi-fetch sets it again): on V8 11 (Node 20) an
        // object spread followed by a new key gets a fresh hidden class on every call, which makes
        // openapi-fetch's `{ ...init, method }` and every property read after it slow.
        method: UPPER[method],
        ...rest,
        ...(tokenInBody ? { body: { ...(body as object | undefined), [bodyField]: token } } : undefined),
        // An operation on its own server (WorkBoard's OAuth host) goes there unless the caller chose a base URL.
        baseUrl:
          op?.baseUrl && options.baseUrl === undefined
            ? op.baseUrl
            : (rest?.["baseUrl"] as string | undefined),
        // A download (`text/*`, a file) is read as its media type says; JSON is openapi-fetch's default.
        parseAs: rest?.["parseAs"] ?? op?.parseAs,
        fetch: (built: Request) => {
          const request = built as unknown as OutgoingRequest;
          if (vendor.trailingSlash) addTrailingSlash(request);
          // Operations that take no credential (security: []) never see the token. The credential
          // and the request id go onto the headers openapi-fetch merged from the caller's: ours win
          // over the caller's credential, the caller's request id wins over a fresh one.
          if (secured && !tokenInBody) auth.apply(request, token);
          if (vendor.requestIdHeader && !request.headers.has(vendor.requestIdHeader))
            request.headers.set(vendor.requestIdHeader, crypto.randomUUID());
          sent = request;
          return send(request, control, record);
        },
      };
      const openapiCall = inner[UPPER[method]] as (path: string, init: unknown) => Promise<unknown>;
      const result = (await openapiCall(path, requestInit)) as {
        data?: unknown;
        error?: unknown;
        response: Response;
      };
      const { response } = result;
      const requestId = response.headers.get(requestIdHeader) ?? undefined;
      if (response.status === 401 && !refreshed && canRefresh(options.token))
        return attempt(method, path, init, true);
      if (!response.ok) {
        return {
          error: errorFromResponse(factsOf(response, sent), result.error ?? "", vendor.envelope),
          response,
          requestId,
        };
      }
      if (isFailureEnvelope(result.data, vendor.envelope)) {
        return {
          error: errorFromResponse(factsOf(response, sent), result.data, vendor.envelope),
          response,
          requestId,
        };
      }
      return { data: result.data, response, requestId };
    } catch (cause) {
      const response = record.response;
      const requestId = response?.headers.get(requestIdHeader) ?? undefined;
      if (cause instanceof ApiError) return { error: cause, response, requestId };
      const error = response
        ? invalidResponseError(factsOf(response, sent), cause)
        : new ConnectionError({
            message: `Request failed before a response arrived: ${cause instanceof Error ? cause.message : String(cause)}`,
            request: sent ? redact(sent) : undefined,
            cause,
          });
      return { error, response, requestId };
    }
  };

  const call: CallFn = (method, path, init) => attempt(method, path, init, false);
  const method = (name: HttpMethodName) => (path: string, init?: Init) => call(name, path, init);
  return {
    GET: method("get"),
    POST: method("post"),
    PUT: method("put"),
    PATCH: method("patch"),
    DELETE: method("delete"),
    paginate: createPaginate(call, meta.operations),
  } as unknown as ApiClient<Paths, Code, Pag>;
}
