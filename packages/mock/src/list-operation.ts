import type { PaginationMeta } from "@workapis/runtime";
import { readPointer } from "@workapis/runtime/internal";
import { cloneJson, setPointer, splitPointer, withPointer } from "./json-template.ts";
import type { MockRecord, MockStore } from "./mock-store.ts";
import type { OperationInput, OperationOutput } from "./operation-io.ts";
import { isRecord } from "./record-merge.ts";
import type { MockOperation, MockRange } from "./types.ts";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const compareText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** The order of a record value and a bound: by day for a date bound, by instant, by number, by text. */
function order(value: unknown, bound: unknown): number | undefined {
  if (typeof value === "number" && typeof bound === "number") return value - bound;
  if (typeof value !== "string" || typeof bound !== "string") return undefined;
  if (DAY.test(bound)) return compareText(value.slice(0, 10), bound);
  const a = Date.parse(value);
  const b = Date.parse(bound);
  return Number.isNaN(a) || Number.isNaN(b) ? compareText(value, bound) : a - b;
}

function withinRange(record: MockRecord, range: MockRange, bound: unknown): boolean {
  const o = order(record[range.field], bound);
  if (o === undefined) return false;
  return range.compare === ">="
    ? o >= 0
    : range.compare === "<="
      ? o <= 0
      : range.compare === ">"
        ? o > 0
        : o < 0;
}

/**
 * Scalar query parameters that name a record field filter the list (`status=approved`, `project_id=5`);
 * those in `x-mock.ranges` bound a field instead (`date_from=2025-03-01`: on or after that day).
 * The query is read once per request, not once per stored record.
 */
function recordFilter(
  query: Readonly<Record<string, unknown>>,
  ignored: ReadonlySet<string>,
  ranges: Readonly<Record<string, MockRange>> = {},
): (record: MockRecord) => boolean {
  const bounds: { range: MockRange; bound: unknown }[] = [];
  const equals: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const range = Object.hasOwn(ranges, key) ? ranges[key] : undefined;
    if (range) bounds.push({ range, bound: value });
    // Values arrive coerced by the validators (numbers, booleans), or as strings without validation.
    else if (!ignored.has(key) && typeof value !== "object") equals.push({ key, text: String(value) });
  }
  return (record) => {
    for (const { range, bound } of bounds) if (!withinRange(record, range, bound)) return false;
    for (const { key, text } of equals) {
      if (!(key in record)) continue;
      const field = record[key];
      if (field !== null && typeof field === "object") continue;
      if (field === null || String(field) !== text) return false;
    }
    return true;
  };
}

function pageParams(p: PaginationMeta): string[] {
  return [
    p.sizeParam,
    p.style === "page" ? p.pageParam : p.style === "next-url" ? "page" : undefined,
    p.style === "offset" || p.style === "next-offset" ? p.offsetParam : undefined,
  ].filter((n): n is string => n !== undefined);
}

function listPage(
  op: MockOperation,
  records: MockRecord[],
  query: Readonly<Record<string, unknown>>,
  body: unknown,
) {
  const p = op.pagination;
  if (!p) return { items: records, meta: {} as Record<string, number> };
  const source = p.in === "body" && isRecord(body) ? body : query;
  const num = (name: string | undefined, fallback: number) => {
    const raw = name === undefined ? undefined : Number(source[name]);
    return raw !== undefined && Number.isFinite(raw) && raw > 0 ? Math.floor(raw) : fallback;
  };
  const size = Math.min(num(p.sizeParam, p.defaultSize ?? 20), p.maxSize ?? Number.POSITIVE_INFINITY);
  const total = records.length;
  const lastPage = Math.max(1, Math.ceil(total / size));
  if (p.style === "offset" || p.style === "next-offset") {
    const offset =
      p.offsetParam && Number(source[p.offsetParam]) > 0 ? Math.floor(Number(source[p.offsetParam])) : 0;
    return { items: records.slice(offset, offset + size), meta: { total, offset, limit: size } };
  }
  // next-url lists page on a `page` cursor the mock writes into the next URL itself.
  const page = p.style === "page" ? num(p.pageParam, 1) : num("page", 1);
  return { items: records.slice((page - 1) * size, page * size), meta: { total, page, size, lastPage } };
}

