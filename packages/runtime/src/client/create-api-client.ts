import createClient, { type Client } from "openapi-fetch";
import { canRefresh, planAuth, type TokenSource } from "../auth/auth-plan.ts";
import {
  AbortedError,
  ApiError,
  ConnectionError,
  InvalidResponseError,
  TimeoutError,
} from "../errors/api-error.ts";
import { isFailureEnvelope } from "../errors/envelope.ts";
import { errorFromResponse, invalidResponseError } from "../errors/error-from-response.ts";
import { type RedactedRequest, redactRequest } from "../errors/redact.ts";
import { levelLogger } from "../logging/logger.ts";
import type { ApiMeta, HttpMethodName, OperationMeta } from "../metadata.ts";
import { createPaginate } from "../pagination/paginate.ts";
import { type Scrub, scrubberFor, scrubError } from "../secrets/scrub.ts";
import { Deadline } from "../transport/deadline.ts";
import { defaultFetch, type FetchLike } from "../transport/fetch-like.ts";
import { RateLimiter, type ReleaseSlot } from "../transport/rate-limiter.ts";
import { fetchFollowingRedirects } from "../transport/redirects.ts";
import {
  backoffDelay,
  DEFAULT_RETRY,
  isRetryableStatus,
  type ResolvedRetryOptions,
  retryDelay,
  retrySafeByMethod,
} from "../transport/retry-policy.ts";
import { sleep } from "../transport/sleep.ts";
import { responseCheck } from "../validation/check-response.ts";
import type { ResponseValidatorsLoader, ValidateResponses } from "../validation/divergence.ts";
import { type ClientOptions, DEFAULT_TIMEOUT_MS } from "./client-options.ts";
import { routeTable } from "./route-table.ts";
import type { AnyResult, ApiClient, CallInit as Init, PaginatedShape, PathsShape } from "./types.ts";
import {
  checkBaseUrl,
  checkFunction,
  checkHeaders,
  checkLogLevel,
  checkRateLimit,
  checkRetry,
  checkSignal,
  checkTimeout,
  checkToken,
  checkValidateResponses,
  tokenProblem,
} from "./validate-options.ts";

/** What openapi-fetch returns for one request. */
type FetchResult = { data?: unknown; error?: unknown; response: Response };

/** One call's own settings: the client's, overridden by what the call passed (checked here). */
interface CallSettings {
  readonly timeoutMs: number | undefined;
  readonly retry: ResolvedRetryOptions;
  readonly signal: AbortSignal | undefined;
  readonly fetch: FetchLike;
  readonly validation: ValidateResponses;
  /** The rest of the call's init: openapi-fetch's options (params, body, headers, parseAs, …). */
  readonly rest: Record<string, unknown>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;
}

/** The request with its URL's path ending in `/`, for a vendor whose URLs all end in one (Django style). */
function withTrailingSlash(request: Request): Request {
  const url = new URL(request.url);
  if (url.pathname.endsWith("/")) return request;
  url.pathname = `${url.pathname}/`;
  return new Request(url, request);
}

/** The message of a failure that came before any response, with its cause's own cause when it has one. */
function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : "";
    return `${cause.message}${inner}`;
  }
  return String(cause);
}

/**
 * Builds a typed vendor client over openapi-fetch from the generated metadata. Every failure comes
 * back as `{ error: ApiError }` (or throws from `unwrap`/`paginate`); a call's own options that are
 * not valid reject with a `TypeError` naming them, as the client's options do when it is made.
 *
 * One call is one pass down `call` below, in this order: the token (auth) → the request id → per
 * attempt: the rate limiter → the attempt's deadline (timeout and the caller's signal, covering the
 * body too) → openapi-fetch builds the `Request` → credential and request id on it → sent, redirects
 * followed by the client's policy → openapi-fetch reads the body → retry, or the result or typed error.
 */
