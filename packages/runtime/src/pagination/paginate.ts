import type { CallFn, Page, PaginateLimits, Paginator, RequestControls } from "../client/types.ts";
import type { OperationMeta } from "../metadata.ts";
import { iterateItems, iteratePages, type Paginated } from "./page-iteration.ts";

type Init = (RequestControls & Record<string, unknown>) | undefined;

/** Builds `client.paginate(path, init, limits)` over the operations that carry pagination metadata. */
export function createPaginate(call: CallFn, operations: readonly OperationMeta[]) {
  const byPath = new Map<string, Paginated>();
  for (const op of operations) if (op.pagination) byPath.set(op.path, op as Paginated);
  return <Item>(path: string, init?: Init, limits: PaginateLimits = {}): Paginator<Item> => {
    const op = byPath.get(path);
    if (!op) throw new TypeError(`${path} is not a paginated operation`);
    const pages = (): AsyncGenerator<Page<Item>> => iteratePages<Item>(call, op, init, limits);
    const items = () => iterateItems(pages(), limits.maxItems);
    return {
      pages,
      [Symbol.asyncIterator]: () => items(),
      async toArray() {
        const out: Item[] = [];
        for await (const item of items()) out.push(item);
        return out;
      },
    };
  };
}
