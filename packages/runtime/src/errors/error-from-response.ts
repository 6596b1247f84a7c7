import type { EnvelopeMeta } from "../metadata.ts";
import { type ApiError, errorClassForStatus } from "./api-error.ts";
import { envelopeCode, envelopeDetails, envelopeMessage } from "./envelope.ts";
import type { RedactedRequest } from "./redact.ts";

export interface ResponseFacts {
  readonly status: number;
  readonly headers: Headers;
  readonly requestId: string | undefined;
  readonly request: RedactedRequest | undefined;
  /** How many times the request was sent (retries included). */
  readonly attempts?: number | undefined;
}

/** Builds the typed error for a response whose body was parsed (or kept as text when not JSON). */
export function errorFromResponse<Code, Body>(
  facts: ResponseFacts,
  body: unknown,
  envelope: EnvelopeMeta,
): ApiError<Code, Body> {
  const Class = errorClassForStatus(facts.status);
  const isText = typeof body === "string";
  const { code, other } = isText ? {} : envelopeCode(body, envelope);
  const message =
    withOther(isText ? undefined : envelopeMessage(body, envelope), other) ??
    `HTTP ${facts.status}${isText && body.length > 0 ? `: ${snippet(body)}` : ""}`;
  return new Class<Code, Body>({
    message,
    status: facts.status,
    code: code as Code | undefined,
    details: isText ? undefined : envelopeDetails(body, envelope),
    requestId: facts.requestId,
    request: facts.request,
    headers: facts.headers,
    body: isText ? undefined : (body as Body),
    attempts: facts.attempts,
  });
}

/** The envelope's message with a value from the code's place that is not a documented code. */
function withOther(message: string | undefined, other: string | number | undefined): string | undefined {
  if (other === undefined || message?.includes(String(other))) return message;
  if (message === undefined) return String(other);
  // A number or a single word reads as a code, in brackets; a sentence follows the message.
  if (typeof other === "number" || !/\s/.test(other)) return `${message} (${other})`;
  return /[.!?:]$/.test(message) ? `${message} ${other}` : `${message}: ${other}`;
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}
