import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createWebWorkClient, type paths } from "@workapis/webwork";
import createClient from "openapi-fetch";

/** The same comparison as overhead.ts, against a real HTTP server on 127.0.0.1 (network cost included). */
export async function loopbackOverhead(calls = 3_000) {
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
  const bare = createClient<paths>({ baseUrl: base });
  const ours = createWebWorkClient({ token: "t", baseUrl: base, rateLimit: false, logLevel: "off" });
  const time = async (label: string, run: () => Promise<unknown>) => {
    for (let i = 0; i < 200; i++) await run();
    const start = performance.now();
    for (let i = 0; i < calls; i++) await run();
    return { label, ms: performance.now() - start };
  };
  const rows = [
    await time("raw fetch", () => fetch(`${base}/workspaces`).then((r) => r.json())),
    await time("openapi-fetch", () => bare.GET("/workspaces")),
    await time("@workapis/webwork", () => ours.GET("/workspaces")),
  ];
  server.close();
  const baseline = rows[1]?.ms ?? 1;
  return rows.map((r) => ({ ...r, perCallUs: (r.ms * 1000) / calls, ratio: r.ms / baseline }));
}
