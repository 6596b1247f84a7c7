import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { parseCliArguments, USAGE } from "./cli-arguments.ts";
import { createMcpServer } from "./create-server.ts";
import { serveHttp } from "./http-server.ts";
import { SERVER_VERSION } from "./server-info.ts";
import { createToolbox } from "./toolbox.ts";

/**
 * `workapis-mcp`: stdout carries the MCP protocol (stdio mode), so everything meant for a person, the
 * notice of what is served included, goes to stderr.
 */
async function main(): Promise<void> {
  const command = parseCliArguments(process.argv.slice(2));
  if (command.action === "help") return void process.stdout.write(`${USAGE}\n`);
  if (command.action === "version") return void process.stdout.write(`${SERVER_VERSION}\n`);
  const toolbox = createToolbox(command.options);
  process.stderr.write(`workapis-mcp: ${toolbox.notice}\n`);
  if (command.http) {
    const running = await serveHttp(toolbox, { port: command.port });
    process.stderr.write(`workapis-mcp: Streamable HTTP on ${running.url}\n`);
    const stop = () => void running.close().then(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    return;
  }
  const server = createMcpServer(toolbox);
  await server.connect(new StdioServerTransport());
}

main().catch((error: unknown) => {
  process.stderr.write(`workapis-mcp: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
