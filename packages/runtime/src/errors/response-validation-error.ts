import type { Divergence } from "../validation/divergence.ts";
import { ApiError, type ApiErrorInit } from "./api-error.ts";

/**
 * A success response whose body differs from the spec (with `validateResponses: "error"`).
 * `divergences` lists every difference found, each with the operation, a JSON pointer, what the spec
 * expected and the JSON type that came; never a value from the response.
 */
export class ResponseValidationError<C = string | number, B = unknown> extends ApiError<C, B> {
  override readonly name = "ResponseValidationError";
  declare readonly divergences: readonly Divergence[];

  constructor(init: ApiErrorInit<C, B> & { readonly divergences: readonly Divergence[] }) {
    super(init);
    this.divergences = init.divergences;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), divergences: this.divergences };
  }
}
