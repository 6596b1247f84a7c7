/** How a call checks a success body against the spec: not at all, a log line per divergence, or an error. */
export type ValidateResponses = "off" | "warn" | "error";

/**
 * What kind of difference between a response and the spec:
 * - `missing`: a field the spec requires is absent;
 * - `type`: a value of another JSON type than the spec's (a string where it says number);
 * - `enum`: a value outside the spec's list (or constant);
 * - `format`: a string not in the spec's format (date, date-time, email, uuid, uri, time);
 * - `extra`: a field the spec does not describe (a failure only where the schema forbids other fields);
 * - `constraint`: a value outside a bound the spec sets (minimum, length, pattern, item count);
 * - `shape`: a value that matches none (or more than one) of the alternatives the spec allows.
 */
export type DivergenceKind = "missing" | "type" | "enum" | "format" | "extra" | "constraint" | "shape";

/**
 * One place where a response differs from the spec. It never holds a value from the response:
 * `got` is a JSON type name (`string`, `integer`, `null`, …) or `absent`.
 */
export interface Divergence {
  /** The spec's operationId. */
  readonly operation: string;
  /** JSON pointer into the response body (`/data/0/status`). */
  readonly pointer: string;
  readonly kind: DivergenceKind;
  /** What the spec says, e.g. `integer`, `one of "open", "closed"`, `format date-time`, `required`. */
  readonly expected: string;
  /** What came instead, redacted to its JSON type, or `absent`. */
  readonly got: string;
  /**
   * Whether the response breaks the spec. Every divergence is, except an `extra` field the schema
   * does not forbid: the spec is incomplete there, not wrong.
   */
  readonly failure: boolean;
}

/** The response validators of one vendor, the `@workapis/<vendor>/validators` entry. */
export interface ResponseValidators {
  /**
   * The divergences of a success body of the operation called by `method` and path template, or
   * `undefined` when the spec documents no JSON body for that operation and status.
   */
  check(method: string, path: string, status: number, body: unknown): readonly Divergence[] | undefined;
  /**
   * What `validateResponses` does with a success body: `warn` reports one line per divergence
   * through `report.warn`; `error` answers `report.error(message, divergences)` when any divergence
   * is a failure. `undefined` when the body passes (or only warnings were due).
   */
  review<E>(
    mode: Exclude<ValidateResponses, "off">,
    call: { readonly method: string; readonly path: string; readonly status: number; readonly body: unknown },
    report: ReviewReport<E>,
  ): E | undefined;
}

/** How a review reaches the client: its logger, and the error the client makes. */
export interface ReviewReport<E> {
  warn(line: string): void;
  error(message: string, divergences: readonly Divergence[]): E;
}

/** Loads a vendor's response validators: the generated client passes one, called on first use. */
export type ResponseValidatorsLoader = () => Promise<{ readonly responseValidators: ResponseValidators }>;

/** One line per divergence, as a log line and an error message show it: no value from the response. */
export function describeDivergence(d: Divergence): string {
  return `${d.operation} ${d.pointer || "/"}: ${d.kind}, expected ${d.expected}, got ${d.got}${d.failure ? "" : " (not a failure)"}`;
}
