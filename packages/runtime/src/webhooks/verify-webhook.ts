import type { WebhookSignatureMeta } from "../metadata.ts";
import {
  bytesOf,
  concatBytes,
  constantTimeEqual,
  hmacSha256,
  type RawBody,
  toBase64,
  toHex,
} from "./hmac.ts";

/** Why a webhook was refused. */
export type WebhookFailure =
  | "secret-missing"
  | "signature-missing"
  | "timestamp-missing"
  | "timestamp-outside-tolerance"
  | "signature-mismatch"
  | "body-not-json";

/**
 * A webhook whose signature is missing, wrong, or outside the timestamp tolerance, whose body is not
 * JSON, or that was checked without a secret. The message never contains the secret.
 */
export class WebhookVerificationError extends Error {
  override readonly name = "WebhookVerificationError";
  readonly reason: WebhookFailure;

  constructor(reason: WebhookFailure, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** The payload type of each event in openapi-typescript's `webhooks` type. */
export type WebhookPayloads<W> = {
  [E in keyof W]: W[E] extends { post: { requestBody?: { content: { "application/json": infer P } } } }
    ? P
    : never;
};
/** The union of every event payload a vendor sends. */
export type WebhookEvent<W> = WebhookPayloads<W>[keyof W];

type HeaderSource = Headers | Readonly<Record<string, string | undefined>>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** An empty or absent secret would "verify" against a MAC anyone can compute: refuse it up front. */
function requireSecret(secret: unknown): asserts secret is string {
  if (typeof secret !== "string" || secret.length === 0)
    throw new WebhookVerificationError(
      "secret-missing",
      "the webhook secret is empty or missing: pass the signing secret the vendor issued",
    );
}

/** What is signed: the body's bytes, after `<timestamp>.` when the scheme has a timestamp. */
function signedContent(scheme: WebhookSignatureMeta, body: RawBody, timestamp: string | undefined) {
  const bytes = bytesOf(body);
  return scheme.timestampHeader ? concatBytes(bytesOf(`${timestamp ?? ""}.`), bytes) : bytes;
}

async function digest(scheme: WebhookSignatureMeta, secret: string, signed: Uint8Array<ArrayBuffer>) {
  const mac = await hmacSha256(secret, signed);
  return `${scheme.prefix ?? ""}${scheme.encoding === "hex" ? toHex(mac) : toBase64(mac)}`;
}

export interface WebhookInput {
  /**
   * The raw request body exactly as received (not re-serialised JSON): the bytes (`Uint8Array`, a Node
   * `Buffer`, `ArrayBuffer`) or the text. Bytes are checked as they are, BOM and all.
   */
  readonly body: RawBody;
  readonly headers: HeaderSource;
  /** The per-webhook signing secret the vendor issued. */
  readonly secret: string;
  /** Now, in ms since the epoch (tests pin it). */
  readonly now?: number;
}

/** Verifies a webhook's signature (and timestamp, where the scheme has one); throws `WebhookVerificationError`. */
export async function verifyWebhook(scheme: WebhookSignatureMeta, input: WebhookInput): Promise<void> {
  requireSecret(input.secret);
  const signature = header(input.headers, scheme.header)?.trim();
  if (!signature) throw new WebhookVerificationError("signature-missing", `missing ${scheme.header} header`);
  let timestamp: string | undefined;
  if (scheme.timestampHeader) {
    timestamp = header(input.headers, scheme.timestampHeader);
    const seconds = Number(timestamp);
    if (!timestamp || !Number.isFinite(seconds))
      throw new WebhookVerificationError("timestamp-missing", `missing ${scheme.timestampHeader} header`);
    const skew = Math.abs((input.now ?? Date.now()) / 1000 - seconds);
    if (skew > (scheme.toleranceSeconds ?? 300))
      throw new WebhookVerificationError("timestamp-outside-tolerance", "timestamp outside the tolerance");
  }
  const expected = await digest(scheme, input.secret, signedContent(scheme, input.body, timestamp));
  // Hex digits (and the prefix before them) carry no meaning in their case; base64's letters do.
  const matches =
    scheme.encoding === "hex"
      ? constantTimeEqual(expected.toLowerCase(), signature.toLowerCase())
      : constantTimeEqual(expected, signature);
  if (!matches) throw new WebhookVerificationError("signature-mismatch", "signature does not match");
}

/** Signs a body the way the vendor does: the headers to send (used by our mocks and tests). */
export async function signWebhook(
  scheme: WebhookSignatureMeta,
  secret: string,
  body: RawBody,
  now: number = Date.now(),
): Promise<Record<string, string>> {
  requireSecret(secret);
  const timestamp = scheme.timestampHeader ? String(Math.floor(now / 1000)) : undefined;
  const headers: Record<string, string> = {
    [scheme.header]: await digest(scheme, secret, signedContent(scheme, body, timestamp)),
  };
  if (scheme.timestampHeader && timestamp) headers[scheme.timestampHeader] = timestamp;
  return headers;
}

/** A vendor's webhook helpers, typed by the spec's `webhooks:` section. */
export interface WebhookVerifier<W> {
  verify(input: WebhookInput): Promise<void>;
  /** Verifies, then parses the body into the typed event union. */
  parse(input: WebhookInput): Promise<WebhookEvent<W>>;
  sign(secret: string, body: RawBody, now?: number): Promise<Record<string, string>>;
}

// Parsing is lenient where JSON allows: a leading BOM is dropped, invalid UTF-8 becomes U+FFFD (the
// signature was already checked over the exact bytes).
const decoder = /* @__PURE__ */ new TextDecoder();
const asText = (body: RawBody) =>
  typeof body === "string" ? body.replace(/^\uFEFF/, "") : decoder.decode(body);

/** A delivery's body as the typed event; a body that is not JSON is a `WebhookVerificationError`. */
function parseEvent<W>(body: RawBody): WebhookEvent<W> {
  try {
    return JSON.parse(asText(body)) as WebhookEvent<W>;
  } catch (cause) {
    throw new WebhookVerificationError(
      "body-not-json",
      `body is not JSON: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}

export function createWebhookVerifier<W>(scheme: WebhookSignatureMeta): WebhookVerifier<W> {
  return {
    verify: (input) => verifyWebhook(scheme, input),
    async parse(input) {
      await verifyWebhook(scheme, input);
      return parseEvent<W>(input.body);
    },
    sign: (secret, body, now) => signWebhook(scheme, secret, body, now),
  };
}

/** Webhooks of a vendor whose signature scheme is assumed, not documented: see `createWebhookParser`. */
export interface WebhookParser<W> {
  /** Checks the assumed signature scheme; for callers who have confirmed their deliveries use it. */
  verify(input: WebhookInput): Promise<void>;
  /** Parses a delivery into its typed event without verifying anything (headers and secret are ignored). */
  parse(input: Pick<WebhookInput, "body"> & Partial<WebhookInput>): Promise<WebhookEvent<W>>;
  sign(secret: string, body: RawBody, now?: number): Promise<Record<string, string>>;
}

/**
 * For a vendor that does not document how it signs deliveries: `parse` verifies nothing, so an assumed
 * scheme is never enforced; `verify` offers the assumed scheme to callers who opt in.
 */
export function createWebhookParser<W>(assumedScheme: WebhookSignatureMeta): WebhookParser<W> {
  const assumed = createWebhookVerifier<W>(assumedScheme);
  return {
    verify: assumed.verify,
    parse: async (input) => parseEvent<W>(input.body),
    sign: assumed.sign,
  };
}
