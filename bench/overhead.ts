import { createWebWorkClient, type paths } from "@workapis/webwork";
import { interleave, type Variant, type VariantTiming } from "./interleave.ts";
import { ownOpenapiFetch } from "./own-module.ts";

/** Per-call overhead: our client (auth, retry wrapper, request id, envelope check) vs bare openapi-fetch vs raw fetch. */
const body = JSON.stringify({
  success: true,
  data: [{ id: 1, workspace_name: "Acme" }],
  meta: { api_version: "2.0.0" },
});
const stub = async () => new Response(body, { status: 200, headers: { "Content-Type": "application/json" } });
const BASE = "https://api.webwork-tracker.com/api/v2";

/**
 * The four clients side by side, each calling `GET /workspaces` against the in-process stub. Each
 * openapi-fetch client has openapi-fetch to itself (see own-module.ts); ours uses the one its
 * package imports, which no other variant calls.
 */
export async function overheadVariants(): Promise<Variant[]> {
  const raw = () => stub().then((r) => r.json());
  const bare = (await ownOpenapiFetch("bare"))<paths>({ baseUrl: BASE, fetch: stub });
  // What an openapi-fetch user writes to call the API at all: the same bytes on the wire as ours.
  const bareAuth = (await ownOpenapiFetch("bare-auth"))<paths>({
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

/**
 * The same call with stubs that first make the Request a real fetch makes of what it is given:
 * both hand fetch a Request that fetch copies (ours with the attempt's signal linked to it). The
 * plain stub above does none of that, so this pair shows what the clients cost with fetch's own
 * Request included. The middle row is what an openapi-fetch user writes for a per-request timeout,
 * the one thing of ours that makes fetch's work dearer.
 */
export async function requestMakingVariants(): Promise<Variant[]> {
  const copying = (input: Request, init?: RequestInit) => {
    void new Request(input, init);
    return stub();
  };
  const withTimeout = (input: Request) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 60_000);
    void new Request(input, { signal: controller.signal });
    return stub().finally(() => clearTimeout(timer));
  };
  const bare = (await ownOpenapiFetch("bare-making"))<paths>({ baseUrl: BASE, fetch: copying });
  const timed = (await ownOpenapiFetch("bare-timeout"))<paths>({ baseUrl: BASE, fetch: withTimeout });
  const ours = createWebWorkClient({ token: "t", fetch: copying, rateLimit: false, logLevel: "off" });
  return [
    { label: "openapi-fetch, fetch's Request made", run: () => bare.GET("/workspaces") },
    { label: "openapi-fetch + a timeout signal, fetch's Request made", run: () => timed.GET("/workspaces") },
    { label: "@workapis/webwork, fetch's Request made", run: () => ours.GET("/workspaces") },
  ];
}

export interface OverheadRow extends VariantTiming {
  /** The lowest and highest ratio of the runs (`ratio` is their median). */
  readonly low: number;
  readonly high: number;
}

/**
 * `runs` interleaved runs of `calls` calls per variant, in 100 rounds each (short rounds follow the
 * machine's drift closely). Each row has the median run's figures and the range of its ratio: on a
 * shared 2-core machine one run's ratio moves by a few hundredths.
 */
export async function overhead(
  calls = 50_000,
  runs = 3,
  variantSet: () => Promise<Variant[]> = overheadVariants,
): Promise<OverheadRow[]> {
  const variants = await variantSet();
  const results: VariantTiming[][] = [];
  for (let run = 0; run < runs; run++) results.push(await interleave(variants, { calls, rounds: 100 }));
  return variants.map((variant, index) => {
    const rows = results
      .map((result) => result[index])
      .filter((row): row is VariantTiming => row !== undefined)
      .sort((a, b) => a.ratio - b.ratio);
    const median = rows[rows.length >> 1];
    return {
      label: variant.label,
      ms: median?.ms ?? 0,
      perCallUs: median?.perCallUs ?? 0,
      ratio: median?.ratio ?? 0,
      low: rows[0]?.ratio ?? 0,
      high: rows[rows.length - 1]?.ratio ?? 0,
    };
  });
}
