/**
 * `pnpm bench`: prints figures, each a ratio against a baseline measured in the same process (these
 * machines are noisy). Benchmarks inform; they never fail CI. `pnpm bench --pipeline` (or
 * BENCH_PIPELINE=1) adds the slow cold/warm `pnpm build` in a temporary clone.
 */
import { allocation } from "./allocation.ts";
import { bundleComposition, bundleSizes } from "./bundle-size.ts";
import { loopbackOverhead } from "./loopback.ts";
import { mcpColdStart } from "./mcp-cold-start.ts";
import { mockServerLoad } from "./mock-server-load.ts";
import { mockThroughput } from "./mock-throughput.ts";
import { overhead, requestMakingVariants } from "./overhead.ts";
import { paginationMemory } from "./pagination-memory.ts";
import { pipeline } from "./pipeline.ts";
import { typecheckCost } from "./typecheck-cost.ts";

const fmt = (n: number | undefined, d = 2) => (n === undefined ? "–" : n.toFixed(d));

console.log(
  "\n## Per-call overhead, 50k GET calls, fetch stubbed in process (baseline: bare openapi-fetch)\n",
);
console.log("| client | µs/call | ratio (median of 3 runs) | range |\n|---|---|---|---|");
for (const r of await overhead())
  console.log(`| ${r.label} | ${fmt(r.perCallUs)} | ${fmt(r.ratio)}× | ${fmt(r.low)}–${fmt(r.high)}× |`);

console.log(
  "\n## The same, each stub first making the Request a real fetch makes (baseline: bare openapi-fetch, its Request copied)\n",
);
console.log("| client | µs/call | ratio (median of 3 runs) | range |\n|---|---|---|---|");
for (const r of await overhead(30_000, 3, requestMakingVariants))
  console.log(`| ${r.label} | ${fmt(r.perCallUs)} | ${fmt(r.ratio)}× | ${fmt(r.low)}–${fmt(r.high)}× |`);

console.log(
  "\n## Bytes allocated per call, 20k GET calls, fetch stubbed (V8 sampling heap profiler; baseline: bare openapi-fetch)\n",
);
console.log("| client | bytes/call | ratio |\n|---|---|---|");
for (const r of await allocation())
  console.log(`| ${r.label} | ${fmt(r.bytesPerCall, 0)} | ${fmt(r.ratio)}× |`);

console.log(
  "\n## Per-call overhead, 12k GET calls to an HTTP server on 127.0.0.1, 40 interleaved rounds (baseline: bare openapi-fetch)\n",
);
console.log("| client | total ms | µs/call | ratio |\n|---|---|---|---|");
for (const r of await loopbackOverhead())
  console.log(`| ${r.label} | ${fmt(r.ms, 0)} | ${fmt(r.perCallUs)} | ${fmt(r.ratio)}× |`);

console.log(
  "\n## Mock throughput in process: 20k list requests to mock.handle(), 5k through msw's setupServer + fetch\n",
);
console.log("| handler | requests/s | baseline | ratio |\n|---|---|---|---|");
for (const r of await mockThroughput())
  console.log(`| ${r.label} | ${fmt(r.perSecond, 0)} | ${r.baseline} | ${fmt(r.ratio)}× |`);

console.log(
  "\n## Bundle size, min+gzip, one vendor client, validation off (baseline: openapi-fetch alone); apart, what loads on first use: paging, redirects, error responses and review, and the validators `validateResponses` loads\n",
);
console.log(
  "| consumer imports | client kB | over openapi-fetch kB | ratio | on first use kB | validators kB |\n|---|---|---|---|---|---|",
);
for (const r of await bundleSizes())
  console.log(
    `| ${r.label} | ${fmt(r.kb)} | ${fmt(r.addedKb)} | ${fmt(r.ratio)}× | ${r.onUseBytes ? fmt(r.onUseKb) : "–"} | ${r.validatorsBytes ? fmt(r.validatorsKb) : "–"} |`,
  );

