import { createWebWorkClient } from "@workapis/webwork";

/** Iterates N items through paginate() over a stubbed API; reports heap growth (should not grow with N). */
export async function paginationMemory(items: number) {
  const perPage = 100;
  const lastPage = Math.ceil(items / perPage);
  const stub = async (request: Request) => {
    const page = Number(new URL(request.url).searchParams.get("page") ?? 1);
    const data = Array.from({ length: perPage }, (_, i) => ({
      id: (page - 1) * perPage + i + 1,
      name: `project ${i}`,
    }));
    return Response.json({
      success: true,
      data,
      meta: { pagination: { current_page: page, last_page: lastPage, per_page: perPage, total: items } },
    });
  };
  const client = createWebWorkClient({ token: "t", fetch: stub, rateLimit: false, logLevel: "off" });
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let count = 0;
  for await (const _ of client.paginate("/projects", {
    params: { query: { workspace_id: 1, per_page: perPage } },
  })) {
    count++;
    if (count % 5000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  return { items: count, peakGrowthMb: (peak - before) / 1024 / 1024 };
}
