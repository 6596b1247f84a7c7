// The types of a vendor's catalog. `emitCatalog` copies this file, from the first line after these
// comments on, into every vendor's `catalog.d.ts`, and `buildCatalog` builds values of these types:
// what the emitter writes and what the package declares are the same declarations. Keep the file
// self-contained (no imports): it is emitted as it stands.

/** One operation: what it does, where the vendor documents it, and the JSON Schema of its input. */
export interface CatalogOperation {
  readonly operationId: string;
  readonly method: "get" | "put" | "post" | "delete" | "patch";
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  /** The vendor page that documents the operation. */
  readonly source?: string;
  /** Why the operation is assumed, where the vendor documents nothing. */
  readonly inferred?: string;
  /** The client may repeat the call (reads, and POSTs the spec marks `x-retry-safe`). */
  readonly retrySafe: boolean;
  /** The call only reads: a GET, or a POST the spec marks `x-retry-safe` (a read sent as POST). */
  readonly safeRead: boolean;
  /** Where a paginated answer holds its items (a JSON pointer), and the query parameter of the page size. */
  readonly pagination?: { readonly items: string; readonly sizeParam?: string };
  /** JSON Schema (2020-12) of the call's input: `{ path?, query?, header?, body? }`. */
  readonly input: Readonly<Record<string, unknown>>;
}

/** The vendor's operations as the spec describes them. */
export interface OperationCatalog {
  readonly vendor: string;
  readonly title: string;
  readonly operations: readonly CatalogOperation[];
}
