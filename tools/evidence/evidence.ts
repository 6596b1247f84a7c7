/**
 * The evidence of one spec, read from its operations' `x-source` / `x-inferred`: how many operations
 * the vendor documents, how many are assumed, and which vendor page documents which operations. The
 * README section and the docs pages render this one model.
 */
import { isObj, type Obj, operationsOf } from "../codegen/spec-walk.ts";

export interface OperationEvidence {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly summary: string;
  /** The vendor page that documents the operation, when it is documented. */
  readonly source?: string;
  /** Why the operation is assumed, when it is inferred. */
  readonly inferred?: string;
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
  /** Documented operations as a whole percentage of all operations (0 when there are none). */
  readonly documentedPercent: number;
  readonly pages: readonly SourcePage[];
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
    documentedPercent: operations.length === 0 ? 0 : Math.round((documented / operations.length) * 100),
    pages: [...byPage].map(([url, ops]) => ({ url, operations: ops })),
  };
}

/** One sentence with the counts, the same wherever it is shown. */
export function evidenceSummary(e: VendorEvidence): string {
  const total = e.operations.length;
  return `${total} operation${total === 1 ? "" : "s"}: ${e.documented} documented by the vendor (${e.documentedPercent} %), ${e.inferred} inferred (${total === 0 ? 0 : 100 - e.documentedPercent} %).`;
}
