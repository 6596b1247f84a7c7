import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApiClient } from "../client/create-api-client.ts";
import { type TestErrorCode, type TestPaginated, type TestPaths, testMeta } from "../client/test-fixture.ts";
import {
  ConnectionError,
  InternalServerError,
  InvalidResponseError,
  RateLimitError,
  TimeoutError,
} from "../errors/api-error.ts";

/**
 * Fault injection against a real HTTP server on 127.0.0.1: each test scripts the server's answers
 * to consecutive requests and asserts the exact number of attempts and the error class.
 */
type Fault = (req: IncomingMessage, res: ServerResponse) => void;
const ok: Fault = (_req, res) => {
  res.writeHead(200, { "Content-Type": "application/json" });
  res.end(JSON.stringify({ success: true, data: { id: 1, text: "ok" } }));
};
const status =
  (code: number, body = "", headers: Record<string, string> = {}): Fault =>
  (_req, res) => {
    res.writeHead(code, headers);
    res.end(body);
  };
const reset: Fault = (req) => req.socket.destroy();
const slow =
  (ms: number): Fault =>
  (req, res) => {
    const timer = setTimeout(() => ok(req, res), ms);
    res.on("close", () => clearTimeout(timer));
  };
const truncated: Fault = (_req, res) => {
  res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "100" });
  res.write('{"success":true,"da');
  setTimeout(() => res.socket?.destroy(), 10);
};

let script: Fault[] = [];
let attempts = 0;
let server: Server;
let baseUrl = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    const fault = script[Math.min(attempts, script.length - 1)] ?? ok;
    attempts++;
    fault(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  script = [];
  attempts = 0;
});

const api = (timeoutMs = 2_000) =>
  createApiClient<TestPaths, TestErrorCode, TestPaginated>(testMeta, {
    token: "t",
    baseUrl,
    timeoutMs,
    logLevel: "off",
    retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 10 },
  });
const getNote = (timeoutMs?: number) => api(timeoutMs).GET("/notes/{id}", { params: { path: { id: 1 } } });

describe("fault injection on 127.0.0.1", () => {
  it("retries a reset connection and succeeds on the second attempt", async () => {
    script = [reset, ok];
    const { data, error } = await getNote();
    expect(error).toBeUndefined();
    expect(data?.data.text).toBe("ok");
    expect(attempts).toBe(2);
  });

  it("gives up after 1 + 2 attempts on persistent resets with ConnectionError", async () => {
    script = [reset];
    const { error } = await getNote();
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(attempts).toBe(3);
  });

  it("times out each slow attempt and reports TimeoutError after 3 attempts", async () => {
    script = [slow(500)];
    const { error } = await getNote(50);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(attempts).toBe(3);
  });

  it("waits as Retry-After asks on 429, then succeeds", async () => {
    script = [
      status(429, '{"success":false,"message":"slow down"}', {
        "Retry-After": "1",
        "Content-Type": "application/json",
      }),
      ok,
    ];
    const started = Date.now();
    const { data } = await getNote();
    expect(data?.data.id).toBe(1);
    expect(attempts).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("does not wait for a Retry-After beyond the cap: the 429 comes back at once", async () => {
    script = [
      status(429, '{"success":false,"message":"later"}', {
        "Retry-After": "3600",
        "Content-Type": "application/json",
      }),
    ];
    const { error } = await getNote();
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error?.message).toBe("later");
    expect(attempts).toBe(1);
  });

  it("recovers from 500 then 503", async () => {
    script = [status(500), status(503), ok];
    const { data } = await getNote();
    expect(data?.data.text).toBe("ok");
    expect(attempts).toBe(3);
  });

  it("reports a proxy's HTML 502 page as InternalServerError after retries", async () => {
    script = [
      status(502, "<html><body><h1>502 Bad Gateway</h1>nginx</body></html>", { "Content-Type": "text/html" }),
    ];
    const { error } = await getNote();
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error?.status).toBe(502);
    expect(error?.message).toContain("502 Bad Gateway");
    expect(attempts).toBe(3);
  });

  it("reports a truncated JSON body as InvalidResponseError", async () => {
    script = [truncated];
    const { error } = await getNote();
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error?.status).toBe(200);
  });

  it("never repeats a POST after a reset", async () => {
    script = [reset];
    const { error } = await api().POST("/notes", { body: { text: "once" } });
    expect(error).toBeInstanceOf(ConnectionError);
    expect(attempts).toBe(1);
  });
});
