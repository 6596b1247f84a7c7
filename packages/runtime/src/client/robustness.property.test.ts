import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ApiError } from "../errors/api-error.ts";
import { createApiClient } from "./create-api-client.ts";
import { type TestErrorCode, type TestPaginated, type TestPaths, testMeta } from "./test-fixture.ts";

/**
 * Property: whatever bytes, status and content type a server answers with, a call resolves (never
 * rejects), and a failure is always an ApiError. fast-check shrinks any counterexample to the smallest body.
 */
describe("no response body makes the client throw", () => {
  const statuses = fc.constantFrom(200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503);
  const contentTypes = fc.constantFrom(
    "application/json",
    "text/html",
    "text/plain",
    "application/octet-stream",
    "",
  );
  const bodies = fc.oneof(
    fc.uint8Array({ maxLength: 256 }),
    fc.json().map((s) => new TextEncoder().encode(s)),
    fc.json().map((s) => new TextEncoder().encode(s.slice(0, Math.max(0, s.length - 1)))),
    fc
      .constantFrom('{"success":false}', '{"success":true,"data":null}', "null", "[]", "<html>502</html>")
      .map((s) => new TextEncoder().encode(s)),
  );

  it("resolves with data or an ApiError for any body", async () => {
    await fc.assert(
      fc.asyncProperty(statuses, contentTypes, bodies, async (status, contentType, body) => {
        const api = createApiClient<TestPaths, TestErrorCode, TestPaginated>(testMeta, {
          token: "t",
          retry: false,
          fetch: async () =>
            new Response(status === 204 ? null : body, {
              status,
              headers: contentType ? { "Content-Type": contentType } : {},
            }),
        });
        const result = await api.GET("/notes/{id}", { params: { path: { id: 1 } } });
        if (result.error !== undefined) expect(result.error).toBeInstanceOf(ApiError);
        else expect(status).toBeLessThan(300);
        if (status >= 400) expect(result.error?.status).toBe(status);
      }),
      { numRuns: 400 },
    );
  });
});
