import { describe, expect, it } from "vitest";
import { createApiClient } from "../client/create-api-client.ts";
import { InvalidResponseError } from "../errors/api-error.ts";
import type { ApiMeta } from "../metadata.ts";

/*
 * Style `next-offset`: the answer names the offset of the next page (WorkBoard v2's
 * `pagination.nextOffset`), and a short or even empty page does not end the list; only a missing or
 * null next offset does.
 */
const BASE = "https://api.scan.test/v2";

type Row = { objectId: number };
type Json<T> = { content: { "application/json": T } };
type None = { query?: never; header?: never; path?: never; cookie?: never };
type Answer = { objects: Row[]; pagination: { limit: number; offset: number; nextOffset: number | null } };
type Paths = {
  "/objects": {
    parameters: None;
    get: {
      parameters: {
        query?: { limit?: number; offset?: number };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: { 200: Json<Answer> };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
};
type Paginated = { "/objects": { method: "get"; item: Row } };

const meta: ApiMeta = {
  vendor: {
    baseUrl: BASE,
    envelope: { success: "/success", message: "/message" },
    auth: [{ type: "bearer", name: "token" }],
  },
  operations: [
    {
      method: "get",
      path: "/objects",
      retrySafe: true,
      pagination: {
        style: "next-offset",
        in: "query",
        offsetParam: "offset",
        sizeParam: "limit",
        defaultSize: 3,
        items: "/objects",
        next: "/pagination/nextOffset",
      },
    },
  ],
};

/** A fake fetch answering from scripted pages keyed by the requested offset; it records each URL. */
function scripted(pages: Readonly<Record<number, { objects: Row[]; nextOffset: unknown }>>) {
  const urls: URL[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    urls.push(url);
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const limit = Number(url.searchParams.get("limit") ?? 50);
    const page = pages[offset];
    if (!page) return Response.json({ message: `no page at ${offset}` }, { status: 500 });
    return Response.json({
      objects: page.objects,
      pagination: { limit, offset, nextOffset: page.nextOffset },
    });
  };
  return { urls, fetch };
}

const client = (fetch: (request: Request) => Promise<Response>) =>
  createApiClient<Paths, never, Paginated>(meta, { token: "t", retry: false, rateLimit: false, fetch });

const rows = (...ids: number[]) => ids.map((objectId) => ({ objectId }));

describe("paginate: next offset given by the answer", () => {
  it("follows nextOffset past a short page to the following page's items", async () => {
    const { urls, fetch } = scripted({
      0: { objects: rows(90, 88), nextOffset: 3 },
      3: { objects: rows(70, 65, 61), nextOffset: 6 },
      6: { objects: rows(12), nextOffset: null },
    });
    const ids = (await client(fetch).paginate("/objects").toArray()).map((r) => r.objectId);
    expect(ids).toEqual([90, 88, 70, 65, 61, 12]);
    expect(urls.map((u) => u.searchParams.get("offset"))).toEqual([null, "3", "6"]);
    expect(urls.every((u) => u.searchParams.get("limit") === "3")).toBe(true);
  });

  it("keeps going over an empty page that still names a next offset", async () => {
    const { fetch } = scripted({
      0: { objects: rows(9), nextOffset: 3 },
      3: { objects: [], nextOffset: 6 },
      6: { objects: rows(2, 1), nextOffset: null },
    });
    const ids = (await client(fetch).paginate("/objects").toArray()).map((r) => r.objectId);
    expect(ids).toEqual([9, 2, 1]);
  });

  it("ends when nextOffset is absent, and starts at the caller's offset and size", async () => {
    const { urls, fetch } = scripted({
      5: { objects: rows(4, 3), nextOffset: 7 },
      7: { objects: rows(2), nextOffset: undefined },
    });
    const ids = (
      await client(fetch)
        .paginate("/objects", { params: { query: { offset: 5, limit: 2 } } })
        .toArray()
    ).map((r) => r.objectId);
    expect(ids).toEqual([4, 3, 2]);
    expect(urls.map((u) => [u.searchParams.get("offset"), u.searchParams.get("limit")])).toEqual([
      ["5", "2"],
      ["7", "2"],
    ]);
  });

  it("reports a nextOffset that does not move forward as InvalidResponseError instead of looping", async () => {
    const { fetch } = scripted({
      0: { objects: rows(9), nextOffset: 4 },
      4: { objects: rows(8), nextOffset: 4 },
    });
    const failure = client(fetch).paginate("/objects").toArray();
    await expect(failure).rejects.toBeInstanceOf(InvalidResponseError);
    await expect(failure).rejects.toThrow("GET /objects: the next offset 4 at /pagination/nextOffset");
  });

  it("reports a nextOffset that is not a number as InvalidResponseError", async () => {
    const { fetch } = scripted({ 0: { objects: rows(9), nextOffset: "later" } });
    await expect(client(fetch).paginate("/objects").toArray()).rejects.toBeInstanceOf(InvalidResponseError);
  });
});
