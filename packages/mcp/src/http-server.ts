import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createMcpServer } from "./create-server.ts";
import type { Toolbox } from "./toolbox.ts";

export interface HttpServerOptions {
  /** The port on 127.0.0.1 (default 3333; 0 picks a free one). */
  readonly port?: number;
}

export interface RunningHttpServer {
  /** The MCP endpoint, `http://127.0.0.1:<port>/mcp`. */
  readonly url: string;
  close(): Promise<void>;
}

export const DEFAULT_HTTP_PORT = 3333;

/**
 * Serves the toolbox over Streamable HTTP on 127.0.0.1 only, stateless: each POST to `/mcp` gets its own
 * MCP server and transport, all sharing the toolbox (so the vendors' state outlives a request). The
 * SDK's Express app checks the Host header against DNS rebinding. Loaded only with `--http`.
 */
export async function serveHttp(
  toolbox: Toolbox,
  options: HttpServerOptions = {},
): Promise<RunningHttpServer> {
  const port = options.port ?? DEFAULT_HTTP_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new RangeError(`port: expected a whole number from 0 to 65535, got ${String(port)}`);
  const [{ createMcpExpressApp }, { StreamableHTTPServerTransport }] = await Promise.all([
    import("@modelcontextprotocol/sdk/server/express.js"),
    import("@modelcontextprotocol/sdk/server/streamableHttp.js"),
  ]);
  const app = createMcpExpressApp({ host: "127.0.0.1" });
  app.post("/mcp", async (req: IncomingMessage & { body?: unknown }, res: ServerResponse) => {
    const server = createMcpServer(toolbox);
    // No session id generator: stateless, each request stands alone.
    const transport = new StreamableHTTPServerTransport({});
    res.on("close", () => {
      void transport.close();
      void server.close();
    });
    try {
      await server.connect(transport);
      await transport.handleRequest(req, res, req.body);
    } catch {
      if (!res.headersSent)
        answerJson(res, 500, {
          jsonrpc: "2.0",
          error: { code: -32603, message: "Internal error" },
          id: null,
        });
    }
  });
  const notAllowed = (_req: IncomingMessage, res: ServerResponse) =>
    answerJson(res, 405, {
      jsonrpc: "2.0",
      error: { code: -32000, message: "Method not allowed." },
      id: null,
    });
  app.get("/mcp", notAllowed);
  app.delete("/mcp", notAllowed);
  const listener = await new Promise<Server>((resolve, reject) => {
    const server = app.listen(port, "127.0.0.1", (error?: Error) =>
      error ? reject(error) : resolve(server),
    );
    server.once("error", reject);
  });
  const { port: bound } = listener.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/mcp`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        listener.closeAllConnections();
        listener.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function answerJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
