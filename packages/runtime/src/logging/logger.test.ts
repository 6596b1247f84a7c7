import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient } from "../client/create-api-client.ts";
import {
  BASE,
  type TestErrorCode,
  type TestPaginated,
  type TestPaths,
  testMeta,
} from "../client/test-fixture.ts";
import { type Logger, levelLogger } from "./logger.ts";

function recorder() {
  const lines: string[] = [];
  const push = (message: string, ...details: unknown[]) =>
    lines.push([message, ...details.map(String)].join(" "));
  const logger: Logger = { debug: push, info: push, warn: push, error: push };
  return { lines, logger };
}

describe("levelLogger", () => {
  it("drops messages below the level and prefixes the rest", () => {
    const { lines, logger } = recorder();
    const log = levelLogger("warn", logger);
    log.debug("d");
    log.info("i");
    log.warn("w");
    log.error("e");
    expect(lines).toEqual(["[workapis] w", "[workapis] e"]);
    const off = levelLogger("off", logger);
    off.error("x");
    expect(lines).toHaveLength(2);
  });
});

describe("client logging", () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());

  it("logs attempts and retries at debug with the token redacted", async () => {
    let n = 0;
    server.use(
      http.get(`${BASE}/notes/:id`, () =>
        ++n === 1
          ? new HttpResponse(null, { status: 503 })
          : HttpResponse.json({ success: true, data: { id: 1, text: "x" } }),
      ),
    );
    const { lines, logger } = recorder();
    const meta = {
      ...testMeta,
      vendor: {
        ...testMeta.vendor,
        auth: [{ type: "apiKey", name: "q", in: "query", param: "access_token" }] as const,
      },
    };
    const api = createApiClient<TestPaths, TestErrorCode, TestPaginated>(meta, {
      token: "very-secret-token",
      logLevel: "debug",
      logger,
      retry: { baseDelayMs: 1, maxDelayMs: 1 },
    });
    await api.GET("/notes/{id}", { params: { path: { id: 1 } } });
    expect(lines.some((l) => l.includes("GET") && l.includes("(attempt 1)"))).toBe(true);
    expect(lines.some((l) => l.includes("HTTP 503; retrying in"))).toBe(true);
    expect(lines.some((l) => l.includes("→ 200"))).toBe(true);
    expect(lines.join("\n")).not.toContain("very-secret-token");
    expect(lines.join("\n")).toContain("access_token=%5Bredacted%5D");
  });
});
