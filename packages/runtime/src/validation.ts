/**
 * `@workapis/runtime/validation`: what the generated `@workapis/<vendor>/validators` entries are
 * built on. Loaded only by a client with `validateResponses` on, and by `probe`.
 */
export type { AjvError, CompiledValidator } from "./validation/ajv-divergences.ts";
export { divergencesFromAjv, jsonType } from "./validation/ajv-divergences.ts";
export type { Divergence, DivergenceKind, ResponseValidators } from "./validation/divergence.ts";
export { describeDivergence } from "./validation/divergence.ts";
export {
  createResponseValidators,
  type OperationResponseValidators,
} from "./validation/response-checker.ts";