export function createApiClient<Paths extends PathsShape, Code, Pag extends PaginatedShape = PaginatedShape>(
  meta: ApiMeta,
  options: ClientOptions,
  /** The vendor's response validators, loaded when `validateResponses` first asks for them. */
  validators?: ResponseValidatorsLoader,
): ApiClient<Paths, Code, Pag> {
  const { vendor } = meta;
  // Every option is checked now: a mistake fails here, naming the option, not on the first call.
  const tokenSource: TokenSource = checkToken(options.token);
  const baseUrl = checkBaseUrl(options.baseUrl);
  checkHeaders("headers", options.headers);
  checkFunction("fetch", options.fetch);
  checkFunction("random", options.random);
  const clientTimeoutMs =
    options.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : checkTimeout("timeoutMs", options.timeoutMs);
  const clientRetry = checkRetry("retry", options.retry, DEFAULT_RETRY);
  const rateLimit = checkRateLimit(options.rateLimit) ?? vendor.rateLimit;
  const logLevel = checkLogLevel(options.logLevel) ?? "warn";
  const check = validators ? responseCheck(validators) : undefined;
  const validationOf = (value: unknown, base: ValidateResponses): ValidateResponses => {
    const mode = checkValidateResponses(value) ?? base;
    if (mode !== "off" && !check)
      throw new TypeError("validateResponses needs the vendor's validators: use the vendor package's client");
    return mode;
  };
  const clientValidation = validationOf(options.validateResponses, "off");
  if (options.middleware !== undefined && !Array.isArray(options.middleware))
    throw new TypeError("middleware must be an array of openapi-fetch middleware");

  const inner: Client<Paths> = createClient<Paths>({
    baseUrl: baseUrl ?? vendor.baseUrl,
    ...(options.headers ? { headers: options.headers } : {}),
  });
  if (options.middleware?.length) inner.use(...options.middleware);
  const routes = routeTable(meta.operations);
  const auth = planAuth(vendor.auth);
  const limiter = rateLimit ? new RateLimiter(rateLimit.requests, rateLimit.perSeconds) : undefined;
  const requestIdHeader = vendor.requestIdHeader ?? "X-Request-Id";
  const random = options.random ?? Math.random;
  const log = levelLogger(logLevel, options.logger ?? console);
  const clientFetch = options.fetch ?? defaultFetch;
  // Per-attempt log lines are built only when they are wanted.
  const debug = logLevel === "debug";
  const redact = (request: Request): RedactedRequest =>
    redactRequest(request, { headers: auth.secretHeaders, params: auth.secretParams });

  /** The call's own timeout, retry, signal and fetch over the client's; the rest is openapi-fetch's. */
  function settingsOf(init: Init): CallSettings {
    const { timeoutMs, retry, signal, fetch, validateResponses, ...rest } = init ?? {};
    checkSignal("signal", signal);
    checkFunction("fetch", fetch);
    checkHeaders("headers", rest["headers"]);
    return {
      timeoutMs: timeoutMs === undefined ? clientTimeoutMs : checkTimeout("timeoutMs", timeoutMs),
      retry: checkRetry("retry", retry, clientRetry),
      signal,
      fetch: (fetch as FetchLike | undefined) ?? clientFetch,
      validation: validationOf(validateResponses, clientValidation),
      rest,
    };
  }

  /** The error handed out: how many attempts it took, and none of the call's secrets anywhere in it. */
  function finish(error: ApiError, attempts: number, scrub: Scrub): ApiError {
    if (error.attempts === undefined && attempts > 0)
      Object.defineProperty(error, "attempts", { value: attempts, enumerable: true });
    if (attempts > 1) error.message = `${error.message} (after ${attempts} attempts)`;
    if (typeof error.stack === "string")
      error.stack = error.stack.replace(/^.*$/m, `${error.name}: ${error.message}`);
    return scrubError(error, scrub);
  }

  const call = async (
    method: HttpMethodName,
    path: string,
    init: Init,
    refreshed = false,
  ): Promise<AnyResult> => {
    const op: OperationMeta | undefined = routes[method].get(path);
    const settings = settingsOf(init);
    const { signal } = settings;
    const secured = op?.secured !== false;
    const retrySafe =
      (op?.retrySafe ?? retrySafeByMethod(method)) && !(settings.rest["body"] instanceof ReadableStream);
    const failure = (error: ApiError, response?: Response): AnyResult => ({
      error,
      response,
      requestId: response?.headers.get(requestIdHeader) ?? undefined,
    });

    // Auth: the current token (a function is asked once per call; after a 401, refreshed once).
    let token: string;
    try {
      token =
        typeof tokenSource === "string"
          ? tokenSource
          : refreshed && canRefresh(tokenSource)
            ? await tokenSource.refresh()
            : await tokenSource();
    } catch (cause) {
      return failure(new ApiError({ message: `The token function failed: ${describe(cause)}`, cause }));
    }
    const scrub = scrubberFor([token]);
    const problem = tokenProblem(token);
    if (problem) return failure(new ApiError({ message: `Nothing was sent: ${problem}` }));
    const logLine = (text: string) => scrub(text);

    // A vendor that reads the token from the body (BoardCRM) gets it in every object body, else in the URL.
    const body = settings.rest["body"];
    const bodyField = auth.bodyField;
    const credentialInBody =
      secured &&
      bodyField !== undefined &&
      method !== "get" &&
      settings.rest["bodySerializer"] === undefined && // a custom serializer decides the body
      (body === undefined || isPlainObject(body));
    const openapiInit: Record<string, unknown> = {
      ...settings.rest,
      ...(credentialInBody ? { body: { ...(body as object | undefined), [bodyField]: token } } : {}),
      // An operation on its own server (WorkBoard's OAuth host) goes there unless the caller chose a base URL.
      ...(op?.baseUrl && baseUrl === undefined && settings.rest["baseUrl"] === undefined
        ? { baseUrl: op.baseUrl }
        : {}),
      // A download (`text/*`, a file) is read as its media type says; JSON is openapi-fetch's default.
      parseAs: settings.rest["parseAs"] ?? op?.parseAs ?? "json",
      redirect: "manual",
    };
    const credentials = {
      headers: secured && !credentialInBody ? auth.secretHeaders : [],
      params: secured && !credentialInBody ? auth.secretParams : [],
      inBody: credentialInBody,
    };

    // The request id: one per call, the same on every attempt; a caller's own wins.
    const requestId = crypto.randomUUID();
    /** The request as it leaves: URL shape, credential and request id on openapi-fetch's Request. */
    const prepare = (built: Request): Request => {
      let request = vendor.trailingSlash ? withTrailingSlash(built) : built;
      if (secured && !credentialInBody) request = auth.apply(request, token);
      if (vendor.requestIdHeader && !request.headers.has(vendor.requestIdHeader))
        request.headers.set(vendor.requestIdHeader, requestId);
      return request;
    };

    for (let attempt = 1; ; attempt++) {
      const canRetry = retrySafe && attempt <= settings.retry.maxRetries;

      // Rate limit: a slot held until this attempt ends.
      let release: ReleaseSlot = () => undefined;
      if (limiter) {
        try {
          release = await limiter.hold(signal);
        } catch (cause) {
          return failure(
            finish(new AbortedError({ message: "Request aborted by the caller", cause }), attempt - 1, scrub),
          );
        }
      }

      // The attempt's deadline: its timeout and the caller's signal, over sending and reading alike.
      const deadline = new Deadline(settings.timeoutMs, signal);
      let sent: Request | undefined;
      let received: Response | undefined;
      let result: FetchResult | undefined;
      let thrown: unknown;
      const started = debug ? Date.now() : 0;
      try {
        result = (await deadline.cover(
          inner.request(
            method,
            path as never,
            {
              ...openapiInit,
              signal: deadline.signal,
              // openapi-fetch hands over the Request it built; the client sends it by its own rules.
              fetch: async (built: Request) => {
                received = await fetchFollowingRedirects(
                  prepare(built),
                  settings.fetch,
                  credentials,
                  (request) => {
                    sent = request;
                    if (debug) log.debug(logLine(`${line(redact(request))} (attempt ${attempt})`));
                  },
                );
                return received;
              },
            } as never,
          ),
        )) as FetchResult;
      } catch (cause) {
        thrown = cause;
      } finally {
        deadline.end();
        release();
      }
      // The request as errors and log lines show it: redacted, and made only when one is wanted.
      const who =
        (result === undefined || !result.response.ok || debug || canRetry) && sent ? redact(sent) : undefined;
      const abortedByCaller = (received: Response | undefined, cause?: unknown) =>
        failure(
          finish(
            new AbortedError({ message: "Request aborted by the caller", request: who, cause }),
            attempt,
            scrub,
          ),
          received,
        );

      // Retry, or the result.
      let error: ApiError;
      let response = result?.response ?? received;
      if (result === undefined) {
        if (thrown instanceof ApiError) return failure(finish(thrown, attempt, scrub), received);
        if (signal?.aborted) return abortedByCaller(received, thrown);
        if (deadline.timedOut)
          error = new TimeoutError({
            message: `Request timed out after ${settings.timeoutMs} ms`,
            request: who,
            cause: thrown,
          });
        else if (received?.ok)
          // a success whose body is not JSON, or broke off
          error = invalidResponseError(
            {
              status: received.status,
              headers: received.headers,
              requestId: received.headers.get(requestIdHeader) ?? undefined,
              request: who,
            },
            thrown,
          );
        else
          error = new ConnectionError({
            message: `${received ? "Connection failed while reading the response" : "Request failed before a response arrived"}: ${describe(thrown)}`,
            request: who,
            cause: thrown,
          });
        if (!canRetry || error instanceof InvalidResponseError)
          return failure(finish(error, attempt, scrub), received);
        const delay = backoffDelay(attempt - 1, settings.retry, random);
        log.warn(
          logLine(
            `${who ? line(who) : `${method.toUpperCase()} ${path}`}: ${error.message}; retrying in ${delay} ms`,
          ),
        );
        if (!(await pause(delay, signal))) return abortedByCaller(received);
        continue;
      }

      response = result.response;
      if (debug)
        log.debug(logLine(`${who ? line(who) : path} → ${response.status} in ${Date.now() - started} ms`));
      if (canRetry && isRetryableStatus(response.status)) {
        const delay = retryDelay(attempt - 1, response.headers, settings.retry, random);
        if (delay !== undefined) {
          log.warn(logLine(`${who ? line(who) : path}: HTTP ${response.status}; retrying in ${delay} ms`));
          if (!(await pause(delay, signal))) return abortedByCaller(response);
          continue;
        }
      }
      if (response.status === 401 && !refreshed && canRefresh(tokenSource))
        return call(method, path, init, true);

      const facts = {
        status: response.status,
        headers: response.headers,
        requestId: response.headers.get(requestIdHeader) ?? undefined,
        request: who,
        attempts: attempt,
      };
      if (!response.ok) error = errorFromResponse(facts, result.error ?? "", vendor.envelope);
      else if (isFailureEnvelope(result.data, vendor.envelope))
        error = errorFromResponse(facts, result.data, vendor.envelope);
      else if (result.data === undefined && declaresBody(op, response.status, openapiInit["parseAs"]))
        error = new InvalidResponseError({
          message: `HTTP ${response.status} with an empty body where the operation declares JSON`,
          status: response.status,
          requestId: facts.requestId,
          request: who,
          headers: response.headers,
          attempts: attempt,
        });
      else {
        // Opt-in: the body against the spec's schema for this status (see validation/check-response.ts).
        const invalid =
          check && settings.validation !== "off" && openapiInit["parseAs"] === "json"
            ? await check(settings.validation, method, path, result.data, facts, log, logLine)
            : undefined;
        if (!invalid) return { data: result.data, response, requestId: facts.requestId };
        error = invalid;
      }
      return failure(finish(error, attempt, scrub), response);
    }
  };

  const method = (name: HttpMethodName) => (path: string, init?: Init) => call(name, path, init);
  return {
    GET: method("get"),
    POST: method("post"),
    PUT: method("put"),
    PATCH: method("patch"),
    DELETE: method("delete"),
    paginate: createPaginate((m, p, i) => call(m, p, i), meta.operations),
  } as unknown as ApiClient<Paths, Code, Pag>;
}

/**
 * Whether an empty success body is a broken response: the operation reads JSON and its spec does not
 * declare this status without content. 204 is never broken.
 */
function declaresBody(op: OperationMeta | undefined, status: number, parseAs: unknown): boolean {
  if (status === 204 || parseAs !== "json") return false;
  return !(op?.emptyStatuses?.includes(status) ?? false);
}

/** `GET https://…/path` of a redacted request: made only for a log line. */
function line({ method, url }: RedactedRequest): string {
  return `${method} ${url}`;
}

/** Waits `ms` before the next attempt; `false` when the caller aborted meanwhile. */
async function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  try {
    await sleep(ms, signal);
    return true;
  } catch {
    return false;
  }
}
