import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { VendorMock } from "./create-mock.ts";
import type { OperationsShape } from "./override-types.ts";

export interface MockServer {
  /** The base URL to give a client: the vendor's base path on this server. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Methods the fetch standard forbids on a `Request`; no operation can have them. */
const FORBIDDEN_METHODS: ReadonlySet<string> = new Set(["CONNECT", "TRACE", "TRACK"]);

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return headers;
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = headersOf(req);
  const method = req.method ?? "GET";
  const body =
    method === "GET" || method === "HEAD" || chunks.length === 0 ? undefined : Buffer.concat(chunks);
  return new Request(`${origin}${req.url ?? "/"}`, { method, headers, ...(body ? { body } : {}) });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  if (response.type === "error") {
    res.socket?.destroy();
    return;
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * Serves a vendor mock over HTTP on 127.0.0.1, for curl and non-JS consumers: the same engine,
 * store, validation and scenarios as the msw handlers.
 */
export async function serveMock<Ops extends OperationsShape>(
  mock: VendorMock<Ops>,
  options: { readonly port?: number; readonly host?: string } = {},
): Promise<MockServer> {
  const vendor = new URL(mock.baseUrl);
  const server = createServer((req, res) => {
    const method = (req.method ?? "GET").toUpperCase();
    if (FORBIDDEN_METHODS.has(method)) {
      req.resume();
      const response = mock.handleMethod(method, `${vendor.origin}${req.url ?? "/"}`, headersOf(req));
      void send(res, response ?? new Response("Not found", { status: 404 }));
      return;
    }
    toRequest(req, vendor.origin)
      .then(async (request) => {
        const response = await mock.handle(request);
        await send(res, response ?? new Response("Not found", { status: 404 }));
      })
      .catch((error: unknown) => {
        res.writeHead(500, { "Content-Type": "text/plain" });
        res.end(`mock server error: ${error instanceof Error ? error.message : String(error)}`);
      });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}${vendor.pathname.replace(/\/$/, "")}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
