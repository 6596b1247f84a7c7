import { afterEach, describe, expect, it, vi } from "vitest";
import type { ClientOptions } from "./client-options.ts";

/**
 * In a browser the parts a call loads on first use come over the network, and may not arrive (the
 * connection dropped, a deploy removed the chunk). A call that needs one then still ends as the
 * client's errors say, never with the loader's own rejection.
 */
const offline = () => {
  throw new Error("Failed to fetch dynamically imported module");
};

async function clientWithout(
  modules: readonly string[],
  answer: () => Response,
  options: Partial<ClientOptions> = {},
) {
  vi.resetModules();
  for (const module of modules) vi.doMock(module, offline);
  const { createApiClient } = await import("./create-api-client.ts");
  const { testMeta } = await import("./test-fixture.ts");
  const errors = await import("../errors/api-error.ts");
  let calls = 0;
  const api = createApiClient(testMeta, {
    token: "tok_live_secret_123",
    rateLimit: false,
    logLevel: "off",
    retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 },
    fetch: async () => {
      calls++;
      return answer();
    },
    ...options,
  });
  return { api, errors, calls: () => calls };
}

afterEach(() => {
  vi.doUnmock("../errors/error-from-response.ts");
  vi.doUnmock("../transport/retry-after.ts");
  vi.resetModules();
});

describe("a part loaded on first use that cannot load", () => {
  it("an error response still gives the error of its status, with the status and the load failure as cause", async () => {
    const { api, errors } = await clientWithout(["../errors/error-from-response.ts"], () =>
      Response.json({ success: false, message: "No note 1" }, { status: 404 }),
    );
    const { error } = await (
      api as { GET: (path: string, init: object) => Promise<{ error?: unknown }> }
    ).GET("/notes/{id}", { params: { path: { id: 1 } } });
    expect(error).toBeInstanceOf(errors.NotFoundError);
    expect(error).toMatchObject({ status: 404, message: "HTTP 404", attempts: 1 });
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it("a retryable status is retried after the default backoff, as if it had no Retry-After", async () => {
    const warnings: string[] = [];
    const { api, errors, calls } = await clientWithout(
      ["../transport/retry-after.ts"],
      () => new Response("busy", { status: 503, headers: { "retry-after": "30" } }),
      { logLevel: "warn", logger: { ...console, warn: (line: string) => warnings.push(line) } },
    );
    const { error } = await (
      api as { GET: (path: string, init: object) => Promise<{ error?: unknown }> }
    ).GET("/notes/{id}", { params: { path: { id: 1 } } });
    expect(calls()).toBe(2);
    expect(warnings).toEqual([expect.stringMatching(/HTTP 503; retrying in 1 ms$/)]);
    expect(error).toBeInstanceOf(errors.InternalServerError);
  });
});
