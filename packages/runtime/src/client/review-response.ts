import { ResponseValidationError } from "../errors/api-error.ts";
import type { Logger } from "../logging/logger.ts";
import type { Scrub } from "../secrets/scrub.ts";
import type { ResponseValidatorsLoader, ValidateResponses } from "../validation/divergence.ts";

/** What a failed review knows of the response, for the error it becomes. */
export interface ReviewedResponse {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
  readonly requestId: string | undefined;
  readonly attempts: number;
}

/** Checks a success body against the spec; a `ResponseValidationError` when the mode says so. */
export type ReviewResponse = (
  mode: Exclude<ValidateResponses, "off">,
  response: ReviewedResponse,
  log: Logger,
  scrub: Scrub,
) => Promise<ResponseValidationError | undefined>;

/**
 * `validateResponses` on one success body, with the vendor's validators (their own package entry,
 * with what reads a divergence) that `loader` imports. This module and the validators are imported
 * the first time a call asks (`client-context.ts`), so a client that never validates never loads
 * them. Validators that cannot be loaded are reported like a divergence: a warning, or an error.
 */
export async function reviewResponse(
  loader: ResponseValidatorsLoader,
  ...[mode, response, log, scrub]: Parameters<ReviewResponse>
): Promise<ResponseValidationError | undefined> {
  const { method, path, status, body, ...facts } = response;
  const error = (message: string, divergences: ResponseValidationError["divergences"], cause?: unknown) =>
    new ResponseValidationError({ ...facts, status, message: scrub(message), divergences, body, cause });
  try {
    const { responseValidators } = await loader();
    return responseValidators.review(
      mode,
      { method, path, status, body },
      { warn: (line) => log.warn(scrub(line)), error },
    );
  } catch (cause) {
    const message = `the response validators could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`;
    if (mode === "error") return error(message, [], cause);
    log.warn(scrub(message));
    return undefined;
  }
}
