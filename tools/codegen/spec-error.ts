// The runtime's own RFC 6901 decoding, from its source: codegen runs before the runtime is built.
import { encodeToken, tokensOf } from "../../packages/runtime/src/util/json-pointer.ts";
/** One problem in a spec, located by file and JSON pointer (and line/column where known). */
export interface SpecProblem {
  readonly file: string;
  /** RFC 6901 pointer into the document, as `#/paths/~1members/get`. */
  readonly pointer: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export function formatProblem(problem: SpecProblem): string {
  const where =
    problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
  return `${where} ${problem.pointer}: ${problem.message}`;
}

/** Thrown when a spec cannot be generated from; lists every problem found. */
export class SpecError extends Error {
  override readonly name = "SpecError";
  readonly problems: readonly SpecProblem[];

  constructor(problems: readonly SpecProblem[]) {
    super(
      `${problems.length} problem(s) in spec:\n${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}`,
    );
    this.problems = problems;
  }
}

/** Builds a pointer from path segments, escaping `~` and `/` per RFC 6901. */
export function toPointer(segments: readonly (string | number)[]): string {
  return `#${segments.map((s) => `/${encodeToken(String(s))}`).join("")}`;
}

/** The decoded segments of a pointer, with or without the leading `#` (`#/a~1b/0` → `["a/b", "0"]`). */
export function fromPointer(pointer: string): string[] {
  const body = pointer.startsWith("#") ? pointer.slice(1) : pointer;
  return body === "" ? [] : [...tokensOf(body)];
}
