import type { MockRecord } from "./mock-store.ts";
import type { MockOperation } from "./types.ts";

export const isRecord = (v: unknown): v is MockRecord =>
  v !== null && typeof v === "object" && !Array.isArray(v);

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
export function keepResponseTypes(op: MockOperation, before: MockRecord, after: MockRecord): MockRecord {
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
