import type { WebhookSignatureMeta } from "../metadata.ts";
import { constantTimeEqual, hmacSha256, toBase64, toHex } from "./hmac.ts";

/** A webhook whose signature is missing, wrong, or outside the timestamp tolerance. */
export class WebhookVerificationError extends Error {
  override readonly name = "WebhookVerificationError";
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

const decoder = /* @__PURE__ */ new TextDecoder();
const asText = (body: string | Uint8Array) => (typeof body === "string" ? body : decoder.decode(body));

async function digest(scheme: WebhookSignatureMeta, secret: string, signed: string): Promise<string> {
  const mac = await hmacSha256(secret, signed);
  return `${scheme.prefix ?? ""}${scheme.encoding === "hex" ? toHex(mac) : toBase64(mac)}`;
}

function signedContent(scheme: WebhookSignatureMeta, body: string, timestamp: string | undefined): string {
  return scheme.timestampHeader ? `${timestamp ?? ""}.${body}` : body;
}

export interface WebhookInput {
  /** The raw request body exactly as received (not re-serialised JSON). */
  readonly body: string | Uint8Array;
  readonly headers: HeaderSource;
  /** The per-webhook signing secret the vendor issued. */
  readonly secret: string;
  /** Now, in ms since the epoch (tests pin it). */
  readonly now?: number;
}

/** Verifies a webhook's signature (and timestamp, where the scheme has one); throws `WebhookVerificationError`. */
export async function verifyWebhook(scheme: WebhookSignatureMeta, input: WebhookInput): Promise<void> {
  const signature = header(input.headers, scheme.header);
  if (!signature) throw new WebhookVerificationError(`missing ${scheme.header} header`);
  let timestamp: string | undefined;
  if (scheme.timestampHeader) {
    timestamp = header(input.headers, scheme.timestampHeader);
    const seconds = Number(timestamp);
    if (!timestamp || !Number.isFinite(seconds))
      throw new WebhookVerificationError(`missing ${scheme.timestampHeader} header`);
    const skew = Math.abs((input.now ?? Date.now()) / 1000 - seconds);
    if (skew > (scheme.toleranceSeconds ?? 300))
      throw new WebhookVerificationError("timestamp outside the tolerance");
  }
  const expected = await digest(scheme, input.secret, signedContent(scheme, asText(input.body), timestamp));
  if (!constantTimeEqual(expected, signature.trim()))
    throw new WebhookVerificationError("signature does not match");
}

/** Signs a body the way the vendor does: the headers to send (used by our mocks and tests). */
export async function signWebhook(
  scheme: WebhookSignatureMeta,
  secret: string,
  body: string,
  now: number = Date.now(),
): Promise<Record<string, string>> {
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
  sign(secret: string, body: string, now?: number): Promise<Record<string, string>>;
}

export function createWebhookVerifier<W>(scheme: WebhookSignatureMeta): WebhookVerifier<W> {
  return {
    verify: (input) => verifyWebhook(scheme, input),
    async parse(input) {
      await verifyWebhook(scheme, input);
      try {
        return JSON.parse(asText(input.body)) as WebhookEvent<W>;
      } catch (cause) {
        throw new WebhookVerificationError(
          `body is not JSON: ${cause instanceof Error ? cause.message : String(cause)}`,
        );
      }
    },
    sign: (secret, body, now) => signWebhook(scheme, secret, body, now),
  };
}
