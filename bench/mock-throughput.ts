import { createWebWorkMock } from "@workapis/webwork/msw";
import { HttpResponse, http, type RequestHandler } from "msw";
import { setupServer } from "msw/node";

/**
 * Requests per second through the WebWork mock (routing, auth, validation, store), two ways:
 * `mock.handle()` called directly vs a constant responder, and through msw's real request pipeline
 * (setupServer + global fetch) with the generated handlers vs a bare `http.get` constant handler.
 */
// msw only intercepts; should anything slip past it, it goes to a closed port on loopback.
const BASE = "http://127.0.0.1:9/api/v2";
const URL_ = `${BASE}/members?workspace_id=4821&page=1&per_page=20`;
const init = { headers: { Authorization: "Bearer t" } };

async function time(label: string, requests: number, send: () => Promise<Response | undefined>) {
  for (let i = 0; i < 300; i++) await (await send())?.text();
  const start = performance.now();
  let failed = 0;
  for (let i = 0; i < requests; i++) {
    const response = await send();
    if (!response?.ok) failed++;
    await response?.text();
  }
  const ms = performance.now() - start;
  if (failed > 0) throw new Error(`${label}: ${failed} of ${requests} requests did not answer 2xx`);
  return { label, perSecond: (requests / ms) * 1000 };
}

async function throughMsw(label: string, requests: number, handlers: RequestHandler[]) {
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: "error" });
  try {
    return await time(label, requests, () => fetch(URL_, init));
  } finally {
    server.close();
  }
}

export async function mockThroughput(direct = 20_000, viaMsw = 5_000) {
  const mock = createWebWorkMock({ baseUrl: BASE });
  const body = { success: true, data: [] };
  const constant = await time("constant responder, called directly", direct, async () => Response.json(body));
  const handle = await time("WebWork mock.handle(), called directly (validating)", direct, () =>
    mock.handle(new Request(URL_, init)),
  );
  const bare = await throughMsw("msw setupServer: bare http.get constant", viaMsw, [
    http.get(`${BASE}/members`, () => HttpResponse.json(body)),
  ]);
  const generated = await throughMsw(
    "msw setupServer: generated WebWork handlers (validating)",
    viaMsw,
    createWebWorkMock({ baseUrl: BASE }).handlers,
  );
  return [
    { ...constant, baseline: "itself", ratio: 1 },
    { ...handle, baseline: "constant responder", ratio: handle.perSecond / constant.perSecond },
    { ...bare, baseline: "itself", ratio: 1 },
    { ...generated, baseline: "bare msw handler", ratio: generated.perSecond / bare.perSecond },
  ];
}
