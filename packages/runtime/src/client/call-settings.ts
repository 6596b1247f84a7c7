import type { FetchLike } from "../transport/fetch-like.ts";
import type { ResolvedRetryOptions } from "../transport/retry-policy.ts";
import type { ResponseValidatorsLoader, ValidateResponses } from "../validation/divergence.ts";
import type { CallInit } from "./types.ts";
import {
  checkFunction,
  checkHeaders,
  checkRetry,
  checkSignal,
  checkTimeout,
  checkValidateResponses,
} from "./validate-options.ts";

/** The client's own settings that a call may override. */
export interface CallDefaults {
  readonly timeoutMs: number | undefined;
  readonly retry: ResolvedRetryOptions;
  readonly fetch: FetchLike;
  readonly validateResponses: ValidateResponses;
  /** The vendor's response validators, when its package gave them (a mode other than "off" needs them). */
  readonly validators: ResponseValidatorsLoader | undefined;
}

/** One call's own settings: the client's, overridden by what the call passed. */
export interface CallSettings extends Omit<CallDefaults, "validators"> {
  readonly signal: AbortSignal | undefined;
  /** The rest of the call's init: openapi-fetch's options (params, body, headers, parseAs, …). */
  readonly rest: Record<string, unknown>;
}

/** The call's timeout, retry, signal and fetch over the client's, each checked (a `TypeError` names it). */
export function callSettings(defaults: CallDefaults, init: CallInit): CallSettings {
  const { timeoutMs, retry, signal, fetch, validateResponses, ...rest } = init ?? {};
  checkSignal("signal", signal);
  checkFunction("fetch", fetch);
  checkHeaders("headers", rest["headers"]);
  return {
    timeoutMs: timeoutMs === undefined ? defaults.timeoutMs : checkTimeout("timeoutMs", timeoutMs),
    retry: checkRetry("retry", retry, defaults.retry),
    signal,
    fetch: (fetch as FetchLike | undefined) ?? defaults.fetch,
    validateResponses:
      checkValidateResponses(validateResponses, defaults.validators) ?? defaults.validateResponses,
    rest,
  };
}
