import { describe, expect, it } from "vitest";
import { REDACTED, redactRequest, redactUrl } from "./redact.ts";

describe("redaction", () => {
  it("redacts credentials in headers and query parameters", () => {
    const request = new Request("https://api.test/x?access_token=s3cret&page=2&client_hash=abc", {
      headers: { Authorization: "Bearer s3cret", "X-Custom-Key": "k", Accept: "application/json" },
    });
    const redacted = redactRequest(request, { headers: ["x-custom-key"] });
    const text = JSON.stringify(redacted);
    expect(text).not.toContain("s3cret");
    expect(text).not.toContain("abc");
    expect(redacted.headers["authorization"]).toBe(REDACTED);
    expect(redacted.headers["x-custom-key"]).toBe(REDACTED);
    expect(redacted.headers["accept"]).toBe("application/json");
    expect(new URL(redacted.url).searchParams.get("page")).toBe("2");
  });

  it("strips user info and survives unparsable URLs", () => {
    expect(redactUrl("https://user:pw@api.test/x")).toBe("https://api.test/x");
    expect(redactUrl("not a url?token=zzz")).toBe("not a url");
  });
});
