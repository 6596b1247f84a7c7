import { describe, expect, it } from "vitest";
import { operationErrors } from "./emit-mock-spec.ts";

const json = (example: unknown) => ({ content: { "application/json": { example } } });
const doc = {};

describe("operationErrors", () => {
  it("gives failures in the vendor's envelope to the vendor-wide templates", () => {
    const responses = {
      "200": json({ success: true }),
      "401": json({ success: false, message: "Invalid access token" }),
    };
    expect(operationErrors(doc, responses, "/success")).toEqual({
      vendor: { "401": { success: false, message: "Invalid access token" } },
    });
  });

  it("keeps an operation's own error bodies when they lack the vendor's success flag", () => {
    const responses = {
      "200": json({ success: true }),
      "400": json({ statusCode: 400, error: "Bad Request", details: { invalidValues: ["4"] } }),
      "401": json({ statusCode: 401, error: "Unauthorized", message: "Unauthorized" }),
    };
    const { vendor, own } = operationErrors(doc, responses, "/success");
    expect(vendor).toEqual({});
    expect(own?.["401"]).toEqual({ statusCode: 401, error: "Unauthorized", message: "Unauthorized" });
    // The example's particular refused values are not repeated in every validation failure.
    expect(own?.["400"]).toEqual({ statusCode: 400, error: "Bad Request", details: { invalidValues: [] } });
    expect(own?.["default"]).toEqual(own?.["400"]);
  });
});
