import type { CatalogOperation } from "@workapis/workboard/catalog";
import type { VendorName } from "./vendors.ts";

export type Access = "read" | "write";

/**
 * A read is what the catalog marks `safeRead` (a GET, or a POST the spec marks `x-retry-safe`, as
 * BoardCRM's get, list and export calls, which the vendor takes as POST). Everything else changes data.
 */
export function accessOf(operation: Pick<CatalogOperation, "safeRead">): Access {
  return operation.safeRead ? "read" : "write";
}

export const isDestructive = (operation: Pick<CatalogOperation, "method">): boolean =>
  operation.method === "delete";

/** Which vendors may be written to: none (the default), all, or the named ones. */
export type WritePolicy = false | true | readonly VendorName[];

export function mayCall(
  policy: WritePolicy,
  vendor: VendorName,
  operation: Pick<CatalogOperation, "safeRead">,
): boolean {
  if (accessOf(operation) === "read") return true;
  return policy === true || (Array.isArray(policy) && policy.includes(vendor));
}
