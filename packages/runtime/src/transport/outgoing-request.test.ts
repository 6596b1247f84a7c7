import { describe, expect, it } from "vitest";
import { OutgoingRequest } from "./outgoing-request.ts";

describe("OutgoingRequest", () => {
  it("keeps openapi-fetch's headers object and init, and reads its body from the init", () => {
    const headers = new Headers({ "X-Trace": "t-1" });
    const init = { method: "PUT", headers, body: "{}", cache: "no-store" } as const;
    const request = new OutgoingRequest("https://api.test/x", init);
    expect(request.url).toBe("https://api.test/x");
    expect(request.method).toBe("PUT");
    expect(request.headers).toBe(headers);
    expect(request.body).toBe("{}");
    expect(request.init).toBe(init);
  });

  it("is a GET without a body when the init names neither", () => {
    const request = new OutgoingRequest("https://api.test/x", { headers: new Headers() });
    expect(request.method).toBe("GET");
    expect(request.body).toBeNull();
  });
});
