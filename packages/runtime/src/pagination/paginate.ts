import type { CallFn, Page, PaginateLimits, Paginator, RequestControls } from "../client/types.ts";
import type { OperationMeta } from "../metadata.ts";
import type { Paginated } from "./page-iteration.ts";

type Init = (RequestControls & Record<string, unknown>) | undefined;

/**
 * Builds `client.paginate(path, init, limits)` over the operations that carry pagination metadata.
 * The paging itself (`page-iteration.ts`) is imported when the first page is asked for, so an
 * application that never paginates does not load it.
 */
export function createPaginate(call: CallFn, operations: readonly OperationMeta[]) {
  const byPath = new Map<string, Paginated>();
  for (const op of operations) if (op.pagination) byPath.set(op.path, op as Paginated);
  return <Item>(path: string, init?: Init, limits: PaginateLimits = {}): Paginator<Item> => {
    const op = byPath.get(path);
    if (!op) throw new TypeError(`${path} is not a paginated operation`);
    const pages = async function* (): AsyncGenerator<Page<Item>> {
      const { iteratePages } = await import("./page-iteration.ts");
      yield* iteratePages<Item>(call, op, init, limits);
    };
    const items = async function* (): AsyncGenerator<Item> {
      const { iterateItems } = await import("./page-iteration.ts");
      yield* iterateItems(pages(), limits.maxItems);
    };
    return {
      pages,
      [Symbol.asyncIterator]: items,
      async toArray() {
        const out: Item[] = [];
        for await (const item of items()) out.push(item);
        return out;
      },
    };
  };
}
