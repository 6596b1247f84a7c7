import type { ApiMeta, HttpMethodName } from "../metadata.ts";
import { createPaginate } from "../pagination/paginate.ts";
import type { ResponseValidatorsLoader } from "../validation/divergence.ts";
import { clientContext } from "./client-context.ts";
import type { ClientOptions } from "./client-options.ts";
import { performCall } from "./perform-call.ts";
import type { ApiClient, CallInit, PaginatedShape, PathsShape } from "./types.ts";

/**
 * Builds a typed vendor client over openapi-fetch from the generated metadata. Every option is
 * checked here (a `TypeError` names a bad one); a call's own options are checked when it is made.
 * Every failure comes back as `{ error: ApiError }` (or throws from `unwrap`/`paginate`). What one
 * call does, step by step, is `performCall`.
 */
export function createApiClient<Paths extends PathsShape, Code, Pag extends PaginatedShape = PaginatedShape>(
  meta: ApiMeta,
  options: ClientOptions,
  /** The vendor's response validators, loaded when `validateResponses` first asks for them. */
  validators?: ResponseValidatorsLoader,
): ApiClient<Paths, Code, Pag> {
  const context = clientContext(meta, options, validators);
  const call = (method: HttpMethodName, path: string, init: CallInit) =>
    performCall(context, method, path, init);
  const method = (name: HttpMethodName) => (path: string, init?: CallInit) => call(name, path, init);
  return {
    GET: method("get"),
    POST: method("post"),
    PUT: method("put"),
    PATCH: method("patch"),
    DELETE: method("delete"),
    paginate: createPaginate(call, meta.operations),
  } as unknown as ApiClient<Paths, Code, Pag>;
}
