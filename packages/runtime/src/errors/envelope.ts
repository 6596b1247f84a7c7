import type { EnvelopeMeta } from "../metadata.ts";
import { readPointer } from "../util/json-pointer.ts";
import type { ErrorDetails } from "./api-error.ts";

export function envelopeMessage(body: unknown, envelope: EnvelopeMeta): string | undefined {
  const message = readPointer(body, envelope.message);
  return typeof message === "string" && message.length > 0 ? message : undefined;
}

/**
 * The value at the envelope's code pointer, split in two: `code` when it is one the vendor documents
 * (given as the documented value, so `"4030"` reads as `4030`), `other` when it is anything else worth
 * telling the caller (a sentence, an unpublished number).
 */
export function envelopeCode(
  body: unknown,
  envelope: EnvelopeMeta,
): { readonly code?: string | number; readonly other?: string | number } {
  if (envelope.code === undefined) return {};
  const value = readPointer(body, envelope.code);
  if (typeof value !== "number" && (typeof value !== "string" || value.length === 0)) return {};
  if (envelope.codes === undefined) return { code: value };
  const documented = envelope.codes.find((code) => String(code) === String(value));
  return documented === undefined ? { other: value } : { code: documented };
}

/**
 * Normalises the vendors' field-error shapes to field → messages: `{email: ["…"]}`,
 * `{email: "…"}`, and nested objects (`{lead: {name: "…"}}` → `lead.name`).
 */
export function normaliseDetails(value: unknown, prefix = ""): ErrorDetails | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const out: Record<string, readonly string[]> = {};
  for (const [key, entry] of Object.entries(value)) {
    const field = prefix ? `${prefix}.${key}` : key;
    if (typeof entry === "string") out[field] = [entry];
    else if (Array.isArray(entry))
      out[field] = entry.map((m) => (typeof m === "string" ? m : JSON.stringify(m)));
    else if (entry !== null && typeof entry === "object") Object.assign(out, normaliseDetails(entry, field));
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function envelopeDetails(body: unknown, envelope: EnvelopeMeta): ErrorDetails | undefined {
  return envelope.details === undefined ? undefined : normaliseDetails(readPointer(body, envelope.details));
}
