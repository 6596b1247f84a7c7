/**
 * The evidence rule of specs/README.md, checked mechanically over one OpenAPI document:
 *   1. every operation (webhooks included) carries exactly one of `x-source` (an https URL) or
 *      `x-inferred` (a sentence saying what is assumed and why);
 *   2. in the success responses of an inferred operation no object schema lists `required` unless it
 *      (or the schema it is written inside) carries `x-source`; in any response, a property marked
 *      `x-inferred` is never required;
 *   3. the description of an inferred operation, schema or property words the inference as one;
 *   5. a request property or parameter marked `x-inferred` is never required, no schema marked
 *      `x-inferred` refuses a request value by an assumed limit, pattern or closed list, and the
 *      request of an inferred operation holds no limit, pattern or closed list that no page backs.
 * Rule 4 (an inferred mechanism is offered, not enforced) is about runtime behaviour and is tested
 * where the mechanism lives.
 */
import { fromPointer, toPointer } from "../codegen/spec-error.ts";
import { HTTP_METHODS, isObj, type Obj } from "../codegen/spec-walk.ts";

type Path = readonly (string | number)[];

export interface EvidenceViolation {
  readonly rule: 1 | 2 | 3 | 5;
  /** RFC 6901 pointer to the operation, schema or property at fault. */
  readonly pointer: string;
  readonly message: string;
}

/** Words that mark a sentence as an inference (rule 3). */
export const INFERENCE_WORDS = [
  "assumed",
  "assumption",
  "inferred",
  "not documented",
  "reported by",
] as const;

/** The placeholder every inferred operation once carried; a real reason replaces it. */
export const GENERIC_INFERRED = "Not documented by the vendor; the path, parameters and bodies are assumed.";

export const wordsInference = (text: unknown): boolean =>
  typeof text === "string" && INFERENCE_WORDS.some((w) => text.toLowerCase().includes(w));

const SCHEMA_CHILDREN = ["items", "additionalProperties", "not", "contains"] as const;
const SCHEMA_LISTS = ["allOf", "oneOf", "anyOf", "prefixItems"] as const;

/** Resolves a local `$ref`, returning the target and its pointer segments. */
function resolveRef(doc: Obj, ref: string): { schema: unknown; at: string[] } {
  const at = fromPointer(ref).filter((s) => s !== "");
  let target: unknown = doc;
  for (const key of at) target = isObj(target) ? target[key] : undefined;
  return { schema: target, at };
}

interface Visit {
  readonly schema: Obj;
  readonly at: Path;
  /** The evidence flag the walk carries (see `Evidence`) at this schema. */
  readonly flagged: boolean;
}

/**
 * Which evidence mark a walk carries down: `x-source` holds for a schema and what is written inside
 * it, but a referenced schema stands on its own evidence, not on its referrer's; `x-inferred` holds
 * for everything inside, referenced or not.
 */
type Evidence = "x-source" | "x-inferred";

/**
 * Every schema object reachable from `root` (through `$ref`, properties, items, combinators), each once
 * per flag. `visit` sees the schema where it is written, so a pointer names a real place.
 */
function walkSchemas(
  doc: Obj,
  root: unknown,
  at: Path,
  visit: (v: Visit) => void,
  evidence: Evidence = "x-source",
  flaggedAtRoot = false,
): void {
  const seen = new Set<string>();
  const go = (raw: unknown, where: Path, above: boolean): void => {
    if (!isObj(raw)) return;
    let schema = raw;
    let here = where;
    let flagged = above || raw[evidence] !== undefined;
    if (typeof raw["$ref"] === "string") {
      const target = resolveRef(doc, raw["$ref"]);
      if (!isObj(target.schema)) return;
      schema = target.schema;
      here = target.at;
      const own = schema[evidence] !== undefined;
      flagged = evidence === "x-source" ? own : flagged || own;
    }
    const key = `${toPointer(here)}|${flagged}`;
    if (seen.has(key)) return;
    seen.add(key);
    visit({ schema, at: here, flagged });
    if (isObj(schema["properties"]))
      for (const [name, prop] of Object.entries(schema["properties"]))
        go(prop, [...here, "properties", name], flagged);
    for (const k of SCHEMA_CHILDREN) if (isObj(schema[k])) go(schema[k], [...here, k], flagged);
    for (const k of SCHEMA_LISTS) {
      const list = schema[k];
      if (Array.isArray(list)) for (const [i, s] of list.entries()) go(s, [...here, k, i], flagged);
    }
  };
  go(root, at, flaggedAtRoot);
}

/** The JSON (or any) media schemas of a response or request body, with their pointers. */
function mediaSchemas(doc: Obj, holder: unknown, at: Path): { schema: unknown; at: Path }[] {
  let resolved = holder;
  let here = at;
  if (isObj(holder) && typeof holder["$ref"] === "string") {
    const target = resolveRef(doc, holder["$ref"]);
    resolved = target.schema;
    here = target.at;
  }
  if (!isObj(resolved) || !isObj(resolved["content"])) return [];
  return Object.entries(resolved["content"]).flatMap(([type, media]) =>
    isObj(media) && media["schema"] !== undefined
      ? [{ schema: media["schema"], at: [...here, "content", type, "schema"] }]
      : [],
  );
}

