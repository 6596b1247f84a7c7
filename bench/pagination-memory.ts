import { setTimeout as wait } from "node:timers/promises";
import { createWebWorkClient } from "@workapis/webwork";
import { createWebWorkMock } from "@workapis/webwork/msw";

/** Heap after full collections, with pauses for finalizers (undici frees each Request's signal in one). */
async function settledHeap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    globalThis.gc?.();
    await wait(20);
  }
  return process.memoryUsage().heapUsed;
}

/**
 * Iterates N items through paginate() over the WebWork mock (routing, auth, validation, JSON on the
 * wire) and reports heap growth, which should not grow with N. The mock's `listProjects` is
 * overridden to build each requested page on demand from a seed record: with a store of 100k
 * records, the garbage of the store's per-page filtering would dominate the heap figures, not
 * paginate().
 */
export async function paginationMemory(items: number) {
  const perPage = 100;
  const lastPage = Math.ceil(items / perPage);
  const mock = createWebWorkMock();
  const client = createWebWorkClient({
    token: "t",
    fetch: mock.fetch,
    rateLimit: false,
    logLevel: "off",
  });
  const seed = await client.GET("/projects", { params: { query: { workspace_id: 4821 } } });
  const template = seed.data?.data[0];
  if (!seed.data || !template) throw new Error("the WebWork mock has no seed project");
  const { data: first } = seed;
  mock.override("listProjects", ({ query }) => {
    const page = query.page ?? 1;
    const count = Math.max(0, Math.min(perPage, items - (page - 1) * perPage));
    return {
      ...first,
      data: Array.from({ length: count }, (_, i) => ({ ...template, id: (page - 1) * perPage + i + 1 })),
      meta: {
        ...first.meta,
        pagination: { current_page: page, last_page: lastPage, per_page: perPage, total: items },
      },
    };
  });
  const before = await settledHeap();
  let peak = before;
  let count = 0;
  for await (const _ of client.paginate("/projects", {
    params: { query: { workspace_id: 4821, per_page: perPage } },
  })) {
    count++;
    if (count % 1000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const retained = (await settledHeap()) - before;
  if (count !== items) throw new Error(`paginate() yielded ${count} of ${items} items`);
  return { items: count, peakGrowthMb: (peak - before) / 1024 / 1024, retainedMb: retained / 1024 / 1024 };
}
