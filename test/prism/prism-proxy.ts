import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { connect, createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export interface PrismProxy {
  /** Prism's own origin: send requests here, with paths as the spec writes them. */
  readonly url: string;
  stop(): Promise<void>;
}

function prismBin(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve("@stoplight/prism-cli/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin: string | Record<string, string> };
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin["prism"];
  if (!bin) throw new Error("@stoplight/prism-cli declares no prism bin");
  return resolve(dirname(manifestPath), bin);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (typeof address !== "object" || address === null) throw new Error("no free port");
  return address.port;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      done(true);
    });
    socket.once("error", () => done(false));
  });
}

/**
 * Starts `prism proxy <spec> <upstream>` on a free port of 127.0.0.1. Prism checks each request
 * against the spec, forwards it to `upstream` (the spec path appended to upstream's path), checks
 * the answer against the spec, and reports what it found in the `sl-violations` response header.
 * It logs warnings only: its per-request info log costs more than the checks.
 */
export async function startPrismProxy(spec: string, upstream: string): Promise<PrismProxy> {
  const port = await freePort();
  const args = [
    prismBin(),
    "proxy",
    spec,
    upstream,
    "--port",
    String(port),
    "--host",
    "127.0.0.1",
    "-v",
    "warn",
  ];
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = `${output}${chunk.toString()}`.slice(-4000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const deadline = Date.now() + 90_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null)
      throw new Error(`prism exited (${child.exitCode}) before listening:\n${output}`);
    if (Date.now() > deadline) {
      await stopProcess(child);
      throw new Error(`prism did not listen within 90 s:\n${output}`);
    }
    await sleep(100);
  }
  return { url: `http://127.0.0.1:${port}`, stop: () => stopProcess(child) };
}
