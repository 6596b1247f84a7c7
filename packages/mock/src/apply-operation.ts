import type { PaginationMeta } from "@workapis/runtime";
import { readPointer } from "@workapis/runtime";
import { errorResponse } from "./error-responses.ts";
import { cloneJson, setPointer, splitPointer, withPointer } from "./json-template.ts";
import type { MockRecord, MockStore } from "./mock-store.ts";
import type { MockOperation, MockRange, MockSpec } from "./types.ts";

export interface OperationInput {
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: unknown;
  /** The request URL (next-url lists answer with the URL of their next page). */
  readonly url?: string;
}

/** What an operation produced: a JSON body and status, or a ready Response (errors). */
export type OperationOutput = { readonly status: number; readonly body: unknown } | Response;

const isRecord = (v: unknown): v is MockRecord => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Request values over a response-shaped record: nested objects merge (a request's `{target}` keeps the
 * response's other metric fields), anything else is replaced.
 */
export function mergeRecord(base: MockRecord, changes: MockRecord): MockRecord {
  const out: MockRecord = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    const current = out[key];
    out[key] = isRecord(current) && isRecord(value) ? mergeRecord(current, value) : value;
  }
  return out;
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Keeps the stored value of any field whose new value has a type the response schema does not allow. */
function keepResponseTypes(op: MockOperation, before: MockRecord, after: MockRecord): MockRecord {
  if (!op.fieldTypes) return after;
  const out = { ...after };
  for (const [field, allowed] of Object.entries(op.fieldTypes)) {
    if (!(field in out)) continue;
    const type = jsonType(out[field]);
    const ok = allowed.includes(type) || (type === "integer" && allowed.includes("number"));
    if (ok) continue;
    if (field in before) out[field] = before[field];
    else delete out[field];
  }
  return out;
}

function recordPointer(op: MockOperation): string | undefined {
  if (op.mock.record !== undefined) return op.mock.record;
  return isRecord(readPointer(op.example, "/data")) ? "/data" : undefined;
}

function idOf(op: MockOperation, input: OperationInput): string | undefined {
  const name = op.mock.idParam;
  if (!name) return Object.values(input.params)[0];
  const fromPath = input.params[name];
  if (fromPath !== undefined) return fromPath;
  const fromBody = isRecord(input.body) ? input.body[name] : undefined;
  if (typeof fromBody === "string" || typeof fromBody === "number") return String(fromBody);
  const fromQuery = input.query[name];
  return typeof fromQuery === "string" ? fromQuery : undefined;
}

function respondWithRecord(op: MockOperation, record: MockRecord | undefined): OperationOutput {
  const pointer = recordPointer(op);
  const body =
    pointer === undefined || record === undefined
      ? cloneJson(op.example)
      : withPointer(op.example, pointer, record);
  return { status: op.successStatus, body };
}

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
    p.style === "offset" ? p.offsetParam : undefined,
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
  if (p.style === "offset") {
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
  if (p.style !== "next-url" && p.total) setPointer(body, p.total, meta["total"]);
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

/** `x-mock.fromBody`: record fields set from request values (a progress value lands on the metric). */
function copyFromBody(op: MockOperation, body: unknown, record: MockRecord): MockRecord {
  let out: unknown = record;
  for (const [target, source] of Object.entries(op.mock.fromBody ?? {})) {
    const value = readPointer(body, source);
    if (value !== undefined) out = withPointer(out, target, value);
  }
  return out as MockRecord;
}

/** `x-mock.embeds`: objects standing for another record take that record's current shared fields. */
function refreshEmbeds(op: MockOperation, store: MockStore, record: MockRecord): MockRecord {
  let out: unknown = record;
  for (const [pointer, resource] of Object.entries(op.mock.embeds ?? {})) {
    const embedded = readPointer(out, pointer);
    if (!isRecord(embedded)) continue;
    const id = embedded[store.idField(resource)];
    const source = typeof id === "string" || typeof id === "number" ? store.get(resource, id) : undefined;
    if (!source) continue;
    const shared = Object.keys(embedded).filter((key) => Object.hasOwn(source, key));
    out = withPointer(out, pointer, {
      ...embedded,
      ...cloneJson(Object.fromEntries(shared.map((k) => [k, source[k]]))),
    });
  }
  return out as MockRecord;
}

/** A validation error when a body field names a record that does not exist (`x-mock.references`). */
function danglingReference(
  spec: MockSpec,
  store: MockStore,
  op: MockOperation,
  payload: MockRecord,
): Response | undefined {
  for (const [field, target] of Object.entries(op.mock.references ?? {})) {
    const ref = payload[field];
    if (ref !== undefined && ref !== null && !store.get(target, ref as string | number)) {
      return errorResponse(spec, op.statuses.includes(422) ? 422 : 400, {
        details: { [field]: [`The selected ${field} is invalid: no ${target} ${String(ref)}.`] },
      });
    }
  }
  return undefined;
}

/** Runs one operation against the store, the way the vendor would. */
export function applyOperation(
  spec: MockSpec,
  store: MockStore,
  op: MockOperation,
  input: OperationInput,
): OperationOutput {
  const { resource, action } = op.mock;
  const missing = op.mock.missingStatus ?? 404;
  const notFound = () =>
    errorResponse(spec, missing, {
      message: missing === 404 ? `No ${resource} with that id` : `No such ${resource}`,
    });
  switch (action) {
    case "list": {
      const ignored = new Set([...(op.pagination ? pageParams(op.pagination) : []), ...op.arrayParams]);
      // RPC lists (POST, paging in the body) take their filters from the body too.
      const filters = op.pagination?.in === "body" && isRecord(input.body) ? input.body : input.query;
      const all = store.peek(resource).filter(recordFilter(filters, ignored, op.mock.ranges));
      const { items, meta } = listPage(op, all, input.query, input.body);
      // The page's records go into the answer as they are stored, uncopied: the answer is serialized
      // at once (createVendorMock's respond) and nothing writes to it.
      return { status: op.successStatus, body: listBody(op, items, meta, input.url) };
    }
    case "get": {
      const id = idOf(op, input);
      const record = id === undefined ? undefined : store.get(resource, id);
      return record ? respondWithRecord(op, record) : notFound();
    }
    case "create": {
      const payload = isRecord(input.body) ? input.body : {};
      const dangling = danglingReference(spec, store, op, payload);
      if (dangling) return dangling;
      const pointer = recordPointer(op);
      const template = pointer === undefined ? undefined : readPointer(op.example, pointer);
      const idField = store.idField(resource);
      const base = isRecord(template) ? template : {};
      // A create that names its own key (a tracker per user) conflicts with an existing record.
      const given = payload[idField];
      if ((typeof given === "string" || typeof given === "number") && store.get(resource, given)) {
        return errorResponse(spec, op.statuses.includes(409) ? 409 : 422, {
          message: `That ${resource} already exists`,
        });
      }
      const id =
        typeof given === "string" || typeof given === "number"
          ? given
          : store.nextId(resource, base[idField]);
      const record: MockRecord = {
        ...keepResponseTypes(op, base, mergeRecord(base, payload)),
        [idField]: id,
      };
      for (const [field, target] of Object.entries(op.mock.nested ?? {})) {
        const child = payload[field];
        if (!isRecord(child)) continue;
        const created = store.insert(target, {
          ...child,
          [store.idField(target)]: store.nextId(target, child[store.idField(target)]),
        });
        // The parent holds the child the way the vendor answers: embedded, by id, or both.
        if (isRecord(base[field])) record[field] = { ...base[field], ...created };
        else delete record[field];
        if (`${field}_id` in base) record[`${field}_id`] = created[store.idField(target)];
      }
      return respondWithRecord(op, store.insert(resource, record));
    }
    case "update":
    case "action": {
      const id = idOf(op, input);
      const current = id === undefined ? undefined : store.get(resource, id);
      if (id === undefined || !current) return notFound();
      for (const [field, allowed] of Object.entries(op.mock.when ?? {})) {
        if (!allowed.includes(current[field])) {
          return errorResponse(spec, op.statuses.includes(409) ? 409 : 422, {
            message: `The ${resource} is ${String(current[field])}; this needs ${field} ${allowed.join(" or ")}`,
          });
        }
      }
      const changes = action === "update" && isRecord(input.body) ? input.body : {};
      const dangling = danglingReference(spec, store, op, changes);
      if (dangling) return dangling;
      const merged = refreshEmbeds(
        op,
        store,
        copyFromBody(op, input.body, mergeRecord(mergeRecord(current, changes), op.mock.set ?? {})),
      );
      const updated = store.update(resource, id, keepResponseTypes(op, current, merged));
      return respondWithRecord(op, updated);
    }
    case "delete": {
      const id = idOf(op, input);
      const record = id === undefined ? undefined : store.get(resource, id);
      if (id === undefined || !record) return notFound();
      store.delete(resource, id);
      // Where the answer names the deleted record ({id, deleted: true}), name the one deleted.
      const pointer = recordPointer(op);
      const slot = pointer === undefined ? undefined : readPointer(op.example, pointer);
      const idField = store.idField(resource);
      if (pointer !== undefined && isRecord(slot) && idField in slot) {
        return {
          status: op.successStatus,
          body: withPointer(op.example, `${pointer}/${idField}`, record[idField]),
        };
      }
      return { status: op.successStatus, body: cloneJson(op.example) };
    }
    // `custom` is answered by the package's mock behaviours; without one, like `read`.
    case "read":
    case "custom":
      return { status: op.successStatus, body: cloneJson(op.example) };
  }
}