console.log(
  "\n## What the largest client's entry is made of (@workapis/betterworks, from the sources; gzip shares estimated in proportion)\n",
);
console.log("| area | minified bytes | share | ≈ kB min+gzip |\n|---|---|---|---|");
for (const r of await bundleComposition("betterworks", "createBetterworksClient"))
  console.log(`| ${r.area} | ${r.bytes} | ${fmt(r.share * 100, 0)} % | ${fmt(r.gzKb)} |`);

console.log(
  "\n## paginate() memory over the WebWork mock, 100 per page (baseline: 10k items; should not grow with item count)\n",
);
console.log("| items | peak heap growth MB | retained after gc MB | peak ratio |\n|---|---|---|---|");
const small = await paginationMemory(10_000);
for (const r of [small, await paginationMemory(100_000)])
  console.log(
    `| ${r.items} | ${fmt(r.peakGrowthMb)} | ${fmt(r.retainedMb)} | ${fmt(r.peakGrowthMb / small.peakGrowthMb)}× |`,
  );

console.log(
  "\n## Type-check cost, `tsc --noEmit`, bundler resolution, strict, against dist/*.d.ts (baseline: an empty project; target: < 1.5 s added)\n",
);
console.log("| consumer | check s | total s | added s | ratio | memory MB |\n|---|---|---|---|---|---|");
for (const r of await typecheckCost())
  console.log(
    `| ${r.label} | ${fmt(r.checkS)} | ${fmt(r.totalS)} | ${fmt(r.addedS)} | ${fmt(r.ratio)}× | ${fmt(r.memoryMb, 0)} |`,
  );

console.log(
  "\n## Standalone mock server on 127.0.0.1, autocannon: 10k GET /members, 50 connections (baseline: bare node:http)\n",
);
console.log(
  "| server | round | requests/s | ratio | p99 ms | non-2xx | errors | heap MB after gc | RSS MB |\n|---|---|---|---|---|---|---|---|---|",
);
for (const r of await mockServerLoad())
  console.log(
    `| ${r.server} | ${r.round} | ${fmt(r.perSecond, 0)} | ${r.ratio === undefined ? "–" : `${fmt(r.ratio)}×`} | ${fmt(r.p99Ms, 0)} | ${r.non2xx ?? "–"} | ${r.errors ?? "–"} | ${fmt(r.heapMb, 1)} | ${fmt(r.rssMb, 0)} |`,
  );

console.log(
  "\n## MCP server cold start over stdio, median of 7 rounds (baseline: a bare Node start; goal: tools listed in < 1 s)\n",
);
console.log("| what | ms | range |\n|---|---|---|");
for (const r of await mcpColdStart())
  console.log(`| ${r.label} | ${fmt(r.ms, 0)} | ${fmt(r.low, 0)}–${fmt(r.high, 0)} |`);

console.log(
  "\n## Pipeline: `pnpm build` in a temporary clone of HEAD, own turbo cache (baseline: a fully cached build; targets: cold < 60 s, warm < 3 s)\n",
);
if (process.argv.includes("--pipeline") || process.env["BENCH_PIPELINE"] === "1") {
  console.log("| step | s | turbo cache | vs node spawn | vs warm #2 |\n|---|---|---|---|---|");
  const steps = await pipeline();
  for (const r of steps)
    console.log(
      `| ${r.label} | ${fmt(r.seconds)} | ${r.cache} | ${fmt(r.vsSpawn, 0)}× | ${fmt(r.vsWarm)}× |`,
    );
  for (const r of steps.slice(3))
    if (r.misses.length > 0) console.log(`\n${r.label}: cache misses: ${r.misses.join(", ")}`);
} else {
  console.log("Skipped (slow): run `pnpm bench --pipeline` or set BENCH_PIPELINE=1.");
}
