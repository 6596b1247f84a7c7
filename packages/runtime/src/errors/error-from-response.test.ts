import { describe, expect, it } from "vitest";
import type { EnvelopeMeta } from "../metadata.ts";
import {
  ApiError,
  AuthenticationError,
  InternalServerError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "./api-error.ts";
import { normaliseDetails } from "./envelope.ts";
import { errorFromResponse } from "./error-from-response.ts";
import { failureEnvelopeCheck } from "./failure-envelope.ts";

const webwork: EnvelopeMeta = {
  success: "/success",
  message: "/message",
  code: "/error",
  details: "/errors",
};
const boardcrm: EnvelopeMeta = {
  success: "/status",
  message: "/message",
  code: "/error",
  details: "/details",
};
const facts = (status: number) => ({
  status,
  headers: new Headers(),
  requestId: "req-1",
  request: undefined,
});

describe("errorFromResponse", () => {
  it("maps statuses to classes and reads message, code and field details", () => {
    const body = {
      success: false,
      message: "Validation failed",
      errors: { email: ["The email field is required."], role: ["The selected role is invalid."] },
    };
    const error = errorFromResponse(facts(422), body, webwork);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe("Validation failed");
    expect(error.details).toEqual({
      email: ["The email field is required."],
      role: ["The selected role is invalid."],
    });
    expect(error.requestId).toBe("req-1");
    expect(error.body).toEqual(body);
    expect(errorFromResponse(facts(401), {}, webwork)).toBeInstanceOf(AuthenticationError);
    expect(errorFromResponse(facts(403), {}, webwork)).toBeInstanceOf(PermissionDeniedError);
    expect(errorFromResponse(facts(429), {}, webwork)).toBeInstanceOf(RateLimitError);
    expect(errorFromResponse(facts(503), {}, webwork)).toBeInstanceOf(InternalServerError);
  });

  it("reads numeric codes and nested field maps (BoardCRM)", () => {
    const error = errorFromResponse(
      facts(200),
      {
        status: false,
        error: 4030,
        message: "Access error",
        details: { title: "required", lead: { name: "too long" } },
      },
      boardcrm,
    );
    expect(error.code).toBe(4030);
    expect(error.details).toEqual({ title: ["required"], "lead.name": ["too long"] });
  });

  it("reads only documented codes as code; a sentence at the code's place goes to the message", () => {
    const undocumented: EnvelopeMeta = { ...webwork, codes: [] };
    const detailed = errorFromResponse(
      facts(401),
      { success: false, message: "Unauthorized", error: "Invalid or expired access token." },
      undocumented,
    );
    expect(detailed.code).toBeUndefined();
    expect(detailed.message).toBe("Unauthorized: Invalid or expired access token.");
    const alone = errorFromResponse(
      facts(400),
      { success: false, error: "The name is required." },
      undocumented,
    );
    expect(alone.code).toBeUndefined();
    expect(alone.message).toBe("The name is required.");
    const nothing = errorFromResponse(
      facts(500),
      { success: false, message: "Oops", error: null },
      undocumented,
    );
    expect([nothing.code, nothing.message]).toEqual([undefined, "Oops"]);
    const punctuated = errorFromResponse(
      facts(400),
      { success: false, message: "Request failed.", error: "The name is required." },
      undocumented,
    );
    expect(punctuated.message).toBe("Request failed. The name is required.");
  });

  it("keeps a documented code and turns an undocumented one into part of the message", () => {
    const documented: EnvelopeMeta = { ...boardcrm, codes: [4030] };
    const known = errorFromResponse(
      facts(200),
      { status: false, error: 4030, message: "Access error" },
      documented,
    );
    expect([known.code, known.message]).toEqual([4030, "Access error"]);
    const asText = errorFromResponse(
      facts(200),
      { status: false, error: "4030", message: "Access error" },
      documented,
    );
    expect(asText.code).toBe(4030);
    const unknown = errorFromResponse(
      facts(200),
      { status: false, error: 5001, message: "Failure" },
      documented,
    );
    expect([unknown.code, unknown.message]).toEqual([undefined, "Failure (5001)"]);
    const named: EnvelopeMeta = { ...webwork, codes: ["not_found", "rate_limited"] };
    expect(errorFromResponse(facts(404), { error: "not_found", message: "No job 7" }, named).code).toBe(
      "not_found",
    );
    const other = errorFromResponse(facts(404), { error: "gone_fishing", message: "No job 7" }, named);
    expect([other.code, other.message]).toEqual([undefined, "No job 7 (gone_fishing)"]);
  });

  it("keeps a short snippet of a non-JSON body in the message", () => {
    const error = errorFromResponse(facts(502), "<html><body>Bad gateway</body></html>", webwork);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toContain("HTTP 502");
    expect(error.message).toContain("Bad gateway");
    expect(error.body).toBeUndefined();
  });
});

describe("envelopes", () => {
  it("tells failure envelopes from successes and from non-objects", () => {
    const isWebWorkFailure = failureEnvelopeCheck(webwork);
    expect(isWebWorkFailure({ success: false })).toBe(true);
    expect(isWebWorkFailure({ success: "false" })).toBe(true);
    expect(isWebWorkFailure({ success: true })).toBe(false);
    expect(failureEnvelopeCheck(boardcrm)({ status: false })).toBe(true);
    expect(failureEnvelopeCheck(boardcrm)({ status: 0 })).toBe(true);
    expect(isWebWorkFailure([{ success: false }])).toBe(false);
    expect(isWebWorkFailure("false")).toBe(false);
    expect(isWebWorkFailure(null)).toBe(false);
  });

  it("ignores detail shapes it does not know", () => {
    expect(normaliseDetails(["a"])).toBeUndefined();
    expect(normaliseDetails({ a: 1 })).toBeUndefined();
  });
});
