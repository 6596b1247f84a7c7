import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { toCallToolResult } from "./answers.ts";
import { SERVER_NAME, SERVER_VERSION } from "./server-info.ts";
import type { Toolbox } from "./toolbox.ts";

const INSTRUCTIONS = `Work-management APIs (WorkBoard, Workglue, Betterworks, WebWork Tracker, BoardCRM) as tools.
Dynamic mode: find an operation with list_operations, read its argument schema with describe_operation,
then call it with call_operation. Operations that change data are refused unless the server was started
with --allow-writes. A list call answers one page of at most maxItems items.`;

/**
 * An MCP server answering with the toolbox's tools. The SDK's McpServer registers tools from zod
 * schemas; these tools' input schemas are JSON Schema from the specs, so `tools/list` and `tools/call`
 * are answered on its underlying protocol server, as the SDK documents for such cases.
 */
export function createMcpServer(toolbox: Toolbox): McpServer {
  const mcp = new McpServer(
    { name: SERVER_NAME, version: SERVER_VERSION, title: "workapis" },
    { capabilities: { tools: { listChanged: false } }, instructions: INSTRUCTIONS },
  );
  mcp.server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: toolbox.tools.map((tool) => ({
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: tool.inputSchema,
      annotations: { title: tool.title, ...tool.annotations },
    })),
  }));
  mcp.server.setRequestHandler(CallToolRequestSchema, async (request) =>
    toCallToolResult(await toolbox.call(request.params.name, request.params.arguments)),
  );
  return mcp;
}
