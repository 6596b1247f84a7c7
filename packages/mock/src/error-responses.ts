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
      const details = Object.fromEntries(
        Object.entries(init.details).map(([field, messages]) => [
          field,
          spec.detailsStyle === "array" ? [...messages] : messages.join(" "),
        ]),
      );
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
