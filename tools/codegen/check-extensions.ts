import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import {
  xInferredSchema,
  xMockSchema,
  xPaginationSchema,
  xSourceSchema,
  xWorkapisSchema,
} from "./extension-schemas.ts";
import { type SpecProblem, toPointer } from "./spec-error.ts";
import type { Obj } from "./spec-walk.ts";

/** Where a problem is: the spec file and the path of keys to the node. */
export interface At {
  readonly file: string;
  readonly at: readonly (string | number)[];
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = {
  "x-workapis": ajv.compile(xWorkapisSchema),
  "x-pagination": ajv.compile(xPaginationSchema),
  "x-mock": ajv.compile(xMockSchema),
  "x-source": ajv.compile(xSourceSchema),
  "x-inferred": ajv.compile(xInferredSchema),
};

/** Validates one of the project's extensions against its schema; each ajv error becomes a problem. */
export function checkExtension(
  name: keyof typeof validators,
  value: unknown,
  { file, at }: At,
  problems: SpecProblem[],
): boolean {
  const validate: ValidateFunction = validators[name];
  if (validate(value)) return true;
  for (const e of (validate.errors ?? []) as ErrorObject[]) {
    problems.push({
      file,
      pointer: `${toPointer(at)}${e.instancePath}`,
      message: `${name} ${e.message ?? "is invalid"}${e.params && "allowedValues" in e.params ? ` (${String(e.params["allowedValues"])})` : ""}`,
    });
  }
  return false;
}

/** Every operation names its evidence: exactly one of `x-source` (a vendor page) or `x-inferred` (why it is ours). */
export function checkProvenance(operation: Obj, where: At, problems: SpecProblem[]): void {
  const source = operation["x-source"];
  const inferred = operation["x-inferred"];
  if ((source === undefined) === (inferred === undefined)) {
    problems.push({
      file: where.file,
      pointer: toPointer(where.at),
      message: "needs exactly one of x-source or x-inferred",
    });
    return;
  }
  if (source !== undefined)
    checkExtension("x-source", source, { ...where, at: [...where.at, "x-source"] }, problems);
  else checkExtension("x-inferred", inferred, { ...where, at: [...where.at, "x-inferred"] }, problems);
}

/**
 * `x-mock.ranges` of a list must name query parameters the operation declares (every list but a
 * body-paged RPC list, whose filters come from the body), and fields its records have: a misspelt
 * one would filter nothing. `recordFields` are the fields of the list's records (empty when the item
 * schema declares none, and then nothing is checked against them).
 */
export function checkRanges(
  ranges: Obj,
  bodyPaged: boolean,
  query: ReadonlySet<string>,
  recordFields: ReadonlySet<string>,
  { file, at }: At,
  problems: SpecProblem[],
): void {
  if (!bodyPaged)
    for (const name of Object.keys(ranges))
      if (!query.has(name))
        problems.push({
          file,
          pointer: toPointer([...at, name]),
          message: `x-mock.ranges names query parameter "${name}", which the operation does not declare`,
        });
  if (recordFields.size === 0) return;
  for (const [name, range] of Object.entries(ranges)) {
    const field = range !== null && typeof range === "object" ? (range as Obj)["field"] : undefined;
    if (typeof field === "string" && !recordFields.has(field))
      problems.push({
        file,
        pointer: toPointer([...at, name, "field"]),
        message: `x-mock.ranges.${name} bounds field "${field}", which the list's records do not have`,
      });
  }
}
