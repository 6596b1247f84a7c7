import { describe, expect, it } from "vitest";
import { planAuth } from "./auth-plan.ts";

const request = () => new Request("https://api.test/x?page=2", { method: "GET" });
const applied = (plan: ReturnType<typeof planAuth>, token: string) => plan.apply(request(), token);

describe("planAuth", () => {
  it("sends a bearer token by default (http bearer and OAuth 2.0)", () => {
    const plan = planAuth([{ type: "oauth2", name: "oauth", scopes: [] }]);
    expect(applied(plan, "t1").headers.get("authorization")).toBe("Bearer t1");
    expect(plan.secretHeaders).toEqual(["authorization"]);
  });

  it("sends an API key header with the vendor's scheme word", () => {
    const plan = planAuth([
      { type: "apiKey", name: "key", in: "header", param: "Authorization", prefix: "APIToken" },
    ]);
    expect(applied(plan, "k1").headers.get("authorization")).toBe("APIToken k1");
  });

  it("sends a query token and marks the parameter secret", () => {
    const plan = planAuth([
      { type: "apiKey", name: "board", in: "query", param: "access_token", alsoInBody: true },
    ]);
    const sent = applied(plan, "b1");
    const url = new URL(sent.url);
    expect(url.searchParams.get("access_token")).toBe("b1");
    expect(url.searchParams.get("page")).toBe("2");
    expect(sent.headers.has("authorization")).toBe(false);
    expect(plan.secretParams).toEqual(["access_token"]);
  });
});
