import { canRefresh, type TokenSource } from "../auth/auth-plan.ts";
import { ApiError } from "../errors/api-error.ts";
import { describeCause } from "./describe-cause.ts";
import { tokenProblem } from "./validate-options.ts";

/**
 * The token for one call from a token function: asked once per call, and after a 401 a refreshable
 * one refreshed once. (A string token was checked when the client was made.) An `ApiError` when it
 * cannot be had or must not be sent (nothing is sent then, and the message never quotes the token).
 */
export async function currentToken(
  source: Exclude<TokenSource, string>,
  refreshed: boolean,
): Promise<string | ApiError> {
  let token: string;
  try {
    token = refreshed && canRefresh(source) ? await source.refresh() : await source();
  } catch (cause) {
    return new ApiError({ message: `The token function failed: ${describeCause(cause)}`, cause });
  }
  const problem = tokenProblem(token);
  return problem ? new ApiError({ message: `Nothing was sent: ${problem}` }) : token;
}
