import { createWebWorkClient, type WebWorkClient } from "@workapis/webwork";
import { createWebWorkMock } from "@workapis/webwork/msw";
import { afterEach, describe, expect, it, vi } from "vitest";

/**
 * A consumer suite calls the mock far more often than the vendor's rate limit allows (WebWork: 60 a
 * minute). `mock.client()` is the client for tests: it waits on no limiter and no backoff. Fake timers
 * make any wait visible: a call that waits on a timer stays pending until the clock is moved.
 */
describe("mock.client(): a client configured for tests", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Starts `count` calls and lets every settled promise settle, without moving the fake clock. */
  async function settledOf(client: WebWorkClient, count: number) {
    let settled = 0;
    const calls = Array.from({ length: count }, () =>
      client.GET("/workspaces").then((result) => {
        settled++;
        return result;
      }),
    );
    await vi.advanceTimersByTimeAsync(0);
    return { settled: () => settled, calls };
  }

  it("answers 200 calls without waiting on WebWork's 60-a-minute limiter", async () => {
    vi.useFakeTimers();
    const mock = createWebWorkMock();
    const { settled, calls } = await settledOf(mock.client(), 200);
    expect(settled()).toBe(200);
    for (const { error } of await Promise.all(calls)) expect(error).toBeUndefined();
  });

  it("differs from a client with the vendor's defaults, whose 61st call waits a minute", async () => {
    vi.useFakeTimers();
    const mock = createWebWorkMock();
    const { settled, calls } = await settledOf(createWebWorkClient({ token: "t", fetch: mock.fetch }), 61);
    expect(settled()).toBe(60);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(settled()).toBe(61);
    await Promise.all(calls);
  });

  it("returns an armed 429 at once instead of waiting for its Retry-After", async () => {
    vi.useFakeTimers();
    const mock = createWebWorkMock();
    mock.scenario("listWorkspaces", { kind: "error", status: 429, retryAfter: 30 });
    const { settled, calls } = await settledOf(mock.client(), 1);
    expect(settled()).toBe(1);
    const [result] = await Promise.all(calls);
    expect(result?.error?.status).toBe(429);
  });

  it("retries a 5xx at once, as the vendor's client would after its backoff", async () => {
    vi.useFakeTimers();
    const mock = createWebWorkMock();
    mock.scenario("listWorkspaces", { kind: "error", status: 503 });
    const { settled, calls } = await settledOf(mock.client(), 1);
    expect(settled()).toBe(1);
    const [result] = await Promise.all(calls);
    expect(result?.error).toBeUndefined();
  });

  it("talks to this mock's own store and takes the caller's options over its own", async () => {
    const mock = createWebWorkMock({ baseUrl: "https://webwork.test/api/v2" });
    const workspace = mock.store.peek("workspace")[0];
    const { data } = await mock.client().GET("/workspaces");
    expect(data?.data?.[0]?.id).toBe(workspace?.["id"]);
    const strict = mock.client({ retry: false });
    mock.scenario("listWorkspaces", { kind: "error", status: 503 });
    const { error } = await strict.GET("/workspaces");
    expect(error?.status).toBe(503);
  });
});
