import type { OperationInput, OperationOutput } from "./apply-operation.ts";
import { errorResponse, errorStyleOf } from "./error-responses.ts";
import type { MockStore } from "./mock-store.ts";
import type { OverrideResolver } from "./override-types.ts";
import type { MockOperation, MockSpec } from "./types.ts";

/** An override or a package behaviour, without the operation types it was written against. */
export type AnyResolver = OverrideResolver<never>;

/**
 * Per-operation answers that replace the spec-driven one: a test's overrides over the vendor
 * package's hand-written behaviours. Overrides go on `reset()`; behaviours stay.
 */
export class Resolvers {
  readonly #overrides = new Map<string, AnyResolver>();
  readonly #behaviours: Readonly<Record<string, AnyResolver | undefined>>;

  constructor(behaviours: Readonly<Record<string, AnyResolver | undefined>>) {
    this.#behaviours = behaviours;
  }

  override(operationId: string, resolver: AnyResolver): void {
    this.#overrides.set(operationId, resolver);
  }

  restore(operationId: string): void {
    this.#overrides.delete(operationId);
  }

  clear(): void {
    this.#overrides.clear();
  }

  /** The resolver that answers an operation, if any. */
  for(operationId: string): AnyResolver | undefined {
    return this.#overrides.get(operationId) ?? this.#behaviours[operationId];
  }
}

/** Runs a resolver: a returned Response is the answer, anything else the success body. */
export async function runResolver(
  resolver: AnyResolver,
  spec: MockSpec,
  op: MockOperation,
  store: MockStore,
  request: Request,
  input: OperationInput,
): Promise<OperationOutput> {
  const answer = await resolver({
    request,
    params: input.params,
    query: input.query as never,
    body: input.body as never,
    store,
    error: (status, init = {}) => errorResponse(errorStyleOf(spec, op), status, init),
  });
  return answer instanceof Response ? answer : { status: op.successStatus, body: answer };
}
