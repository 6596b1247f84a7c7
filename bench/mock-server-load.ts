import { type ChildProcess, fork } from "node:child_process";
import { join } from "node:path";
import autocannon from "autocannon";
import type { ChildMessage } from "./load-server.ts";

/**
 * The standalone WebWork mock server (serveMock) under bounded load: 10k GET list requests over 50
 * connections from autocannon, vs a bare node:http server answering constant JSON. Each server runs
 * in its own process on 127.0.0.1, so its heap and RSS are its own, and two identical rounds show
 * whether memory settles.
 */
const PATH = "/members?workspace_id=4821&page=1&per_page=20";

function next<T extends ChildMessage["type"]>(child: ChildProcess, type: T) {
  return new Promise<Extract<ChildMessage, { type: T }>>((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if (message.type !== type) return;
      child.off("message", onMessage);
      resolve(message as Extract<ChildMessage, { type: T }>);
    };
    child.on("message", onMessage);
    child.once("exit", (code) => reject(new Error(`load server exited (${code}) before "${type}"`)));
  });
}

async function memory(child: ChildProcess) {
  const reply = next(child, "memory");
  child.send("memory");
  const { heapMb, rssMb } = await reply;
  return { heapMb, rssMb };
}

interface LoadRow {
  readonly server: string;
  readonly round: string;
  readonly perSecond: number | undefined;
  readonly p99Ms: number | undefined;
  readonly non2xx: number | undefined;
  readonly errors: number | undefined;
  readonly heapMb: number;
  readonly rssMb: number;
}

async function start(kind: "bare" | "mock") {
  const child = fork(join(import.meta.dirname, "load-server.ts"), [kind], {
    execArgv: ["--expose-gc", "--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const { url } = await next(child, "ready");
  if (!url.startsWith("http://127.0.0.1:")) throw new Error(`refusing to load ${url}: loopback only`);
  return { child, url: `${url}${PATH}` };
}

const fire = (url: string, amount: number) =>
  autocannon({ url, connections: 50, amount, headers: { authorization: "Bearer t" } });

export async function mockServerLoad(amount = 10_000, rounds = 2) {
  const servers = [
    { label: "bare node:http (baseline)", kind: "bare" as const, rows: [] as LoadRow[] },
    { label: "WebWork mock, serveMock", kind: "mock" as const, rows: [] as LoadRow[] },
  ];
  const started: ChildProcess[] = [];
  try {
    const live = [];
    for (const s of servers) {
      const { child, url } = await start(s.kind);
      started.push(child);
      const idle = await memory(child);
      s.rows.push({
        server: s.label,
        round: "before",
        ...idle,
        perSecond: undefined,
        p99Ms: undefined,
        non2xx: undefined,
        errors: undefined,
      });
      live.push({ ...s, child, url });
    }
    // Warm autocannon itself up (unreported), then alternate the servers round by round so that
    // machine noise lands on both alike.
    const warmup = live[0];
    if (warmup) await fire(warmup.url, 2_000);
    for (let round = 1; round <= rounds; round++) {
      for (const s of live) {
        const begin = performance.now();
        const result = await fire(s.url, amount);
        const seconds = (performance.now() - begin) / 1000;
        s.rows.push({
          server: s.label,
          round: String(round),
          perSecond: (result["2xx"] + result.non2xx) / seconds,
          p99Ms: result.latency.p99,
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
          ...(await memory(s.child)),
        });
      }
    }
  } finally {
    for (const child of started) child.kill();
  }
  const rows = servers.flatMap((s) => s.rows);
  const base = new Map(servers[0]?.rows.map((r) => [r.round, r.perSecond]));
  return rows.map((r) => {
    const b = base.get(r.round);
    return { ...r, ratio: r.perSecond !== undefined && b ? r.perSecond / b : undefined };
  });
}
