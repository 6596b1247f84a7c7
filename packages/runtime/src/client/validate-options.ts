import type { TokenSource } from "../auth/auth-plan.ts";
import type { LogLevel } from "../logging/logger.ts";
import type { RateLimitMeta } from "../metadata.ts";
import type { ResolvedRetryOptions, RetryOptions } from "../transport/retry-policy.ts";
import type { ValidateResponses } from "../validation/divergence.ts";

/** The longest delay `setTimeout` keeps: a longer one fires after 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error", "off"];
/** Characters that would split or end a header line: a token or header value holding one is refused. */
const LINE_BREAKING = /[\r\n\0]/;

function describe(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/**
 * A timeout option in ms: `undefined` when there is none (`false` or `Infinity`). Anything else but
 * a whole or fractional number from 1 to 2 147 483 647 is refused.
 */
export function checkTimeout(name: string, value: unknown): number | undefined {
  if (value === false || value === Number.POSITIVE_INFINITY) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 1 || value > MAX_TIMER_MS)
    throw new TypeError(
      `${name} must be a number of milliseconds from 1 to ${MAX_TIMER_MS}, or false (or Infinity) for no timeout; got ${describe(value)}`,
    );
  return value;
}

function checkCount(name: string, value: unknown, min: number): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min)
    throw new TypeError(`${name} must be a whole number from ${min} up; got ${describe(value)}`);
}

function checkDelay(name: string, value: unknown): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > MAX_TIMER_MS)
    throw new TypeError(
      `${name} must be a number of milliseconds from 0 to ${MAX_TIMER_MS}; got ${describe(value)}`,
    );
}

/** Retry settings over `base`: `false` is no retry; every number given is checked. */
export function checkRetry(name: string, value: unknown, base: ResolvedRetryOptions): ResolvedRetryOptions {
  if (value === undefined) return base;
  if (value === false) return { ...base, maxRetries: 0 };
  if (value === null || typeof value !== "object")
    throw new TypeError(`${name} must be an object of retry settings or false; got ${describe(value)}`);
  const retry = value as RetryOptions;
  if (retry.maxRetries !== undefined) checkCount(`${name}.maxRetries`, retry.maxRetries, 0);
  if (retry.baseDelayMs !== undefined) checkDelay(`${name}.baseDelayMs`, retry.baseDelayMs);
  if (retry.maxDelayMs !== undefined) checkDelay(`${name}.maxDelayMs`, retry.maxDelayMs);
  if (retry.maxRetryAfterMs !== undefined) checkDelay(`${name}.maxRetryAfterMs`, retry.maxRetryAfterMs);
  return { ...base, ...retry };
}

export function checkRateLimit(value: unknown): RateLimitMeta | false | undefined {
  if (value === undefined || value === false) return value;
  const limit = value as Partial<RateLimitMeta> | null;
  const ok =
    limit !== null &&
    typeof limit === "object" &&
    typeof limit.requests === "number" &&
    Number.isInteger(limit.requests) &&
    limit.requests >= 1 &&
    typeof limit.perSeconds === "number" &&
    Number.isFinite(limit.perSeconds) &&
    limit.perSeconds > 0;
  if (!ok)
    throw new TypeError(
      "rateLimit must be false or { requests, perSeconds } with a whole number of requests from 1 and perSeconds above 0",
    );
  return limit as RateLimitMeta;
}

/**
 * A token must be a string without CR, LF or NUL (an empty one is sent as it is, and the vendor
 * refuses it). The message never quotes it.
 */
export function tokenProblem(token: unknown): string | undefined {
  if (typeof token !== "string") return "the token must be a string or a function returning one";
  if (LINE_BREAKING.test(token)) return "the token contains a CR, LF or NUL character, so it was not sent";
  return undefined;
}

export function checkToken(token: unknown): TokenSource {
  if (typeof token === "function") return token as TokenSource;
  const problem = tokenProblem(token);
  if (problem) throw new TypeError(`token: ${problem}`);
  return token as string;
}

/** Header values as plain strings without CR, LF or NUL; the message names the header, never its value. */
export function checkHeaders(name: string, headers: unknown): void {
  if (headers === undefined || headers === null || headers instanceof Headers || Array.isArray(headers))
    return;
  if (typeof headers !== "object") throw new TypeError(`${name} must be an object of header names to values`);
  for (const [header, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean")
      throw new TypeError(`${name}["${header}"] must be a string`);
    if (LINE_BREAKING.test(String(value)))
      throw new TypeError(`${name}["${header}"] contains a CR, LF or NUL character`);
  }
}

export function checkFunction(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== "function")
    throw new TypeError(`${name} must be a function; got ${describe(value)}`);
}

export function checkSignal(name: string, value: unknown): void {
  if (value !== undefined && !(value instanceof AbortSignal))
    throw new TypeError(`${name} must be an AbortSignal`);
}

/** An option that takes one of a few words: `undefined` when not given. */
function checkOneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value !== undefined && !allowed.includes(value as T))
    throw new TypeError(`${name} must be one of ${allowed.join(", ")}; got ${describe(value)}`);
  return value as T | undefined;
}

export function checkLogLevel(value: unknown): LogLevel | undefined {
  return checkOneOf("logLevel", value, LOG_LEVELS);
}

/** A baseUrl option that is not a URL fails when the client is made, not as every call's connection error. */
export function checkBaseUrl(baseUrl: unknown): string | undefined {
  if (baseUrl === undefined) return undefined;
  if (typeof baseUrl !== "string" || !URL.canParse(baseUrl))
    throw new TypeError(`baseUrl is not a URL: ${String(baseUrl)}`);
  return baseUrl;
}

const VALIDATE_MODES: readonly ValidateResponses[] = ["off", "warn", "error"];

/**
 * `validateResponses`: one of its three modes (`undefined` when not given); a mode other than "off"
 * needs the vendor's validators, which only the vendor package's client has.
 */
export function checkValidateResponses(value: unknown, validators: unknown): ValidateResponses | undefined {
  const mode = checkOneOf("validateResponses", value, VALIDATE_MODES);
  if (mode !== undefined && mode !== "off" && !validators)
    throw new TypeError("validateResponses needs the vendor's validators: use the vendor package's client");
  return mode;
}
