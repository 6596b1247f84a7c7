import { createWebWorkClient, type paths } from "@workapis/webwork";
import createClient from "openapi-fetch";
import { interleave, type Variant } from "./interleave.ts";

/** Per-call overhead: our client (auth, retry wrapper, request id, envelope check) vs bare openapi-fetch vs raw fetch. */
const body = JSON.stringify({
  success: true,
  data: [{ id: 1, workspace_name: "Acme" }],
  meta: { api_version: "2.0.0" },
});
const stub = async () => new Response(body, { status: 200, headers: { "Content-Type": "application/json" } });
const BASE = "https://api.webwork-tracker.com/api/v2";

/** The four clients side by side, each calling `GET /workspaces` against the in-process stub. */
export function overheadVariants(): Variant[] {
  const raw = () => stub().then((r) => r.json());
  const bare = createClient<paths>({ baseUrl: BASE, fetch: stub });
  // What an openapi-fetch user writes to call the API at all: the same bytes on the wire as ours.
  const bareAuth = createClient<paths>({
    baseUrl: BASE,
    fetch: stub,
    headers: { Authorization: "Bearer t" },
  });
  const ours = createWebWorkClient({ token: "t", fetch: stub, rateLimit: false, logLevel: "off" });
  return [
    { label: "openapi-fetch", run: () => bare.GET("/workspaces") },
    { label: "raw fetch (stubbed)", run: raw },
    { label: "openapi-fetch + the same Authorization header", run: () => bareAuth.GET("/workspaces") },
    { label: "@workapis/webwork", run: () => ours.GET("/workspaces") },
  ];
}

export async function overhead(calls = 50_000) {
  return interleave(overheadVariants(), { calls });
}
