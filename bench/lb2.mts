import { createServer } from "node:http";
import { createWebWorkClient, type paths } from "@workapis/webwork";
import { interleave } from "./interleave.ts";
import { ownOpenapiFetch } from "./own-module.ts";
const body = JSON.stringify({ success: true, data: [{ id: 1, workspace_name: "Acme" }], meta: { api_version: "2.0.0" } });
const server = createServer((_q, r) => { r.writeHead(200, { "Content-Type": "application/json" }); r.end(body); });
await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${(server.address() as any).port}/api/v2`;
const bare = (await ownOpenapiFetch("bare"))<paths>({ baseUrl: base });
const bareSig = (await ownOpenapiFetch("baresig"))<paths>({ baseUrl: base });
const ours = createWebWorkClient({ token: "t", baseUrl: base, rateLimit: false, logLevel: "off" });
const ours2 = createWebWorkClient({ token: "t", baseUrl: base, rateLimit: false, logLevel: "off", timeoutMs: false });
const rows = await interleave([
  { label: "openapi-fetch", run: () => bare.GET("/workspaces") },
  { label: "openapi-fetch+signal+manual", run: () => bareSig.GET("/workspaces", { signal: new AbortController().signal, redirect: "manual" } as any) },
  { label: "ours", run: () => ours.GET("/workspaces") },
  { label: "ours no timeout", run: () => ours2.GET("/workspaces") },
], { calls: 6000, rounds: 20, warmup: 300 });
console.table(rows.map(r => ({ label: r.label, us: r.perCallUs.toFixed(1), ratio: r.ratio.toFixed(3) })));
server.close();
