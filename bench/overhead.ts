import { createWebWorkClient, type paths } from "@workapis/webwork";
import createClient from "openapi-fetch";

/** Per-call overhead: our client (auth, retry wrapper, request id, envelope check) vs bare openapi-fetch vs raw fetch. */
const body = JSON.stringify({
  success: true,
  data: [{ id: 1, workspace_name: "Acme" }],
  meta: { api_version: "2.0.0" },
});
const stub = async () => new Response(body, { status: 200, headers: { "Content-Type": "application/json" } });
const BASE = "https://api.webwork-tracker.com/api/v2";

async function time(
  label: string,
  calls: number,
  run: () => Promise<unknown>,
): Promise<{ label: string; ms: number }> {
  for (let i = 0; i < 500; i++) await run(); // warm-up
  const start = performance.now();
  for (let i = 0; i < calls; i++) await run();
  return { label, ms: performance.now() - start };
}

export async function overhead(calls = 50_000) {
  const raw = () => stub().then((r) => r.json());
  const bare = createClient<paths>({ baseUrl: BASE, fetch: stub });
  const ours = createWebWorkClient({ token: "t", fetch: stub, rateLimit: false, logLevel: "off" });
  const results = [
    await time("raw fetch (stubbed)", calls, raw),
    await time("openapi-fetch", calls, () => bare.GET("/workspaces")),
    await time("@workapis/webwork", calls, () => ours.GET("/workspaces")),
  ];
  const baseline = results[1]?.ms ?? 1;
  return results.map((r) => ({ ...r, perCallUs: (r.ms * 1000) / calls, ratio: r.ms / baseline }));
}
