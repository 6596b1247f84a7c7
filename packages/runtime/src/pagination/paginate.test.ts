import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApiClient } from "../client/create-api-client.ts";
import {
  BASE,
  type TestErrorCode,
  type TestPaginated,
  type TestPaths,
  testMeta,
} from "../client/test-fixture.ts";
import { InvalidResponseError, NotFoundError } from "../errors/api-error.ts";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const api = () =>
  createApiClient<TestPaths, TestErrorCode, TestPaginated>(testMeta, {
    token: "t",
    retry: false,
    rateLimit: false,
  });

const notes = Array.from({ length: 5 }, (_, i) => ({ id: i + 1, text: `note ${i + 1}` }));
const seenUrls: URL[] = [];
function pagedNotes() {
  seenUrls.length = 0;
  return http.get(`${BASE}/notes`, ({ request }) => {
    const url = new URL(request.url);
    seenUrls.push(url);
    const page = Number(url.searchParams.get("page") ?? 1);
    const size = Number(url.searchParams.get("per_page") ?? 20);
    return HttpResponse.json({
      success: true,
      data: notes.slice((page - 1) * size, page * size),
      meta: { last_page: Math.ceil(notes.length / size) },
    });
  });
}

describe("paginate: page + per_page", () => {
  it("walks every page with the vendor's default size, keeping the caller's filters", async () => {
    server.use(pagedNotes());
    const ids: number[] = [];
    for await (const note of api().paginate("/notes", { params: { query: { tag: "work" } } }))
      ids.push(note.id);
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect(seenUrls.map((u) => u.searchParams.get("page"))).toEqual(["1", "2", "3"]);
    expect(
      seenUrls.every((u) => u.searchParams.get("per_page") === "2" && u.searchParams.get("tag") === "work"),
    ).toBe(true);
  });

  it("stops at maxItems and maxPages without fetching further pages", async () => {
    server.use(pagedNotes());
    expect((await api().paginate("/notes", undefined, { maxItems: 3 }).toArray()).map((n) => n.id)).toEqual([
      1, 2, 3,
    ]);
    expect(seenUrls).toHaveLength(2);
    const pages = [];
    for await (const page of api()
      .paginate("/notes", { params: { query: { per_page: 1 } } }, { maxPages: 2 })
      .pages()) {
      pages.push(page.items.map((n) => n.id));
    }
    expect(pages).toEqual([[1], [2]]);
  });

  it("throws the typed error of a failing page", async () => {
    server.use(
      http.get(`${BASE}/notes`, () =>
        HttpResponse.json({ success: false, message: "gone" }, { status: 404 }),
      ),
    );
    await expect(api().paginate("/notes").toArray()).rejects.toBeInstanceOf(NotFoundError);
  });

  it("reports a page without the item array as InvalidResponseError", async () => {
    server.use(
      http.get(`${BASE}/notes`, () => HttpResponse.json({ success: true, data: { oops: true }, meta: {} })),
    );
    const failure = api().paginate("/notes").toArray();
    await expect(failure).rejects.toBeInstanceOf(InvalidResponseError);
    // Named as the caller knows the operation: by method and path.
    await expect(failure).rejects.toThrow("GET /notes: no item array at /data in the response");
  });

  it("refuses a path that is not a paginated operation, before sending anything", () => {
    expect(() => api().paginate("/notes/export" as "/notes")).toThrow(
      new TypeError("/notes/export is not a paginated operation"),
    );
  });
});

describe("paginate: offset + limit with totalCount", () => {
  it("advances the offset by the items received and stops at the total", async () => {
    const events = Array.from({ length: 7 }, (_, i) => ({ id: `e${i}` }));
    const offsets: string[] = [];
    server.use(
      http.get(`${BASE}/events`, ({ request }) => {
        const url = new URL(request.url);
        offsets.push(url.searchParams.get("offset") ?? "");
        const offset = Number(url.searchParams.get("offset"));
        const limit = Number(url.searchParams.get("limit"));
        return HttpResponse.json({
          success: true,
          data: { events: events.slice(offset, offset + limit), totalCount: events.length },
        });
      }),
    );
    const all = await api().paginate("/events").toArray();
    expect(all.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(offsets).toEqual(["0", "3", "6"]);
  });
});

describe("paginate: next URL", () => {
  it("follows the vendor's nextURL until it is null", async () => {
    server.use(
      http.get(`${BASE}/feed`, ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get("page") ?? 1);
        return HttpResponse.json({
          results: [{ id: page * 10 }, { id: page * 10 + 1 }],
          more: page < 3,
          nextURL: page < 3 ? `${BASE}/feed?page=${page + 1}&size=2` : null,
        });
      }),
    );
    const ids = (await api().paginate("/feed").toArray()).map((r) => r.id);
    expect(ids).toEqual([10, 11, 20, 21, 30, 31]);
  });
});

describe("paginate: guards", () => {
  it("refuses a path that does not paginate", () => {
    expect(() => api().paginate("/notes/{id}" as "/notes")).toThrow(TypeError);
  });
});
