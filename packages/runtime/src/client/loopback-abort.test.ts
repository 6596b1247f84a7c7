import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AbortedError, TimeoutError } from "../errors/api-error.ts";
import { createApiClient } from "./create-api-client.ts";
import type { TestErrorCode, TestPaginated, TestPaths } from "./test-fixture.ts";
import { testMeta } from "./test-fixture.ts";

/**
 * With the real `globalThis.fetch` (undici) and a real server on 127.0.0.1 that never answers: the
 * attempt's signal, handed to fetch as `init.signal`, must really cancel the request (the server
 * sees the connection close), not only make the call give up.
 */
const closed: Promise<void>[] = [];
const server = createServer((request: IncomingMessage) => {
  closed.push(new Promise((resolve) => request.socket.once("close", () => resolve())));
});
let base = "";
beforeAll(async () => {
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const client = () =>
  createApiClient<TestPaths, TestErrorCode, TestPaginated>(testMeta, {
    token: "t",
    baseUrl: base,
    retry: false,
    rateLimit: false,
    logLevel: "off",
  });

describe("the real fetch over loopback", () => {
  it("closes the connection when the caller aborts", async () => {
    const before = closed.length;
    const controller = new AbortController();
    const pending = client().GET("/notes/{id}", { params: { path: { id: 1 } }, signal: controller.signal });
    while (closed.length === before) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expect((await pending).error).toBeInstanceOf(AbortedError);
    await expect(closed[before]).resolves.toBeUndefined();
  });

  it("closes the connection of an attempt that times out", async () => {
    // Long enough for the request to reach the server even on a loaded machine (the connection is warm).
    const before = closed.length;
    const { error } = await client().GET("/notes/{id}", { params: { path: { id: 1 } }, timeoutMs: 1_000 });
    expect(error).toBeInstanceOf(TimeoutError);
    expect(closed.length).toBe(before + 1);
    await expect(closed[before]).resolves.toBeUndefined();
  });
});
