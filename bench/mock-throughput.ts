import { createWebWorkMock } from "@workapis/webwork/msw";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { interleave, type Variant } from "./interleave.ts";

/**
 * Requests per second through the WebWork mock (routing, auth, validation, store), two ways:
 * `mock.handle()` called directly vs a constant responder, and through msw's real request pipeline
 * (setupServer + global fetch) with the generated handlers vs a bare `http.get` constant handler.
 * Each pair runs in interleaved rounds (one msw server, its handlers swapped per round), so neither
 * side gets the warmer JIT or the quieter minute.
 */
// msw only intercepts; should anything slip past it, it goes to a closed port on loopback.
const BASE = "http://127.0.0.1:9/api/v2";
const URL_ = `${BASE}/members?workspace_id=4821&page=1&per_page=20`;
const init = { headers: { Authorization: "Bearer t" } };

/** Reads the whole response, as a test would; anything but 2xx stops the benchmark. */
async function consume(label: string, response: Response | undefined): Promise<void> {
  if (!response?.ok) throw new Error(`${label}: answered ${response?.status ?? "nothing"}, not 2xx`);
  await response.text();
}

function variant(label: string, send: () => Promise<Response | undefined>, enter?: () => void): Variant {
  return { label, run: async () => consume(label, await send()), ...(enter ? { enter } : {}) };
}

export interface ThroughputRow {
  readonly label: string;
  readonly perSecond: number;
  readonly baseline: string;
  readonly ratio: number;
}

/** Requests per second of each variant, and its median per-round ratio (of time) turned into one of rate. */
async function pair(variants: readonly Variant[], calls: number): Promise<ThroughputRow[]> {
  const timings = await interleave(variants, { calls, rounds: 20, warmup: 300 });
  const baseline = timings[0]?.label ?? "";
  return timings.map((t, index) => ({
    label: t.label,
    perSecond: 1_000_000 / t.perCallUs,
    baseline: index === 0 ? "itself" : baseline,
    ratio: 1 / t.ratio,
  }));
}

export async function mockThroughput(direct = 20_000, viaMsw = 5_000): Promise<ThroughputRow[]> {
  const mock = createWebWorkMock({ baseUrl: BASE });
  const body = { success: true, data: [] };
  const inProcess = await pair(
    [
      variant("constant responder, called directly", async () => Response.json(body)),
      variant("WebWork mock.handle(), called directly (validating)", () =>
        mock.handle(new Request(URL_, init)),
      ),
    ],
    direct,
  );
  const bare = [http.get(`${BASE}/members`, () => HttpResponse.json(body))];
  const generated = createWebWorkMock({ baseUrl: BASE }).handlers;
  const server = setupServer();
  server.listen({ onUnhandledRequest: "error" });
  try {
    const throughMsw = await pair(
      [
        variant(
          "msw setupServer: bare http.get constant",
          () => fetch(URL_, init),
          () => server.resetHandlers(...bare),
        ),
        variant(
          "msw setupServer: generated WebWork handlers (validating)",
          () => fetch(URL_, init),
          () => server.resetHandlers(...generated),
        ),
      ],
      viaMsw,
    );
    return [...inProcess, ...throughMsw];
  } finally {
    server.close();
  }
}
