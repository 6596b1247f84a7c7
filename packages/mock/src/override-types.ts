import type { MockErrorInit } from "./error-responses.ts";
import type { MockStore } from "./mock-store.ts";

/** openapi-typescript's `operations` type: operationId → parameters, request body and responses. */
export type OperationsShape = object;

/** The operations of a mock built without generated types: any operationId, any JSON body. */
export type UntypedOperations = Record<
  string,
  { responses: { 200: { content: { "application/json": unknown } } } }
>;

type JsonOf<R> = R extends { content: { "application/json": infer B } } ? B : never;

/** The JSON body of an operation's 2xx response. */
export type SuccessBody<Op> = Op extends { responses: infer R }
  ? { [S in keyof R]: S extends 200 | 201 | 202 | "200" | "201" | "202" ? JsonOf<R[S]> : never }[keyof R]
  : never;

/** The request body an operation accepts (any of its media types). */
export type RequestBody<Op> = Op extends { requestBody?: { content: infer C } }
  ? C[keyof C] | undefined
  : undefined;

/** The query parameters an operation accepts. */
export type QueryParams<Op> = Op extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : Record<string, never>;

export interface OverrideContext<Op> {
  readonly request: Request;
  readonly params: Readonly<Record<string, string>>;
  /** Query parameters after validation and type coercion. */
  readonly query: Partial<QueryParams<Op>>;
  readonly body: RequestBody<Op>;
  readonly store: MockStore;
  /** A failure in the vendor's own error envelope (`error(404)`, `error(422, { details })`). */
  readonly error: (status: number, init?: MockErrorInit) => Response;
}

/** A per-test replacement for one operation: return the typed success body, or any Response. */
export type OverrideResolver<Op> = (
  context: OverrideContext<Op>,
) => SuccessBody<Op> | Response | Promise<SuccessBody<Op> | Response>;

/**
 * Hand-written answers for the operations a spec marks `x-mock.action: custom` (answers the x-mock
 * actions cannot express): a vendor package's `src/mock-behaviours.ts`, installed by its generated mock.
 * Overrides and `restore()` work on them as on any operation; `reset()` keeps them.
 */
export type MockBehaviours<Ops, Id extends keyof Ops> = { readonly [K in Id]: OverrideResolver<Ops[K]> };
