import type { HttpMethodName, OperationMeta } from "../metadata.ts";

/** The listed operations by method, then by path template. */
export type RouteTable = Readonly<Record<HttpMethodName, ReadonlyMap<string, OperationMeta>>>;

export function routeTable(operations: readonly OperationMeta[]): RouteTable {
  const table: Record<HttpMethodName, Map<string, OperationMeta>> = {
    get: new Map(),
    put: new Map(),
    post: new Map(),
    delete: new Map(),
    patch: new Map(),
  };
  for (const op of operations) table[op.method].set(op.path, op);
  return table;
}
