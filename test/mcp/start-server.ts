import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { repoRoot } from "../conformance/spec-model.ts";

const packageDir = resolve(repoRoot, "packages/mcp");
const pkg = JSON.parse(readFileSync(resolve(packageDir, "package.json"), "utf8")) as {
  name: string;
  bin: Record<string, string>;
};

/** The built bin: what `npx @workapis/mcp` runs (the package's one bin). */
export const bin = resolve(packageDir, Object.values(pkg.bin)[0] ?? "");

/** The server's environment: no credential, whatever the machine running the tests has. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env))
    if (value !== undefined && !/_TOKEN$|_API_KEY$|_BASE_URL$/.test(key)) env[key] = value;
  return { ...env, ...extra };
}

/**
 * The args of an MCP client configuration (`npx -y @workapis/mcp …`) as a command on the built bin:
 * npx's own flags and the package name are what npx resolves to the bin; the rest goes to the server.
 */
export function binArgs(command: string, args: readonly string[]): string[] {
  if (command !== "npx") throw new Error(`the snippet runs ${command}, not npx`);
  const at = args.indexOf(pkg.name);
  if (at < 0 || args.slice(0, at).some((a) => !a.startsWith("-")))
    throw new Error(`the snippet's args do not run ${pkg.name}: ${args.join(" ")}`);
  return [bin, ...args.slice(at + 1)];
}

export interface Connected {
  readonly client: Client;
  readonly stderr: () => string;
  close(): Promise<void>;
}

/** A real MCP client on the bin over stdio. */
export async function connectStdio(args: readonly string[], env = cleanEnv()): Promise<Connected> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [...args],
    env,
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const client = new Client({ name: "workapis-test", version: "1.0.0" });
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() };
}

/** A real MCP client on the bin over Streamable HTTP (`--http --port=0`, the address read from stderr). */
export async function connectHttp(serverArgs: readonly string[], env = cleanEnv()): Promise<Connected> {
  const child: ChildProcess = spawn(process.execPath, [bin, ...serverArgs, "--http", "--port=0"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
      const found = /Streamable HTTP on (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(stderr)?.[1];
      if (found) resolveUrl(found);
    });
    child.once("exit", (code) => reject(new Error(`the server exited (${String(code)}): ${stderr}`)));
  });
  const client = new Client({ name: "workapis-test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return {
    client,
    stderr: () => stderr,
    close: async () => {
      await client.close();
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
