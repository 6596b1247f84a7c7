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

describe("redaction by pattern", () => {
  it("redacts any header or parameter whose name speaks of auth, tokens, secrets, keys, passwords, cookies or sessions", () => {
    const request = new Request(
      "https://api.test/x?api_key=k1&session_id=s1&my_password=p1&sig=keep&page=2",
      {
        headers: {
          "X-Auth-Token": "h1",
          "X-Vendor-Secret": "h2",
          "X-Session": "h3",
          "Set-Cookie2": "h4",
          "X-Passwd": "h5",
          "X-Trace": "visible",
        },
      },
    );
    const redacted = redactRequest(request);
    const text = JSON.stringify(redacted);
    for (const secret of ["k1", "s1", "p1", "h1", "h2", "h3", "h4", "h5"]) expect(text).not.toContain(secret);
    expect(redacted.headers["x-trace"]).toBe("visible");
    const query = new URL(redacted.url).searchParams;
    expect(query.get("sig")).toBe("keep");
    expect(query.get("page")).toBe("2");
  });
});
