import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { WebhookSignatureMeta } from "../metadata.ts";
import { constantTimeEqual } from "./hmac.ts";
import {
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

  it("constantTimeEqual agrees with === for any strings", () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => constantTimeEqual(a, b) === (a === b)));
    expect(constantTimeEqual("abc", "abc")).toBe(true);
  });
});
