/**
 * `pnpm bench`: prints figures, each a ratio against a baseline measured in the same process (these
 * machines are noisy). Benchmarks inform; they never fail CI.
 */
import { bundleSizes } from "./bundle-size.ts";
import { loopbackOverhead } from "./loopback.ts";
import { mockThroughput } from "./mock-throughput.ts";
import { overhead } from "./overhead.ts";
import { paginationMemory } from "./pagination-memory.ts";

const fmt = (n: number, d = 2) => n.toFixed(d);

console.log(
  "\n## Per-call overhead, 50k GET calls, fetch stubbed in process (baseline: bare openapi-fetch)\n",
);
console.log("| client | total ms | µs/call | ratio |\n|---|---|---|---|");
for (const r of await overhead())
  console.log(`| ${r.label} | ${fmt(r.ms, 0)} | ${fmt(r.perCallUs)} | ${fmt(r.ratio)}× |`);

console.log(
  "\n## Per-call overhead, 3k GET calls to an HTTP server on 127.0.0.1 (baseline: bare openapi-fetch)\n",
);
console.log("| client | total ms | µs/call | ratio |\n|---|---|---|---|");
for (const r of await loopbackOverhead())
  console.log(`| ${r.label} | ${fmt(r.ms, 0)} | ${fmt(r.perCallUs)} | ${fmt(r.ratio)}× |`);

console.log("\n## Mock throughput, 20k list requests in process (baseline: a constant responder)\n");
console.log("| handler | requests/s | ratio |\n|---|---|---|");
for (const r of await mockThroughput())
  console.log(`| ${r.label} | ${fmt(r.perSecond, 0)} | ${fmt(r.ratio)}× |`);

console.log("\n## Bundle size, min+gzip, one vendor client (baseline: openapi-fetch alone)\n");
console.log("| consumer imports | kB | ratio |\n|---|---|---|");
for (const r of await bundleSizes()) console.log(`| ${r.label} | ${fmt(r.kb)} | ${fmt(r.ratio)}× |`);

console.log("\n## paginate() memory (heap growth while iterating; should not grow with item count)\n");
console.log("| items | peak heap growth MB |\n|---|---|");
for (const n of [10_000, 100_000]) {
  const r = await paginationMemory(n);
  console.log(`| ${r.items} | ${fmt(r.peakGrowthMb)} |`);
}