/** Each list operation's success example with an empty item list: the part every answer copies. */
const listTemplates = new WeakMap<MockOperation, unknown>();
function listTemplate(op: MockOperation, itemsPointer: string): unknown {
  let template = listTemplates.get(op);
  if (template === undefined) {
    template = withPointer(op.example, itemsPointer, []);
    listTemplates.set(op, template);
  }
  return template;
}

function listBody(
  op: MockOperation,
  items: MockRecord[],
  meta: Record<string, number>,
  url?: string,
): unknown {
  const p = op.pagination;
  const itemsPointer = p?.items ?? "/data";
  // One copy of the template without its example items, then every field set in place.
  const body = setPointer(cloneJson(listTemplate(op, itemsPointer)), itemsPointer, items);
  if (!p) return body;
  if ((p.style === "page" || p.style === "offset") && p.total) setPointer(body, p.total, meta["total"]);
  if (p.style === "page") {
    if (p.lastPage) setPointer(body, p.lastPage, meta["lastPage"]);
    const siblings = p.total ?? p.lastPage;
    if (siblings) {
      // Fill the page block's other numbers where the template has them (current_page, per_page …).
      const { parent } = splitPointer(siblings);
      const block = readPointer(body, parent);
      if (isRecord(block)) {
        for (const key of Object.keys(block)) {
          if (/^(current_)?page$/.test(key)) setPointer(body, `${parent}/${key}`, meta["page"]);
          if (/^(per_page|page_size|size|limit)$/.test(key))
            setPointer(body, `${parent}/${key}`, meta["size"]);
        }
      }
    }
  }
  if (p.style === "next-offset") {
    const following = (meta["offset"] ?? 0) + (meta["limit"] ?? 0);
    setPointer(body, p.next, following < (meta["total"] ?? 0) ? following : null);
    // Fill the offset and size beside the next offset where the template has them.
    const { parent } = splitPointer(p.next);
    const block = readPointer(body, parent);
    if (isRecord(block)) {
      for (const key of Object.keys(block)) {
        if (key === p.offsetParam || key === "offset") setPointer(body, `${parent}/${key}`, meta["offset"]);
        if (key === p.sizeParam || /^(limit|per_page|page_size|size)$/.test(key))
          setPointer(body, `${parent}/${key}`, meta["limit"]);
      }
    }
  }
  if (p.style === "next-url") {
    const more = (meta["page"] ?? 1) < (meta["lastPage"] ?? 1);
    let next: string | null = null;
    if (more && url) {
      const target = new URL(url);
      target.searchParams.set("page", String((meta["page"] ?? 1) + 1));
      next = target.toString();
    }
    setPointer(body, p.next, next);
    const { parent } = splitPointer(p.next);
    const block = readPointer(body, parent);
    if (isRecord(block) && typeof block["more"] === "boolean") setPointer(body, `${parent}/more`, more);
  }
  return body;
}

/** A list operation: the stored records its filters keep, one page of them, in the list's envelope. */
export function applyList(store: MockStore, op: MockOperation, input: OperationInput): OperationOutput {
  const ignored = new Set([...(op.pagination ? pageParams(op.pagination) : []), ...op.arrayParams]);
  // RPC lists (POST, paging in the body) take their filters from the body too.
  const filters = op.pagination?.in === "body" && isRecord(input.body) ? input.body : input.query;
  const all = store.peek(op.mock.resource).filter(recordFilter(filters, ignored, op.mock.ranges));
  const { items, meta } = listPage(op, all, input.query, input.body);
  // The page's records go into the answer as they are stored, uncopied: the answer is serialized
  // at once (createVendorMock's respond) and nothing writes to it.
  return { status: op.successStatus, body: listBody(op, items, meta, input.url) };
}
