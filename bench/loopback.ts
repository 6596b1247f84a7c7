import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createWebWorkClient, type paths } from "@workapis/webwork";
import { interleave } from "./interleave.ts";
import { ownOpenapiFetch } from "./own-module.ts";

/**
 * The same comparison as overhead.ts, against a real HTTP server on 127.0.0.1 (network cost included),
 * each openapi-fetch client with openapi-fetch to itself as there.
 */
export async function loopbackOverhead(calls = 12_000) {
  const body = JSON.stringify({
    success: true,
    data: [{ id: 1, workspace_name: "Acme" }],
    meta: { api_version: "2.0.0" },
  });
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`;
  const bare = (await ownOpenapiFetch("bare"))<paths>({ baseUrl: base });
  const bareAuth = (await ownOpenapiFetch("bare-auth"))<paths>({
    baseUrl: base,
    headers: { Authorization: "Bearer t" },
  });
  const timed = (await ownOpenapiFetch("timed"))<paths>({ baseUrl: base });
  // What an openapi-fetch user writes for a timeout that also covers the body: a signal and a timer.
  const timedGet = async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 30_000);
    try {
      return await timed.GET("/workspaces", { signal: controller.signal });
    } finally {
      clearTimeout(timer);
    }
  };
  const byHand = (await ownOpenapiFetch("by-hand"))<paths>({ baseUrl: base });
  // The same, plus what the client must also do on every call: the credential set on the Request
  // openapi-fetch built (so it can be withheld from another origin), and redirects left to the caller.
  const byHandGet = async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 30_000);
    try {
      return await byHand.GET("/workspaces", {
        signal: controller.signal,
        redirect: "manual",
        fetch: (request: Request) => {
          request.headers.set("Authorization", "Bearer t");
          return fetch(request);
        },
      });
    } finally {
      clearTimeout(timer);
    }
  };
  const ours = createWebWorkClient({ token: "t", baseUrl: base, rateLimit: false, logLevel: "off" });
  const rows = await interleave(
    [
      { label: "openapi-fetch", run: () => bare.GET("/workspaces") },
      { label: "raw fetch", run: () => fetch(`${base}/workspaces`).then((r) => r.json()) },
      { label: "openapi-fetch + the same Authorization header", run: () => bareAuth.GET("/workspaces") },
      { label: "openapi-fetch + a timeout signal over the body", run: timedGet },
      {
        label: "openapi-fetch + that timeout, the credential on its Request and manual redirects, by hand",
        run: byHandGet,
      },
      { label: "@workapis/webwork", run: () => ours.GET("/workspaces") },
    ],
    { calls, warmup: 200, rounds: 40 },
  );
  server.close();
  return rows;
}
