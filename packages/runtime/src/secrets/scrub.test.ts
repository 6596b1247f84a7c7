import { describe, expect, it } from "vitest";
import { ApiError } from "../errors/api-error.ts";
import { scrubberFor, scrubError, scrubValue } from "./scrub.ts";

const TOKEN = "tok_live_9f8e7d";

describe("scrubberFor", () => {
  it("hides every occurrence of each secret, its URL-encoded form, and the longer of two overlapping secrets whole", () => {
    const scrub = scrubberFor([TOKEN, "a+b/c=secret", `${TOKEN}-refresh`, undefined]);
    expect(scrub(`API key Bearer ${TOKEN} is not valid; again ${TOKEN}`)).toBe(
      "API key Bearer [redacted] is not valid; again [redacted]",
    );
    expect(scrub(`?t=${encodeURIComponent("a+b/c=secret")}`)).toBe("?t=[redacted]");
    expect(scrub(`r=${TOKEN}-refresh`)).toBe("r=[redacted]");
  });

  it("leaves text alone when there is no secret, or only a too-short one", () => {
    expect(scrubberFor([])("plain")).toBe("plain");
    expect(scrubberFor(["ab"])("abc")).toBe("abc");
  });
});

describe("scrubValue and scrubError", () => {
  it("scrubs nested strings and keys of plain data", () => {
    expect(scrubValue({ a: [`x${TOKEN}`], [TOKEN]: 1, n: 2 }, scrubberFor([TOKEN]))).toEqual({
      a: ["x[redacted]"],
      "[redacted]": 1,
      n: 2,
    });
  });

  it("removes the secret from message, stack, String(), JSON.stringify and the body of an error", () => {
    const error = new ApiError({
      message: `API key Bearer ${TOKEN} is not valid`,
      status: 401,
      body: { message: `API key Bearer ${TOKEN} is not valid` },
      details: { token: [TOKEN] },
    });
    scrubError(error, scrubberFor([TOKEN]));
    expect(error.message).toBe("API key Bearer [redacted] is not valid");
    for (const shown of [
      String(error),
      JSON.stringify(error),
      error.stack ?? "",
      JSON.stringify(error.body),
      JSON.stringify(error.details),
    ])
      expect(shown).not.toContain(TOKEN);
  });
});
