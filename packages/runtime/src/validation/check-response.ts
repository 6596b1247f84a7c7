import type { ApiErrorInit } from "../errors/api-error.ts";
import { ResponseValidationError } from "../errors/response-validation-error.ts";
import type { Logger } from "../logging/logger.ts";
import {
  type Divergence,
  describeDivergence,
  type ResponseValidators,
  type ResponseValidatorsLoader,
  type ValidateResponses,
} from "./divergence.ts";

/** What the call knows of the response, for the error it may become. */
type Facts = Omit<ApiErrorInit<string | number, unknown>, "message" | "body" | "code">;

/**
 * A call's response check, loading the vendor's validators the first time one is wanted (they are
 * their own package entry, so a client that never validates never loads them). `warn` logs one line
 * per divergence; `error` answers a `ResponseValidationError` when any divergence is a failure.
 */
export function responseCheck(loader: ResponseValidatorsLoader) {
  let loaded: Promise<ResponseValidators> | undefined;
  return async (
    mode: Exclude<ValidateResponses, "off">,
    method: string,
    path: string,
    body: unknown,
    facts: Facts & { readonly status: number },
    log: Logger,
    scrub: (text: string) => string,
  ): Promise<ResponseValidationError | undefined> => {
    let found: readonly Divergence[] | undefined;
    try {
      loaded ??= loader().then((module) => module.responseValidators);
      found = (await loaded).check(method, path, facts.status, body);
    } catch (cause) {
      loaded = undefined;
      const message = `the response validators could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`;
      if (mode === "warn") {
        log.warn(scrub(message));
        return undefined;
      }
      return new ResponseValidationError({ ...facts, message: scrub(message), divergences: [], cause });
    }
    if (!found?.length) return undefined;
    if (mode === "warn") {
      for (const divergence of found)
        log.warn(scrub(`response differs from the spec: ${describeDivergence(divergence)}`));
      return undefined;
    }
    const failures = found.filter((d) => d.failure);
    if (failures.length === 0) return undefined;
    const first = failures[0] as (typeof failures)[number];
    const more = failures.length > 1 ? ` (and ${failures.length - 1} more)` : "";
    return new ResponseValidationError({
      ...facts,
      message: scrub(`HTTP ${facts.status} body differs from the spec: ${describeDivergence(first)}${more}`),
      divergences: found,
      body,
    });
  };
}
