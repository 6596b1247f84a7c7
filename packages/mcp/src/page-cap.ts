import { readPointer, tokensOf } from "@workapis/runtime/internal";

/** What a capped answer says about the items it left out. */
export interface PageCap {
  /** Items in the page the vendor answered. */
  readonly received: number;
  /** Items in this answer. */
  readonly returned: number;
  readonly truncated: boolean;
  readonly maxItems: number;
}

/** A copy of `data` with the array at `pointer` replaced by `items` (the rest shared, not copied). */
function withItems(data: unknown, tokens: readonly string[], items: unknown[]): unknown {
  const [head, ...rest] = tokens;
  if (head === undefined) return items;
  if (Array.isArray(data)) {
    const copy = [...data];
    copy[Number(head)] = withItems(data[Number(head)], rest, items);
    return copy;
  }
  const record = data as Record<string, unknown>;
  return { ...record, [head]: withItems(record[head], rest, items) };
}

/**
 * Keeps at most `maxItems` of a list answer's items: those at the operation's pagination pointer, or
 * the answer itself when it is an array. Other answers are returned as they are.
 */
export function capItems(
  data: unknown,
  itemsPointer: string | undefined,
  maxItems: number,
): { data: unknown; page?: PageCap } {
  const pointer = itemsPointer ?? (Array.isArray(data) ? "" : undefined);
  if (pointer === undefined) return { data };
  const items = readPointer(data, pointer);
  if (!Array.isArray(items)) return { data };
  const page = {
    received: items.length,
    returned: Math.min(items.length, maxItems),
    truncated: items.length > maxItems,
    maxItems,
  };
  if (!page.truncated) return { data, page };
  return { data: withItems(data, pointer === "" ? [] : tokensOf(pointer), items.slice(0, maxItems)), page };
}
