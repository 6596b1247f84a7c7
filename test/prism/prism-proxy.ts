import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";

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

/**
 * Starts `prism proxy <spec> <upstream>` on a free port of 127.0.0.1. Prism checks each request
 * against the spec, forwards it to `upstream` (the spec path appended to upstream's path), checks
 * the answer against the spec, and reports what it found in the `sl-violations` response header.
 */
export async function startPrismProxy(spec: string, upstream: string): Promise<PrismProxy> {
  const child = spawn(
    process.execPath,
    [prismBin(), "proxy", spec, upstream, "--port", "0", "--host", "127.0.0.1"],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    },
  );
  let output = "";
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`prism did not start in 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Prism is listening on (http:\/\/[\w.:]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`prism exited (${code}) before listening:\n${output}`));
    });
  });
  // Its per-request log is not needed (the header carries the findings), but must be drained.
  child.stdout?.removeAllListeners("data").resume();
  child.stderr?.removeAllListeners("data").resume();
  return { url, stop: () => stopProcess(child) };
}
