import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

type AddFormats = typeof addFormatsModule.default;
// ajv-formats is CommonJS: its function is `module.exports` and also `.default`. Node's ES module
// import gives the former as the default export, a bundler's interop may give either.
const addFormats: AddFormats =
  typeof addFormatsModule === "function"
    ? (addFormatsModule as unknown as AddFormats)
    : addFormatsModule.default;

/** One reason an argument does not fit the operation's schema. */
export interface ArgumentProblem {
  /** JSON pointer into the arguments (`/body/title`). */
  readonly at: string;
  readonly message: string;
}

/**
 * Checks call arguments against the JSON Schema (2020-12) the catalog gives for an operation, before
 * anything is sent. ajv with ajv-formats: the validator the specs' schemas are written for, with the
 * standard formats (email, date-time, uri…), compiled once per operation.
 */
export class InputValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly compiled = new Map<object, ValidateFunction>();

  constructor() {
    addFormats(this.ajv);
  }

  check(schema: Readonly<Record<string, unknown>>, args: unknown): ArgumentProblem[] {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(schema, validate);
    }
    if (validate(args)) return [];
    return (validate.errors ?? []).map(problemOf);
  }
}

/** ajv's error as a reader wants it: where, and what (with the property or values it names). */
function problemOf(error: ErrorObject): ArgumentProblem {
  const params = error.params as Record<string, unknown>;
  let message = error.message ?? "is not valid";
  if (typeof params["additionalProperty"] === "string")
    message = `unknown property "${params["additionalProperty"]}"`;
  if (Array.isArray(params["allowedValues"]))
    message += `: ${params["allowedValues"].map((v) => JSON.stringify(v)).join(", ")}`;
  return { at: error.instancePath || "/", message };
}
