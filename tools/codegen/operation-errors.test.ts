import { describe, expect, it } from "vitest";
import { operationErrors } from "./emit-mock-spec.ts";

import type { ModelResponse } from "./spec-model.ts";

/** Responses as the spec model holds them: status → the JSON example. */
const responsesOf = (examples: Record<string, unknown>): ModelResponse[] =>
  Object.entries(examples).map(([status, example]) => ({
    status,
    content: { mediaTypes: ["application/json"], mediaType: "application/json", media: { example }, example },
  }));

describe("operationErrors", () => {
  it("gives failures in the vendor's envelope to the vendor-wide templates", () => {
    const responses = {
      "200": { success: true },
      "401": { success: false, message: "Invalid access token" },
    };
    expect(operationErrors(responsesOf(responses), "/success")).toEqual({
      vendor: { "401": { success: false, message: "Invalid access token" } },
    });
  });

  it("keeps an operation's own error bodies when they lack the vendor's success flag", () => {
    const responses = {
      "200": { success: true },
      "400": { statusCode: 400, error: "Bad Request", details: { invalidValues: ["4"] } },
      "401": { statusCode: 401, error: "Unauthorized", message: "Unauthorized" },
    };
    const { vendor, own } = operationErrors(responsesOf(responses), "/success");
    expect(vendor).toEqual({});
    expect(own?.["401"]).toEqual({ statusCode: 401, error: "Unauthorized", message: "Unauthorized" });
    // The example's particular refused values are not repeated in every validation failure.
    expect(own?.["400"]).toEqual({ statusCode: 400, error: "Bad Request", details: { invalidValues: [] } });
    expect(own?.["default"]).toEqual(own?.["400"]);
  });
});
