import { describe, expect, it } from "vitest";
import { splitBundle } from "../../tools/bundle/split-bundle.ts";

/**
 * What an application that makes one client loads with its page, from the built packages as a
 * bundler splits them: the call path, and not the code only some calls need. Paging, following a
 * redirect, reading an error response (the vendor's envelope, `Retry-After`) and checking a body
 * against the spec (`validateResponses`) each load on first use, in a chunk of their own. Each is recognised by a message only its code holds. (`ResponseValidationError`
 * loads with the other error classes, which an application may test a result against.)
 */
const LOADED_ON_USE = {
  paging: "no item array at",
  "following a redirect": "refused to follow a redirect from https",
  "reading an error response": "function errorFromResponse",
  "reading Retry-After": "function parseRetryAfter",
  "validateResponses' review": "the response validators could not be loaded",
  "the response validators": "function createResponseValidators",
};

const FACTORIES = {
  webwork: "createWebWorkClient",
  workboard: "createWorkBoardClient",
  workglue: "createWorkglueClient",
  betterworks: "createBetterworksClient",
  boardcrm: "createBoardCRMClient",
};

describe.each(Object.entries(FACTORIES))("@workapis/%s", (vendor, factory) => {
  it("loads paging, redirects, error responses, the response review and the validators only when a call needs them", async () => {
    const files = await splitBundle(
      `import { ${factory} } from "@workapis/${vendor}"; console.log(${factory}({ token: "t" }));`,
      import.meta.dirname,
    );
    const withPage = files.filter((f) => f.withPage).map((f) => f.text);
    const onUse = files.filter((f) => !f.withPage).map((f) => f.text);
    expect(withPage.join("\n")).toContain("function createApiClient");
    for (const [what, marker] of Object.entries(LOADED_ON_USE)) {
      expect({ what, withPage: withPage.some((t) => t.includes(marker)) }).toEqual({ what, withPage: false });
      expect({ what, onUse: onUse.some((t) => t.includes(marker)) }).toEqual({ what, onUse: true });
    }
  });
});
