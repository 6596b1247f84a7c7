/**
 * The evidence of one spec, read from its operations' `x-source` / `x-inferred`: how many operations
 * the vendor documents, how many are assumed, and which vendor page documents which operations. The
 * README section and the docs pages render this one model.
 */
import { deref, isObj, type Obj, operationsOf } from "../codegen/spec-walk.ts";

export interface OperationEvidence {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly summary: string;
  /** The vendor page that documents the operation, when it is documented. */
  readonly source?: string;
  /** Why the operation is assumed, when it is inferred. */
  readonly inferred?: string;
  /**
   * A documented operation whose page does not show all of it: a parameter, a request-body part or a
   * part of a success answer is marked `x-inferred` in the spec.
   */
  readonly partlyAssumed: boolean;
}

export interface SourcePage {
  /** The page's address without a fragment: one page, whichever anchors the operations cite. */
  readonly url: string;
  readonly operations: readonly string[];
}

export interface VendorEvidence {
  readonly title: string;
  readonly operations: readonly OperationEvidence[];
  readonly documented: number;
  readonly inferred: number;
  /** Documented operations with parts assumed. */
  readonly partlyAssumed: number;
  /** Documented operations as a whole percentage of all operations (0 when there are none). */
  readonly documentedPercent: number;
  readonly pages: readonly SourcePage[];
}

/** Whether `node` (its `$ref`s followed) holds an `x-inferred` mark anywhere. */
function holdsInferred(doc: Obj, node: unknown, seen = new Set<unknown>()): boolean {
  const value = deref(doc, node);
  if (seen.has(value)) return false;
  seen.add(value);
  if (Array.isArray(value)) return value.some((v) => holdsInferred(doc, v, seen));
  if (!isObj(value)) return false;
  if ("x-inferred" in value) return true;
  return Object.values(value).some((v) => holdsInferred(doc, v, seen));
}

/**
 * Whether a part of what the caller sends or gets on success is assumed: its parameters, its request
 * body, or the content of a 2xx answer. Error answers and response headers are left out: the spec
 * states their assumptions once for every operation (the 429 body, the rate-limit header names).
 */
function hasAssumedParts(doc: Obj, operation: Obj): boolean {
  const responses = isObj(operation["responses"]) ? operation["responses"] : {};
  const successContent = Object.entries(responses)
    .filter(([status]) => status.startsWith("2"))
    .map(([, response]) => deref(doc, response))
    .map((response) => (isObj(response) ? response["content"] : undefined));
  return [operation["parameters"], operation["requestBody"], ...successContent].some((part) =>
    holdsInferred(doc, part),
  );
}

/** Reads the evidence of every operation (webhooks excluded: they are not calls a user makes). */
export function vendorEvidence(doc: Obj): VendorEvidence {
  const info = isObj(doc["info"]) ? doc["info"] : {};
  const operations: OperationEvidence[] = operationsOf(doc).map(({ method, path, operation }) => {
    const source = operation["x-source"];
    const inferred = operation["x-inferred"];
    return {
      operationId: String(operation["operationId"] ?? `${method} ${path}`),
      method: method.toUpperCase(),
      path,
      summary: typeof operation["summary"] === "string" ? operation["summary"] : "",
      ...(typeof source === "string" ? { source } : {}),
      ...(typeof source !== "string" && typeof inferred === "string" ? { inferred } : {}),
      partlyAssumed: typeof source === "string" && hasAssumedParts(doc, operation),
    };
  });
  const byPage = new Map<string, string[]>();
  for (const op of operations) {
    if (op.source === undefined) continue;
    const url = op.source.replace(/#.*$/, "");
    byPage.set(url, [...(byPage.get(url) ?? []), op.operationId]);
  }
  const documented = operations.filter((o) => o.source !== undefined).length;
  return {
    title: typeof info["title"] === "string" ? info["title"] : "",
    operations,
    documented,
    inferred: operations.length - documented,
    partlyAssumed: operations.filter((o) => o.partlyAssumed).length,
    documentedPercent: operations.length === 0 ? 0 : Math.round((documented / operations.length) * 100),
    pages: [...byPage].map(([url, ops]) => ({ url, operations: ops })),
  };
}

/** One sentence with the counts, the same wherever it is shown. */
export function evidenceSummary(e: VendorEvidence): string {
  const total = e.operations.length;
  const partly = e.partlyAssumed > 0 ? `; ${e.partlyAssumed} with parts assumed` : "";
  return `${total} operation${total === 1 ? "" : "s"}: ${e.documented} documented by the vendor (${e.documentedPercent} %${partly}), ${e.inferred} inferred (${total === 0 ? 0 : 100 - e.documentedPercent} %).`;
}
