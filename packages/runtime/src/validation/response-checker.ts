import { type CompiledValidator, divergencesFromAjv } from "./ajv-divergences.ts";
import { type Divergence, describeDivergence, type ResponseValidators } from "./divergence.ts";

/** One operation's compiled validators of its documented JSON success bodies, by status. */
export interface OperationResponseValidators {
  readonly operation: string;
  readonly statuses: Readonly<Record<string, CompiledValidator>>;
}

/**
 * The response validators of a vendor, over the ajv standalone functions codegen compiled for every
 * operation (keyed `"<method> <path template>"`). A status the spec gives no JSON body for has
 * nothing to check; a `2XX` range stands for any status of it.
 */
export function createResponseValidators(
  table: Readonly<Record<string, OperationResponseValidators>>,
): ResponseValidators {
  const check = (
    method: string,
    path: string,
    status: number,
    body: unknown,
  ): readonly Divergence[] | undefined => {
    const entry = table[`${method.toLowerCase()} ${path}`];
    const validate = entry?.statuses[String(status)] ?? entry?.statuses[`${String(status)[0]}XX`];
    if (!entry || !validate) return undefined;
    return validate(body) ? [] : divergencesFromAjv(entry.operation, validate.errors, body);
  };
  return {
    check,
    review(mode, { method, path, status, body }, report) {
      const found = check(method, path, status, body) ?? [];
      if (mode === "warn") {
        for (const divergence of found)
          report.warn(`response differs from the spec: ${describeDivergence(divergence)}`);
        return undefined;
      }
      const failures = found.filter((d) => d.failure);
      const first = failures[0];
      if (!first) return undefined;
      const more = failures.length > 1 ? ` (and ${failures.length - 1} more)` : "";
      return report.error(
        `HTTP ${status} body differs from the spec: ${describeDivergence(first)}${more}`,
        found,
      );
    },
  };
}
