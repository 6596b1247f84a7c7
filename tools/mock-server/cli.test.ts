import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { connect, createServer, type Server } from "node:net";
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it, type TestContext } from "vitest";
import { readVendors } from "../codegen/workspace-config.ts";

/**
 * `pnpm mock` as a user runs it: a real pnpm process, its output and exit code. `--silent` keeps
 * pnpm's own banner and "Command failed" line out of the output under test.
 */
const repoRoot = resolve(import.meta.dirname, "../..");
const vendors = readVendors(repoRoot).map((v) => v.vendor);
function pnpmMock(
  context: TestContext,
  args: readonly string[],
  options: { silent?: boolean } = {},
): ChildProcess {
  const child = spawn("pnpm", [...(options.silent === false ? [] : ["--silent"]), "mock", ...args], {
    cwd: repoRoot,
    // Its own process group, so a failed test can still stop everything it started.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  context.onTestFinished(() => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    } catch {
      // The group is gone already: the test stopped it.
    }
  });
  return child;
}

async function finish(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code] = (await once(child, "exit")) as [number | null];
  return { code, stdout, stderr };
}

/** Resolves with the URL the server prints once it listens. */
async function listening(child: ChildProcess): Promise<URL> {
  let stdout = "";
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return await new Promise<URL>((resolveUrl, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening: (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) resolveUrl(new URL(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`pnpm mock exited (${code}) before listening: ${stderr}`)));
  });
}

async function portAccepts(port: number): Promise<boolean> {
  return await new Promise<boolean>((resolveOpen) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolveOpen(true);
    });
    socket.once("error", () => resolveOpen(false));
  });
}

/** Whether a process is left in the group (the group pnpm leads: pnpm, its shell, the server). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/**
 * Whether every process pnpm started has ended within `ms`. Watching the processes rather than the
 * port: other tests running meanwhile may be given the same port once it is free.
 */
async function groupEndsWithin(pgid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!groupAlive(pgid)) return true;
    await sleep(100);
  }
  return false;
}

// Each case is a separate process tree, so they run side by side.
describe.concurrent("pnpm mock", () => {
  it("prints its usage, naming every vendor, for --help", async (context) => {
    const { code, stdout, stderr } = await finish(pnpmMock(context, ["--help"]));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: pnpm mock <vendor> \[--port N\] \[--seed S\]\n/);
    for (const vendor of vendors) expect(stdout).toContain(vendor);
  });

  it("answers an unknown vendor with one line listing the known ones", async (context) => {
    const { code, stderr } = await finish(pnpmMock(context, ["nope"]));
    expect(code).toBe(2);
    expect(stderr).toBe(`pnpm mock: unknown vendor "nope"; known vendors: ${vendors.join(", ")}\n`);
  });

  it("answers a port in use with one line and a failing exit code", async (context) => {
    const holder: Server = createServer();
    holder.listen(0, "127.0.0.1");
    await once(holder, "listening");
    const address = holder.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const { code, stderr } = await finish(pnpmMock(context, ["workboard", "--port", String(port)]));
      expect(code).not.toBe(0);
      expect(stderr.trimEnd().split("\n")).toEqual([
        `pnpm mock: port ${port} on 127.0.0.1 is in use; stop what holds it or pass --port <another>`,
      ]);
    } finally {
      holder.close();
    }
  });

  // How a server gets stopped: a process manager or `kill` sends SIGTERM to pnpm alone, and Ctrl-C
  // sends SIGINT to the terminal's whole foreground group.
  // A lone SIGINT to pnpm is passed to its `sh -c`, which (like every POSIX shell) waits for the
  // running command instead of exiting; pnpm stays up too, and a second SIGINT ends both.
  const stops = [
    { how: "pnpm alone gets SIGTERM", signal: "SIGTERM", group: false },
    { how: "the process group gets SIGINT (Ctrl-C)", signal: "SIGINT", group: true },
  ] as const;
  for (const { how, signal, group } of stops) {
    it(`stops the server when ${how}`, async (context) => {
      const child = pnpmMock(context, ["workboard", "--port", "0"], { silent: false });
      const url = await listening(child);
      const port = Number(url.port);
      expect(await portAccepts(port)).toBe(true);
      if (child.pid === undefined) throw new Error("pnpm did not start");
      process.kill(group ? -child.pid : child.pid, signal);
      expect(await groupEndsWithin(child.pid, 10_000)).toBe(true);
    });
  }
});
