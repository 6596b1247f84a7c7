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
import { RateLimiter } from "../transport/rate-limiter.ts";
import { DEFAULT_RETRY, type ResolvedRetryOptions, type RetryOptions } from "../transport/retry-policy.ts";
import { type SendRecord, send } from "../transport/send.ts";
import { type ClientOptions, DEFAULT_TIMEOUT_MS } from "./client-options.ts";
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;
}

function withTrailingSlash(request: Request): Request {
  const url = new URL(request.url);
  if (url.pathname.endsWith("/")) return request;
  url.pathname = `${url.pathname}/`;
  return new Request(url, request);
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
    baseUrl: options.baseUrl ?? vendor.baseUrl,
    ...(options.headers ? { headers: options.headers } : {}),
  });
  const byRoute = new Map<string, OperationMeta>(
    meta.operations.map((op) => [`${op.method} ${op.path}`, op]),
  );
  const auth = planAuth(vendor.auth);
  const secrets = { headers: auth.secretHeaders, params: auth.secretParams };
  const redact = (request: Request) => redactRequest(request, secrets);
  const clientRetry = resolveRetry(options.retry, DEFAULT_RETRY);
  const rateLimit = options.rateLimit === false ? undefined : (options.rateLimit ?? vendor.rateLimit);
  const limiter = rateLimit ? new RateLimiter(rateLimit.requests, rateLimit.perSeconds) : undefined;
  const requestIdHeader = vendor.requestIdHeader ?? "X-Request-Id";
  const random = options.random ?? Math.random;
  const log = levelLogger(options.logLevel ?? "warn", options.logger ?? console);
  const debug = options.logLevel === "debug";
  const fetchImpl = options.fetch ?? defaultFetch;

  const attempt: (
    method: HttpMethodName,
    path: string,
    init: Init,
    refreshed: boolean,
  ) => Promise<AnyResult> = async (method, path, init, refreshed) => {
    const { timeoutMs, retry, signal, ...rest } = init ?? {};
    const op = byRoute.get(`${method} ${path}`);
    const record: SendRecord = { attempts: 0 };
    let sent: Request | undefined;
    const facts = (response: Response): ResponseFacts => ({
      status: response.status,
      headers: response.headers,
      requestId: response.headers.get(requestIdHeader) ?? undefined,
      request: sent ? redact(sent) : undefined,
    });
    try {
      const source = options.token;
      // A plain string token needs no await (each one is a turn of the microtask queue per call).
      const token =
        typeof source === "string"
          ? source
          : refreshed && canRefresh(source)
            ? await source.refresh()
            : await resolveToken(source);
      // Headers go in through openapi-fetch's own merge: one Request per call, not one per header.
      const secured = op?.secured !== false;
      const extra: Record<string, string> = {};
      if (secured && auth.header) {
        const [name, value] = auth.header(token);
        extra[name] = value;
      }
      // Only caller headers need a Headers object (a case-insensitive look-up, then the merge).
      const callerHeaders = rest["headers"] == null ? undefined : new Headers(rest["headers"] as HeadersInit);
      if (vendor.requestIdHeader && !callerHeaders?.has(vendor.requestIdHeader)) {
        extra[vendor.requestIdHeader] = crypto.randomUUID();
      }
      const headers = callerHeaders ? { ...Object.fromEntries(callerHeaders), ...extra } : extra;
      // A vendor that reads the token from the body gets it there (and then not in the URL).
      const body = rest["body"];
      const tokenInBody =
        secured &&
        auth.bodyField !== undefined &&
        method !== "get" &&
        rest["bodySerializer"] === undefined && // a custom serializer decides the body: the token stays in the URL
        (body === undefined || isPlainObject(body));
      if (tokenInBody && auth.bodyField)
        rest["body"] = { ...(body as object | undefined), [auth.bodyField]: token };
      const result = (await inner.request(
        method,
        path as never,
        {
          // `method` first and already present (openapi-fetch sets it again): on V8 11 (Node 20) an
          // object spread followed by a new key gets a fresh hidden class on every call, which makes
          // openapi-fetch's `{ ...init, method }` and every property read after it slow.
          method,
          ...rest,
          headers,
          // An operation on its own server (WorkBoard's OAuth host) goes there unless the caller chose a base URL.
          ...(op?.baseUrl && options.baseUrl === undefined ? { baseUrl: op.baseUrl } : {}),
          fetch: (request: Request) => {
            const target = vendor.trailingSlash ? withTrailingSlash(request) : request;
            // Operations that take no credential (security: []) never see the token.
            const prepared = !secured || auth.header || tokenInBody ? target : auth.apply(target, token);
            sent = prepared;
            return send(
              prepared,
              {
                fetch: fetchImpl,
                retrySafe: op?.retrySafe ?? (method !== "post" && method !== "patch"),
                retry: retry === undefined ? clientRetry : resolveRetry(retry, clientRetry),
                timeoutMs: timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
                signal,
                limiter,
                random,
                redact,
                log,
                debug,
              },
              record,
            );
          },
        } as never,
      )) as { data?: unknown; error?: unknown; response: Response };
      const { response } = result;
      const requestId = response.headers.get(requestIdHeader) ?? undefined;
      if (response.status === 401 && !refreshed && canRefresh(options.token))
        return attempt(method, path, init, true);
      if (!response.ok) {
        return {
          error: errorFromResponse(facts(response), result.error ?? "", vendor.envelope),
          response,
          requestId,
        };
      }
      if (isFailureEnvelope(result.data, vendor.envelope)) {
        return {
          error: errorFromResponse(facts(response), result.data, vendor.envelope),
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
        ? invalidResponseError(facts(response), cause)
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
    paginate: createPaginate(call, byRoute),
  } as unknown as ApiClient<Paths, Code, Pag>;
}
