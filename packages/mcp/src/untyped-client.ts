/** One call's input as the catalog describes it: the parameters by place, and the body. */
export interface OperationInput {
  readonly path?: Record<string, unknown>;
  readonly query?: Record<string, unknown>;
  readonly header?: Record<string, unknown>;
  readonly body?: unknown;
}

/** What a vendor client call resolves to, seen without its per-operation types. */
export interface UntypedResult {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response | undefined;
  readonly requestId: string | undefined;
}

type UntypedMethod = (path: string, init?: Record<string, unknown>) => Promise<UntypedResult>;

/** A vendor client called with a path and method read at run time (from the catalog). */
export interface UntypedClient {
  readonly GET: UntypedMethod;
  readonly POST: UntypedMethod;
  readonly PUT: UntypedMethod;
  readonly PATCH: UntypedMethod;
  readonly DELETE: UntypedMethod;
}

const METHODS = { get: "GET", post: "POST", put: "PUT", patch: "PATCH", delete: "DELETE" } as const;

/** Sends one operation through the vendor client: openapi-fetch's `params` and `body`. */
export function callThrough(
  client: UntypedClient,
  method: keyof typeof METHODS,
  path: string,
  input: OperationInput,
): Promise<UntypedResult> {
  const params = {
    ...(input.path ? { path: input.path } : {}),
    ...(input.query ? { query: input.query } : {}),
    ...(input.header ? { header: input.header } : {}),
  };
  return client[METHODS[method]](path, {
    params,
    ...(input.body !== undefined ? { body: input.body } : {}),
  });
}