interface WalkedOp {
  readonly operation: Obj;
  readonly at: Path;
  readonly parameters: { readonly param: Obj; readonly at: Path }[];
}

function operationsWithWebhooks(doc: Obj): WalkedOp[] {
  const out: WalkedOp[] = [];
  for (const section of ["paths", "webhooks"] as const) {
    const items = isObj(doc[section]) ? doc[section] : {};
    for (const [name, rawItem] of Object.entries(items)) {
      let item = rawItem;
      if (isObj(rawItem) && typeof rawItem["$ref"] === "string")
        item = resolveRef(doc, rawItem["$ref"]).schema;
      if (!isObj(item)) continue;
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (!isObj(operation)) continue;
        const at = [section, name, method];
        const parameters: WalkedOp["parameters"][number][] = [];
        for (const [list, listAt] of [
          [item["parameters"], [section, name, "parameters"]],
          [operation["parameters"], [...at, "parameters"]],
        ] as const) {
          if (!Array.isArray(list)) continue;
          for (const [i, raw] of list.entries()) {
            if (isObj(raw) && typeof raw["$ref"] === "string") {
              const target = resolveRef(doc, raw["$ref"]);
              if (isObj(target.schema)) parameters.push({ param: target.schema, at: target.at });
            } else if (isObj(raw)) parameters.push({ param: raw, at: [...listAt, i] });
          }
        }
        out.push({ operation, at, parameters });
      }
    }
  }
  return out;
}

const requiredOf = (schema: Obj): string[] =>
  Array.isArray(schema["required"]) ? schema["required"].map(String) : [];

/** A property (or the schema it references) is marked `x-inferred`. */
function propertyInferred(doc: Obj, prop: unknown): boolean {
  if (!isObj(prop)) return false;
  if (prop["x-inferred"] !== undefined) return true;
  if (typeof prop["$ref"] === "string") {
    const target = resolveRef(doc, prop["$ref"]).schema;
    return isObj(target) && target["x-inferred"] !== undefined;
  }
  return false;
}

/** Required properties that are marked `x-inferred`, in every schema reachable from `root`. */
function inferredRequired(
  doc: Obj,
  root: unknown,
  at: Path,
  rule: 2 | 5,
  where: string,
): EvidenceViolation[] {
  const out: EvidenceViolation[] = [];
  walkSchemas(doc, root, at, ({ schema, at: here }) => {
    const props = isObj(schema["properties"]) ? schema["properties"] : {};
    for (const name of requiredOf(schema))
      if (propertyInferred(doc, props[name]))
        out.push({
          rule,
          pointer: toPointer([...here, "properties", name]),
          message: `property "${name}" is marked x-inferred but listed in required (${where})`,
        });
  });
  return out;
}

/** Keywords by which a schema refuses a value; `type` and `format` only describe one. */
const REFUSING = [
  "enum",
  "const",
  "pattern",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
] as const;

/**
 * The schemas reachable from `root` that refuse a value by one of `REFUSING` and are `offending`
 * given the evidence flag the walk carries; `why` words the violation from the keywords found.
 */
function refusals(
  doc: Obj,
  root: unknown,
  at: Path,
  walk: { readonly evidence: Evidence; readonly flaggedAtRoot: boolean },
  offending: (flagged: boolean) => boolean,
  why: (found: string) => string,
): EvidenceViolation[] {
  const out: EvidenceViolation[] = [];
  const visit = ({ schema, at: here, flagged }: Visit) => {
    const found = REFUSING.filter((k) => schema[k] !== undefined);
    if (found.length > 0 && offending(flagged))
      out.push({ rule: 5, pointer: toPointer(here), message: why(found.join(", ")) });
  };
  walkSchemas(doc, root, at, visit, walk.evidence, walk.flaggedAtRoot);
  return out;
}

/**
 * Rule 5 over one request schema: a schema marked `x-inferred` (or written inside one) that refuses
 * values by an assumed limit, pattern or closed list; and, in the request of an inferred operation,
 * any such refusal that no page backs (the schema cites no `x-source`), which the mock (and, for a
 * closed list, the compiler) would enforce against a value the vendor may take.
 */
function requestRefusals(
  doc: Obj,
  root: unknown,
  at: Path,
  where: string,
  marked: boolean,
  inferredOperation: boolean,
): EvidenceViolation[] {
  const assumed = refusals(
    doc,
    root,
    at,
    { evidence: "x-inferred", flaggedAtRoot: marked },
    (inferred) => inferred,
    (found) => `assumed ${found} would refuse values in ${where}: describe the assumption in words instead`,
  );
  if (!inferredOperation) return assumed;
  const unbacked = refusals(
    doc,
    root,
    at,
    { evidence: "x-source", flaggedAtRoot: false },
    (sourced) => !sourced,
    (found) =>
      `${found} in ${where}, an inferred operation, with no page behind it: cite the page on the schema (x-source), or drop it and word the assumption in the description`,
  );
  return [...assumed, ...unbacked];
}

