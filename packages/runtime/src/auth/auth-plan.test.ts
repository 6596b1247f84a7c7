import { describe, expect, it } from "vitest";
import { planAuth } from "./auth-plan.ts";

const request = () => new Request("https://api.test/x?page=2");

describe("planAuth", () => {
  it("sends a bearer token by default (http bearer and OAuth 2.0)", () => {
    const plan = planAuth([{ type: "oauth2", name: "oauth", scopes: [] }]);
    expect(plan.apply(request(), "t1").headers.get("authorization")).toBe("Bearer t1");
    expect(plan.secretHeaders).toEqual(["authorization"]);
  });

  it("sends an API key header with the vendor's scheme word", () => {
    const plan = planAuth([
      { type: "apiKey", name: "key", in: "header", param: "Authorization", prefix: "APIToken" },
    ]);
    expect(plan.apply(request(), "k1").headers.get("authorization")).toBe("APIToken k1");
  });

  it("sends a query token and marks the parameter secret", () => {
    const plan = planAuth([
      { type: "apiKey", name: "board", in: "query", param: "access_token", alsoInBody: true },
    ]);
    const url = new URL(plan.apply(request(), "b1").url);
    expect(url.searchParams.get("access_token")).toBe("b1");
    expect(url.searchParams.get("page")).toBe("2");
    expect(plan.secretParams).toEqual(["access_token"]);
  });
});
