import { createWebWorkMock } from "@workapis/webwork/msw";

/** Requests per second through the WebWork mock (routing, auth, validation, store) vs a constant responder. */
export async function mockThroughput(requests = 20_000) {
  const mock = createWebWorkMock();
  const constant = async (_request: Request) => Response.json({ success: true, data: [] });
  const request = () =>
    new Request("https://api.webwork-tracker.com/api/v2/members?workspace_id=4821&page=1&per_page=20", {
      headers: { Authorization: "Bearer t" },
    });
  const time = async (label: string, handle: (r: Request) => Promise<Response | undefined>) => {
    for (let i = 0; i < 500; i++) await (await handle(request()))?.text();
    const start = performance.now();
    for (let i = 0; i < requests; i++) await (await handle(request()))?.text();
    const ms = performance.now() - start;
    return { label, perSecond: (requests / ms) * 1000 };
  };
  const rows = [
    await time("constant responder", constant),
    await time("WebWork mock (validating)", (r) => mock.handle(r)),
  ];
  const baseline = rows[0]?.perSecond ?? 1;
  return rows.map((r) => ({ ...r, ratio: r.perSecond / baseline }));
}
