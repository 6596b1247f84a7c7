/**
 * Child process of mock-server-load.ts: serves the WebWork mock (or a bare node:http server) on
 * 127.0.0.1, tells the parent its URL, and answers "memory" requests with its heap and RSS after gc.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { serveMock } from "@workapis/mock/server";
import { createWebWorkMock } from "@workapis/webwork/msw";

export type ChildMessage =
  | { readonly type: "ready"; readonly url: string }
  | { readonly type: "memory"; readonly heapMb: number; readonly rssMb: number };

const send = (message: ChildMessage) => process.send?.(message);

async function start(kind: string): Promise<string> {
  if (kind === "mock") return (await serveMock(createWebWorkMock(), { port: 0, host: "127.0.0.1" })).url;
  const body = JSON.stringify({ success: true, data: [{ id: 10234, firstname: "Sofia" }], meta: {} });
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`;
}

process.on("message", (message) => {
  if (message !== "memory") return;
  globalThis.gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  send({ type: "memory", heapMb: heapUsed / 1024 / 1024, rssMb: rss / 1024 / 1024 });
});
process.on("disconnect", () => process.exit(0));
send({ type: "ready", url: await start(process.argv[2] ?? "bare") });
