import createClient, { type Client } from "openapi-fetch";
import { type AuthPlan, planAuth, type TokenSource } from "../auth/auth-plan.ts";
import { failureEnvelopeCheck } from "../errors/failure-envelope.ts";
import { type RedactedRequest, redactRequest } from "../errors/redact.ts";
import { type Logger, levelLogger } from "../logging/logger.ts";
import type { ApiMeta, VendorMeta } from "../metadata.ts";
import { defaultFetch } from "../transport/fetch-like.ts";
import { RateLimiter } from "../transport/rate-limiter.ts";
import { DEFAULT_RETRY } from "../transport/retry-policy.ts";
import type { ResponseValidatorsLoader } from "../validation/divergence.ts";
import type { CallDefaults } from "./call-settings.ts";
import { type ClientOptions, DEFAULT_TIMEOUT_MS } from "./client-options.ts";
import type { ReviewResponse } from "./review-response.ts";
import { type RouteTable, routeTable } from "./route-table.ts";
import type { PathsShape } from "./types.ts";
import {
  checkBaseUrl,
  checkFunction,
  checkHeaders,
  checkLogLevel,
  checkRateLimit,
  checkRetry,
  checkTimeout,
  checkToken,
  checkValidateResponses,
} from "./validate-options.ts";

/** What every call of one client shares: its checked options and what was built from the metadata. */
export interface ClientContext {
  readonly vendor: VendorMeta;
  /** Whether a parsed 2xx body is the vendor's failure envelope. */
  readonly isFailureEnvelope: (body: unknown) => boolean;
  /** openapi-fetch's client: it builds each `Request` and reads each body. */
  readonly inner: Client<PathsShape>;
  readonly routes: RouteTable;
  readonly auth: AuthPlan;
  readonly token: TokenSource;
  /** The caller's own base URL, which wins over an operation's own server. */
  readonly baseUrl: string | undefined;
  readonly limiter: RateLimiter | undefined;
  /** The response header whose value a result's and an error's `requestId` holds. */
  readonly responseIdHeader: string;
  readonly random: () => number;
  readonly log: Logger;
  /** Whether every attempt is logged (its log line is built only then). */
  readonly debug: boolean;
  readonly defaults: CallDefaults;
  /** The request as errors and log lines show it, without the vendor's credential. */
  readonly redact: (request: Request) => RedactedRequest;
  /** Checks success bodies against the spec, when the vendor package gave its validators. */
  readonly review: ReviewResponse | undefined;
}

/**
 * Checks every option (a mistake fails here, naming the option, not on the first call) and builds the
 * context. `validators` loads the vendor's response validators (`validateResponses`).
 */
export function clientContext(
  meta: ApiMeta,
  options: ClientOptions,
  validators: ResponseValidatorsLoader | undefined,
): ClientContext {
  const { vendor } = meta;
  const token = checkToken(options.token);
  const baseUrl = checkBaseUrl(options.baseUrl);
  checkHeaders("headers", options.headers);
  checkFunction("fetch", options.fetch);
  checkFunction("random", options.random);
  const timeoutMs =
    options.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : checkTimeout("timeoutMs", options.timeoutMs);
  const retry = checkRetry("retry", options.retry, DEFAULT_RETRY);
  const rateLimit = checkRateLimit(options.rateLimit) ?? vendor.rateLimit;
  const logLevel = checkLogLevel(options.logLevel) ?? "warn";
  const validateResponses = checkValidateResponses(options.validateResponses, validators) ?? "off";
  if (options.middleware !== undefined && !Array.isArray(options.middleware))
    throw new TypeError("middleware must be an array of openapi-fetch middleware");

  const inner = createClient<PathsShape>({
    baseUrl: baseUrl ?? vendor.baseUrl,
    ...(options.headers ? { headers: options.headers } : {}),
  });
  if (options.middleware?.length) inner.use(...options.middleware);
  const auth = planAuth(vendor.auth);
  return {
    vendor,
    isFailureEnvelope: failureEnvelopeCheck(vendor.envelope),
    inner,
    routes: routeTable(meta.operations),
    auth,
    token,
    baseUrl,
    limiter: rateLimit ? new RateLimiter(rateLimit.requests, rateLimit.perSeconds) : undefined,
    responseIdHeader: vendor.requestIdHeader ?? "X-Request-Id",
    random: options.random ?? Math.random,
    log: levelLogger(logLevel, options.logger ?? console),
    debug: logLevel === "debug",
    defaults: { timeoutMs, retry, fetch: options.fetch ?? defaultFetch, validateResponses, validators },
    redact: (request) => redactRequest(request, { headers: auth.secretHeaders, params: auth.secretParams }),
    // The review and the validators are imported on the first call that asks for them.
    review:
      validators &&
      (async (...args) => (await import("./review-response.ts")).reviewResponse(validators, ...args)),
  };
}
