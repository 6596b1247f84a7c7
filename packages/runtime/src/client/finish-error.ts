import type { ApiError } from "../errors/api-error.ts";
import { type Scrub, scrubError } from "../secrets/scrub.ts";

/** The error handed out: how many attempts it took, and none of the call's secrets anywhere in it. */
export function finishError(error: ApiError, attempts: number, scrub: Scrub): ApiError {
  if (error.attempts === undefined && attempts > 0)
    Object.defineProperty(error, "attempts", { value: attempts, enumerable: true });
  if (attempts > 1) error.message = `${error.message} (after ${attempts} attempts)`;
  if (typeof error.stack === "string")
    error.stack = error.stack.replace(/^.*$/m, `${error.name}: ${error.message}`);
  return scrubError(error, scrub);
}
