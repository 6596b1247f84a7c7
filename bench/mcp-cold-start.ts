import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

/** The `workapis-mcp` bin of the built package, as `npx @workapis/mcp` runs it. */
const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve("@workapis/mcp/package.json"));
const bin = resolve(packageDir, "dist/cli.js");

export interface ColdStart {
  readonly label: string;
  /** Median over the rounds, in ms. */
  readonly ms: number;
  readonly low: number;
  readonly high: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Spawn to answer: the server started, a Client connected (initialize), and `tools/list` answered. */
async function startAndList(args: readonly string[]): Promise<{ listed: number; firstCall: number }> {
  const started = performance.now();
  const client = new Client({ name: "bench", version: "1.0.0" });
  await client.connect(
    new StdioClientTransport({ command: process.execPath, args: [bin, ...args], stderr: "ignore" }),
  );
  await client.listTools();
  const listed = performance.now() - started;
  // The first call on a vendor loads its mock (seeded data, validators): measured apart.
  const before = performance.now();
  await client.callTool({
    name: "call_operation",
    arguments: { vendor: "webwork", operationId: "listWorkspaces" },
  });
  const firstCall = performance.now() - before;
  await client.close();
  return { listed, firstCall };
}

/** A bare Node start (`node -e ""`): what any Node bin pays before its own code runs. */
function bareNode(): number {
  const started = performance.now();
  execFileSync(process.execPath, ["-e", ""]);
  return performance.now() - started;
}

/** Cold start of the MCP server over stdio, interleaved with the bare-Node baseline, `rounds` times. */
export async function mcpColdStart(rounds = 7): Promise<ColdStart[]> {
  const samples = {
    node: [] as number[],
    dynamic: [] as number[],
    static: [] as number[],
    call: [] as number[],
  };
  for (let round = 0; round < rounds; round++) {
    samples.node.push(bareNode());
    const dynamic = await startAndList(["--mock"]);
    samples.dynamic.push(dynamic.listed);
    samples.call.push(dynamic.firstCall);
    samples.static.push((await startAndList(["--mock", "--tools=static", "--allow-writes"])).listed);
  }
  const row = (label: string, values: number[]): ColdStart => ({
    label,
    ms: median(values),
    low: Math.min(...values),
    high: Math.max(...values),
  });
  return [
    row('bare `node -e ""` (baseline)', samples.node),
    row("`workapis-mcp --mock`: spawn, initialize, tools/list", samples.dynamic),
    row("`workapis-mcp --mock --tools=static --allow-writes` (every operation a tool)", samples.static),
    row("then the first call on a vendor (its mock loaded)", samples.call),
  ];
}
