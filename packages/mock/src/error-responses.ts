import { readPointer } from "@workapis/runtime/internal";
import { cloneJson, withPointer } from "./json-template.ts";
import type { MockOperation, MockSpec } from "./types.ts";

export interface MockErrorInit {
  readonly message?: string;
  /** Field → messages; written in the vendor's own details style. */
  readonly details?: Readonly<Record<string, readonly string[]>>;
  /** Seconds, sent as `Retry-After` (429). */
  readonly retryAfter?: number;
}

const DEFAULT_MESSAGES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthenticated",
  403: "Forbidden",
  404: "Resource not found",
  409: "Conflict",
  422: "Validation failed",
  429: "Too many requests",
  500: "Internal server error",
};

/**
 * The error bodies an operation answers with: its own documented ones when its failures do not use
 * the vendor's envelope (WorkBoard's API v2 next to v1), else the vendor's.
 */
export function errorStyleOf(spec: MockSpec, op: MockOperation | undefined): MockSpec {
  return op?.errors ? { ...spec, errors: op.errors } : spec;
}

/**
 * Dotted field names as nested objects: `lead.name` → `{lead: {name: …}}`. The objects have no
 * prototype, so a refused key such as `__proto__` is written as a field like any other.
 */
function nested(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const bare = () => Object.create(null) as Record<string, unknown>;
  const out = bare();
  for (const [field, value] of entries) {
    const parts = field.split(".");
    let node = out;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      node[part] = next !== null && typeof next === "object" && !Array.isArray(next) ? next : bare();
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1] as string] = value;
  }
  return out;
}

/** A response in the vendor's own error envelope, built from the spec's error example for that status. */
export function errorResponse(
  spec: MockSpec,
  status: number,
  init: MockErrorInit = {},
  headers: HeadersInit = {},
): Response {
  const template = spec.errors[String(status)] ?? spec.errors["default"] ?? {};
  let body = withPointer(
    cloneJson(template),
    spec.envelope.message,
    init.message ?? DEFAULT_MESSAGES[status] ?? `HTTP ${status}`,
  );
  const detailsPointer = spec.envelope.details;
  if (detailsPointer) {
    if (init.details) {
      const entries = Object.entries(init.details).map(
        ([field, messages]) =>
          [field, spec.detailsStyle === "array" ? [...messages] : messages.join(" ")] as const,
      );
      const details = spec.nestedDetails ? nested(entries) : Object.fromEntries(entries);
      body = withPointer(body, detailsPointer, details);
    } else if (status !== 422 && readPointer(template, detailsPointer) !== undefined) {
      body = withPointer(body, detailsPointer, readPointer(template, detailsPointer));
    }
  }
  const out = new Headers(headers);
  out.set("Content-Type", "application/json");
  if (init.retryAfter !== undefined) out.set("Retry-After", String(init.retryAfter));
  return new Response(JSON.stringify(body), { status, headers: out });
}

/** Validation problems (ajv errors) as field → messages. */
export function fieldErrors(
  errors: readonly { instancePath: string; message?: string; params?: Record<string, unknown> }[],
  prefix = "",
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) {
    const missing =
      typeof e.params?.["missingProperty"] === "string" ? e.params["missingProperty"] : undefined;
    const additional =
      typeof e.params?.["additionalProperty"] === "string" ? e.params["additionalProperty"] : undefined;
    const path = [e.instancePath.slice(1).replace(/\//g, "."), missing ?? additional]
      .filter((p): p is string => Boolean(p))
      .join(".");
    const field = `${prefix}${path}` || "body";
    const message = missing
      ? `The ${missing} field is required.`
      : additional
        ? `The ${additional} field is not allowed.`
        : `The ${field} field ${e.message ?? "is invalid"}.`;
    out[field] = [...(out[field] ?? []), message];
  }
  return out;
}
