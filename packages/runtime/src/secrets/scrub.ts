import { REDACTED } from "../errors/redact.ts";

/** Replaces every occurrence of a known secret in a text by `[redacted]`. */
export type Scrub = (text: string) => string;

/**
 * Secrets shorter than this are not searched for: a one- or two-character "token" would blank out
 * ordinary words of every message, and is no credential worth hiding.
 */
const SHORTEST_SECRET = 4;

/**
 * A scrubber for the given secrets (tokens, client secrets, refresh tokens, webhook secrets). Longer
 * secrets are replaced first, so a secret that contains another is hidden whole. Also hides each
 * secret's URL-encoded form, which is how a token sent in a query string comes back in a URL. What to
 * search for is worked out the first time a text is scrubbed.
 */
export function scrubberFor(secrets: readonly (string | undefined)[]): Scrub {
  let needles: readonly string[] | undefined;
  return (text) => {
    needles ??= needlesOf(secrets);
    let out = text;
    for (const needle of needles) if (out.includes(needle)) out = out.split(needle).join(REDACTED);
    return out;
  };
}

/** Each secret worth hiding and its URL-encoded form, longest first. */
function needlesOf(secrets: readonly (string | undefined)[]): readonly string[] {
  const needles = new Set<string>();
  for (const secret of secrets) {
    if (secret === undefined || secret.length < SHORTEST_SECRET) continue;
    needles.add(secret);
    needles.add(encodeURIComponent(secret));
  }
  return [...needles].sort((a, b) => b.length - a.length);
}

/** A copy of a JSON-like value with every string scrubbed (object keys included). */
export function scrubValue(value: unknown, scrub: Scrub): unknown {
  if (typeof value === "string") return scrub(value);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, scrub));
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[scrub(key)] = scrubValue(item, scrub);
    return out;
  }
  return value;
}

/**
 * Removes the secrets from an error the client is about to hand out: its message, stack, parsed
 * body and details, so that `String(error)`, `JSON.stringify(error)`, `error.stack` and a logger that
 * prints the error show none of them. The error is one the client made and nobody holds yet, so it
 * is changed in place.
 */
export function scrubError<E extends Error>(error: E, scrub: Scrub): E {
  const fields = error as unknown as Record<string, unknown>;
  const message = scrub(error.message);
  if (message !== error.message) error.message = message;
  if (typeof error.stack === "string") error.stack = scrub(error.stack);
  for (const key of ["body", "details", "request"]) {
    if (fields[key] !== undefined) {
      Object.defineProperty(error, key, { value: scrubValue(fields[key], scrub), enumerable: true });
    }
  }
  return error;
}
