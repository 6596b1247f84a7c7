import { createServer } from "node:http";
import { type paths } from "@workapis/webwork";
import { interleave } from "./interleave.ts";
import { ownOpenapiFetch } from "./own-module.ts";
const body = JSON.stringify({ success: true, data: [{ id: 1, workspace_name: "Acme" }], meta: { api_version: "2.0.0" } });
const server = createServer((_q, r) => { r.writeHead(200, { "Content-Type": "application/json" }); r.end(body); });
await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${(server.address() as any).port}/api/v2`;
const bare = (await ownOpenapiFetch("bare"))<paths>({ baseUrl: base });
const b2 = (await ownOpenapiFetch("b2"))<paths>({ baseUrl: base });
const b3 = (await ownOpenapiFetch("b3"))<paths>({ baseUrl: base });
const b4 = (await ownOpenapiFetch("b4"))<paths>({ baseUrl: base });
const rows = await interleave([
  { label: "openapi-fetch", run: () => bare.GET("/workspaces") },
  { label: "+timer", run: async () => { const t = setTimeout(() => {}, 30000); try { return await b2.GET("/workspaces"); } finally { clearTimeout(t); } } },
  { label: "+timer unref", run: async () => { const t = setTimeout(() => {}, 30000); t.unref(); try { return await b3.GET("/workspaces"); } finally { clearTimeout(t); } } },
  { label: "+controller signal", run: async () => { const c = new AbortController(); return await b4.GET("/workspaces", { signal: c.signal }); } },
], { calls: 3000, warmup: 300 });
console.table(rows.map(r => ({ label: r.label, us: r.perCallUs.toFixed(1), ratio: r.ratio.toFixed(3) })));
server.close();
