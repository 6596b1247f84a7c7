import { encodeToken, readPointer } from "../util/json-pointer.ts";
import type { Divergence, DivergenceKind } from "./divergence.ts";

/** The fields of an ajv error object this module reads (ajv's `ErrorObject`). */
export interface AjvError {
  readonly keyword: string;
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** An ajv validate function, standalone or not: `false` with `errors` set when the data is not valid. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: readonly AjvError[] | null;
}

const CONSTRAINTS = new Set([
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "pattern",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
  "contains",
]);
const ALTERNATIVES = new Set(["anyOf", "oneOf"]);

/** The JSON type name of a value: all a divergence says of what came, never the value itself. */
export function jsonType(value: unknown): string {
  if (value === undefined) return "absent";
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

const quoted = (values: unknown): string =>
  (Array.isArray(values) ? values : [values]).map((v) => JSON.stringify(v)).join(", ");

/**
 * ajv reports every branch of a failed `anyOf`/`oneOf`: a branch that failed only on its type (the
 * `null` of a nullable reference) says nothing, and the alternatives' own error only matters when no
 * more precise error is left under it.
 */
function withoutBranchNoise(errors: readonly AjvError[]): AjvError[] {
  const alternatives = errors.filter((e) => ALTERNATIVES.has(e.keyword));
  if (alternatives.length === 0) return [...errors];
  const noise = new Set<AjvError>();
  for (const alt of alternatives)
    for (const e of errors)
      if (
        e.keyword === "type" &&
        e.instancePath === alt.instancePath &&
        e.schemaPath.startsWith(`${alt.schemaPath}/`)
      )
        noise.add(e);
  const kept = errors.filter((e) => !noise.has(e));
  return kept.filter(
    (e) =>
      !ALTERNATIVES.has(e.keyword) ||
      !kept.some(
        (other) =>
          other !== e &&
          !ALTERNATIVES.has(other.keyword) &&
          (other.instancePath === e.instancePath || other.instancePath.startsWith(`${e.instancePath}/`)),
      ),
  );
}

function divergenceOf(operation: string, error: AjvError, body: unknown): Divergence {
  const at = error.instancePath;
  const value = readPointer(body, at);
  const make = (kind: DivergenceKind, pointer: string, expected: string, got: string, failure = true) => ({
    operation,
    pointer,
    kind,
    expected,
    got,
    failure,
  });
  const { params } = error;
  switch (error.keyword) {
    case "required":
      return make("missing", `${at}/${encodeToken(String(params["missingProperty"]))}`, "required", "absent");
    case "type":
      return make("type", at, String(params["type"]).split(",").join(" or "), jsonType(value));
    case "enum":
      return make("enum", at, `one of ${quoted(params["allowedValues"])}`, jsonType(value));
    case "const":
      return make("enum", at, quoted(params["allowedValue"]), jsonType(value));
    case "format":
      return make("format", at, `format ${String(params["format"])}`, jsonType(value));
    case "additionalProperties": {
      const pointer = `${at}/${encodeToken(String(params["additionalProperty"]))}`;
      return make("extra", pointer, "no other fields", jsonType(readPointer(body, pointer)));
    }
    case "unevaluatedProperties": {
      const pointer = `${at}/${encodeToken(String(params["unevaluatedProperty"]))}`;
      return make("extra", pointer, "not in the spec", jsonType(readPointer(body, pointer)), false);
    }
    default: {
      if (CONSTRAINTS.has(error.keyword)) {
        const limit = params["limit"] ?? params["pattern"] ?? "";
        return make("constraint", at, `${error.keyword} ${String(limit)}`.trim(), jsonType(value));
      }
      if (ALTERNATIVES.has(error.keyword))
        return make(
          "shape",
          at,
          `${error.keyword === "oneOf" ? "exactly one" : "one"} of the spec's alternatives`,
          jsonType(value),
        );
      return make("shape", at, `the spec's ${error.keyword}`, jsonType(value));
    }
  }
}

/** ajv's errors as divergences, without duplicates (ajv reports a shared sub-schema once per path to it). */
export function divergencesFromAjv(
  operation: string,
  errors: readonly AjvError[] | null | undefined,
  body: unknown,
): Divergence[] {
  const out = new Map<string, Divergence>();
  for (const error of withoutBranchNoise(errors ?? [])) {
    const d = divergenceOf(operation, error, body);
    const key = `${d.pointer}\u0000${d.kind}\u0000${d.expected}`;
    if (!out.has(key)) out.set(key, d);
  }
  return [...out.values()];
}
