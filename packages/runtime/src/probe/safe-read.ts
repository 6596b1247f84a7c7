import type { HttpMethodName } from "../metadata.ts";

/** A value a safe read needs before it can be sent: a path parameter, a required query parameter or body field. */
export interface ProbeInput {
  readonly in: "path" | "query" | "body";
  readonly name: string;
  /** The spec's example, default or first enum value, used for an input that is not an id. */
  readonly example?: unknown;
}

/**
 * An operation `probe` calls: a GET, or a POST the spec marks `x-retry-safe` (a read sent as POST).
 * Generated per vendor into `@workapis/<vendor>/validators` as `safeReads`.
 */
export interface SafeRead {
  readonly operation: string;
  readonly method: HttpMethodName;
  readonly path: string;
  readonly inputs: readonly ProbeInput[];
  /** JSON pointer to the list of records in the answer, for an operation that lists them. */
  readonly items?: string;
}
