import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { WebhookSignatureMeta } from "../metadata.ts";
import { constantTimeEqual } from "./hmac.ts";
import {
  createWebhookParser,
  createWebhookVerifier,
  signWebhook,
  verifyWebhook,
  WebhookVerificationError,
} from "./verify-webhook.ts";

const hexScheme: WebhookSignatureMeta = {
  header: "X-Sig",
  algorithm: "hmac-sha256",
  encoding: "hex",
  prefix: "sha256=",
};
const timed: WebhookSignatureMeta = {
  header: "X-Sig",
  algorithm: "hmac-sha256",
  encoding: "base64",
  timestampHeader: "X-Ts",
  toleranceSeconds: 300,
};
const secret = "whsec_test_0123456789";
const body = '{"event":"tracker.started","data":{"user_id":7}}';

describe("webhook signatures", () => {
  it("matches an independent HMAC implementation (node:crypto)", async () => {
    const headers = await signWebhook(hexScheme, secret, body);
    expect(headers["X-Sig"]).toBe(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
    await expect(verifyWebhook(hexScheme, { body, headers, secret })).resolves.toBeUndefined();
    await expect(
      verifyWebhook(hexScheme, {
        body: new TextEncoder().encode(body),
        headers: new Headers(headers),
        secret,
      }),
    ).resolves.toBeUndefined();
  });

  it("rejects a tampered body, a wrong secret and a missing header", async () => {
    const headers = await signWebhook(hexScheme, secret, body);
    await expect(verifyWebhook(hexScheme, { body: body.replace("7", "8"), headers, secret })).rejects.toThrow(
      WebhookVerificationError,
    );
    await expect(verifyWebhook(hexScheme, { body, headers, secret: "whsec_other" })).rejects.toThrow(
      "does not match",
    );
    await expect(verifyWebhook(hexScheme, { body, headers: {}, secret })).rejects.toThrow("missing X-Sig");
  });

  it("signs timestamp.body and enforces the tolerance", async () => {
    const now = Date.parse("2026-03-01T12:00:00Z");
    const headers = await signWebhook(timed, secret, body, now);
    const expected = createHmac("sha256", secret).update(`${headers["X-Ts"]}.${body}`).digest("base64");
    expect(headers["X-Sig"]).toBe(expected);
    await expect(
      verifyWebhook(timed, { body, headers, secret, now: now + 299_000 }),
    ).resolves.toBeUndefined();
    await expect(verifyWebhook(timed, { body, headers, secret, now: now + 301_000 })).rejects.toThrow(
      "tolerance",
    );
    await expect(
      verifyWebhook(timed, { body, headers: { "X-Sig": headers["X-Sig"] ?? "" }, secret, now }),
    ).rejects.toThrow("X-Ts");
  });

  it("parses a verified body into the typed event, and refuses non-JSON", async () => {
    type Hooks = {
      "tracker.started": {
        post: {
          requestBody: {
            content: { "application/json": { event: "tracker.started"; data: { user_id: number } } };
          };
        };
      };
    };
    const verifier = createWebhookVerifier<Hooks>(hexScheme);
    const event = await verifier.parse({ body, headers: await verifier.sign(secret, body), secret });
    expect(event.data.user_id).toBe(7);
    const junk = "not json";
    await expect(
      verifier.parse({ body: junk, headers: await verifier.sign(secret, junk), secret }),
    ).rejects.toThrow("not JSON");
  });

  it("verifies the raw bytes as received: a BOM or invalid UTF-8 signed over its bytes", async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body)]);
    const invalid = new Uint8Array([0x7b, 0x22, 0x78, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d]);
    for (const bytes of [bom, invalid]) {
      const mac = createHmac("sha256", secret).update(bytes).digest("hex");
      const headers = { "X-Sig": `sha256=${mac}` };
      await expect(verifyWebhook(hexScheme, { body: bytes, headers, secret })).resolves.toBeUndefined();
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      await expect(verifyWebhook(hexScheme, { body: buffer, headers, secret })).resolves.toBeUndefined();
      // A Node Buffer is a view into a larger pool: only its own bytes are signed.
      const pooled = Buffer.concat([Buffer.from("padding"), Buffer.from(bytes)]).subarray(7);
      await expect(verifyWebhook(hexScheme, { body: pooled, headers, secret })).resolves.toBeUndefined();
    }
  });

  it("verifies timestamped signatures over the bytes, and signs bytes the same way", async () => {
    const now = Date.parse("2026-03-01T12:00:00Z");
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d, 0xff]);
    const headers = await signWebhook(timed, secret, bytes, now);
    const expected = createHmac("sha256", secret)
      .update(Buffer.concat([Buffer.from(`${headers["X-Ts"]}.`), bytes]))
      .digest("base64");
    expect(headers["X-Sig"]).toBe(expected);
    await expect(verifyWebhook(timed, { body: bytes, headers, secret, now })).resolves.toBeUndefined();
  });

  it("accepts hex signatures in either case", async () => {
    const mac = createHmac("sha256", secret).update(body).digest("hex");
    for (const signature of [`sha256=${mac.toUpperCase()}`, `SHA256=${mac.toUpperCase()}`, `sha256=${mac}`])
      await expect(
        verifyWebhook(hexScheme, { body, headers: { "X-Sig": signature }, secret }),
      ).resolves.toBeUndefined();
    const base64 = createHmac("sha256", secret).update(body).digest("base64");
    const flipped = base64.replace(/[a-z]/, (c) => c.toUpperCase());
    const untimed = { ...timed, timestampHeader: undefined } as unknown as WebhookSignatureMeta;
    await expect(
      verifyWebhook(untimed, { body, headers: { "X-Sig": base64 }, secret }),
    ).resolves.toBeUndefined();
    await expect(verifyWebhook(untimed, { body, headers: { "X-Sig": flipped }, secret })).rejects.toThrow(
      "does not match",
    );
  });

  it("refuses an empty or missing secret with a WebhookVerificationError", async () => {
    const headers = { "X-Sig": "sha256=00" };
    for (const empty of ["", undefined as unknown as string]) {
      const error = await verifyWebhook(hexScheme, { body, headers, secret: empty }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WebhookVerificationError);
      expect((error as WebhookVerificationError).reason).toBe("secret-missing");
      expect((error as Error).message).toContain("secret");
      await expect(signWebhook(hexScheme, empty, body)).rejects.toThrow(WebhookVerificationError);
    }
  });

  it("never puts the secret in a failure's message", async () => {
    const verifier = createWebhookVerifier<Record<string, never>>(timed);
    const now = Date.parse("2026-03-01T12:00:00Z");
    const junk = "not json {";
    const signed = await verifier.sign(secret, junk, now);
    const failures = [
      () => verifier.verify({ body, headers: {}, secret, now }),
      () => verifier.verify({ body, headers: { "X-Sig": "abc" }, secret, now }),
      () => verifier.verify({ body, headers: { "X-Sig": "abc", "X-Ts": "1" }, secret, now }),
      () => verifier.verify({ body, headers: { "X-Sig": "abc", "X-Ts": String(now / 1000) }, secret, now }),
      () => verifier.parse({ body: junk, headers: signed, secret, now }),
    ];
    for (const failure of failures) {
      const error = await failure().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WebhookVerificationError);
      expect(`${String(error)} ${JSON.stringify(error)} ${(error as Error).stack}`).not.toContain(secret);
    }
  });

  it("constantTimeEqual agrees with === for any strings", () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => constantTimeEqual(a, b) === (a === b)));
    expect(constantTimeEqual("abc", "abc")).toBe(true);
  });
});

describe("createWebhookParser (an assumed, undocumented signature scheme)", () => {
  const parser = createWebhookParser<{
    "tracker.started": { post: { requestBody: { content: { "application/json": { event: string } } } } };
  }>(hexScheme);

  it("parses a delivery that carries no signature at all: the assumed scheme is not enforced", async () => {
    await expect(parser.parse({ body: new TextEncoder().encode(body) })).resolves.toEqual(JSON.parse(body));
    await expect(parser.parse({ body, headers: { "X-Sig": "sha256=00" }, secret })).resolves.toMatchObject({
      event: "tracker.started",
    });
  });

  it("still refuses a body that is not JSON, with a typed reason", async () => {
    await expect(parser.parse({ body: "not json" })).rejects.toMatchObject({ reason: "body-not-json" });
  });

  it("checks the assumed scheme when the caller opts in with verify()", async () => {
    const headers = await parser.sign(secret, body);
    await expect(parser.verify({ body, headers, secret })).resolves.toBeUndefined();
    await expect(parser.verify({ body, headers: {}, secret })).rejects.toMatchObject({
      reason: "signature-missing",
    });
  });
});