/** Every violation of rules 1, 2, 3 and 5 in one document, deduplicated, in document order. */
export function evidenceViolations(doc: Obj): EvidenceViolation[] {
  const out: EvidenceViolation[] = [];
  for (const { operation, at, parameters } of operationsWithWebhooks(doc)) {
    const pointer = toPointer(at);
    const source = operation["x-source"];
    const inferred = operation["x-inferred"];
    // Rule 1: exactly one kind of evidence, each of the right shape.
    if ((source === undefined) === (inferred === undefined))
      out.push({ rule: 1, pointer, message: "needs exactly one of x-source or x-inferred" });
    else if (source !== undefined && !(typeof source === "string" && /^https:\/\/\S+$/.test(source)))
      out.push({ rule: 1, pointer, message: "x-source must be the https URL of the vendor page" });
    else if (
      inferred !== undefined &&
      !(typeof inferred === "string" && inferred.trim().split(/\s+/).length >= 4)
    )
      out.push({ rule: 1, pointer, message: "x-inferred must be a sentence saying what is assumed and why" });

    // Rule 3: an inferred operation says so in its description.
    if (inferred !== undefined && !wordsInference(operation["description"]))
      out.push({
        rule: 3,
        pointer,
        message: `the description of an inferred operation must word the inference (one of: ${INFERENCE_WORDS.join(", ")})`,
      });

    const responses = isObj(operation["responses"]) ? operation["responses"] : {};
    for (const [status, response] of Object.entries(responses)) {
      const schemas = mediaSchemas(doc, response, [...at, "responses", status]);
      for (const s of schemas) {
        // Rule 2, second half: an inferred property is never required in any response.
        out.push(...inferredRequired(doc, s.schema, s.at, 2, `a response of ${pointer}`));
        // Rule 2, first half: an inferred operation's success body promises nothing it cannot show.
        if (inferred === undefined || !/^2(\d\d|XX)$/.test(status)) continue;
        walkSchemas(doc, s.schema, s.at, ({ schema, at: here, flagged: sourced }) => {
          const required = requiredOf(schema);
          if (required.length > 0 && !sourced)
            out.push({
              rule: 2,
              pointer: toPointer(here),
              message: `required [${required.join(", ")}] in the ${status} body of inferred operation ${String(operation["operationId"] ?? pointer)}: make the fields optional, or cite the vendor page with x-source on this schema`,
            });
        });
      }
    }

    // Rule 5: an inferred request constraint is never enforced against the user.
    for (const { param, at: pAt } of parameters) {
      const name = String(param["name"]);
      const marked = param["x-inferred"] !== undefined;
      if (marked && param["required"] === true && param["in"] !== "path")
        out.push({
          rule: 5,
          pointer: toPointer(pAt),
          message: `parameter "${name}" is marked x-inferred but required`,
        });
      out.push(
        ...requestRefusals(
          doc,
          param["schema"],
          [...pAt, "schema"],
          `parameter "${name}" of ${pointer}`,
          marked,
          inferred !== undefined && param["in"] !== "path",
        ),
      );
    }
    for (const s of mediaSchemas(doc, operation["requestBody"], [...at, "requestBody"])) {
      const where = `the request body of ${pointer}`;
      out.push(...inferredRequired(doc, s.schema, s.at, 5, where));
      out.push(...requestRefusals(doc, s.schema, s.at, where, false, inferred !== undefined));
    }
  }

  // Rule 3 for schemas and properties: wherever `x-inferred` marks one, its description says so.
  const markedSchemas = (node: unknown, at: Path): void => {
    if (Array.isArray(node)) {
      for (const [i, n] of node.entries()) markedSchemas(n, [...at, i]);
      return;
    }
    if (!isObj(node)) return;
    const isOperation = at.length === 3 && (at[0] === "paths" || at[0] === "webhooks");
    if (node["x-inferred"] !== undefined && !isOperation && !wordsInference(node["description"]))
      out.push({
        rule: 3,
        pointer: toPointer(at),
        message: `marked x-inferred, so its description must word the inference (one of: ${INFERENCE_WORDS.join(", ")})`,
      });
    for (const [key, child] of Object.entries(node)) {
      // Examples are data, not schemas: a field there may be called anything.
      if (key === "example" || key === "examples" || key.startsWith("x-")) continue;
      markedSchemas(child, [...at, key]);
    }
  };
  markedSchemas(doc, []);

  const unique = new Map<string, EvidenceViolation>();
  for (const v of out) unique.set(`${v.rule}|${v.pointer}|${v.message}`, v);
  return [...unique.values()];
}
