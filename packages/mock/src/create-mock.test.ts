import { describe, expect, it } from "vitest";
import { type CompiledValidator, createVendorMock, type MockSpec } from "./index.ts";

/** A hand-built mock spec in the shape tools/codegen emits, for the engine's own tests. */
const spec: MockSpec = {
  vendor: "notes",
  baseUrl: "https://api.notes.test/v2",
  envelope: { success: "/success", message: "/message", details: "/errors" },
  auth: [{ type: "bearer", name: "token" }],
  requestIdHeader: "X-Request-Id",
  errors: {
    "404": { success: false, message: "Not found" },
    "422": { success: false, message: "Validation failed", errors: { text: ["required"] } },
    default: { success: false, message: "Error" },
  },
  detailsStyle: "array",
  operations: [
    {
      operationId: "listNotes",
      method: "get",
      path: "/notes",
      mock: { resource: "note", action: "list" },
      successStatus: 200,
      successMediaType: "application/json",
      example: {
        success: true,
        data: [],
        meta: { pagination: { current_page: 1, per_page: 20, total: 0, last_page: 1 } },
      },
      pagination: {
        style: "page",
        in: "query",
        pageParam: "page",
        sizeParam: "per_page",
        defaultSize: 2,
        maxSize: 3,
        items: "/data",
        total: "/meta/pagination/total",
        lastPage: "/meta/pagination/last_page",
      },
      secured: true,
      statuses: [200, 401],
      arrayParams: [],
      hasBody: false,
    },
    {
      operationId: "createNote",
      method: "post",
      path: "/notes",
      mock: { resource: "note", action: "create", references: { folder_id: "folder" } },
      successStatus: 201,
      successMediaType: "application/json",
      example: { success: true, data: { id: 1, text: "x", status: "open", folder_id: null } },
      secured: true,
      statuses: [201, 401, 422],
      arrayParams: [],
      hasBody: true,
    },
    {
      operationId: "getNote",
      method: "get",
      path: "/notes/{noteId}",
      mock: { resource: "note", action: "get", idParam: "noteId" },
      successStatus: 200,
      successMediaType: "application/json",
      example: { success: true, data: { id: 1, text: "x", status: "open", folder_id: null } },
      secured: true,
      statuses: [200, 401, 404],
      arrayParams: [],
      hasBody: false,
    },
    {
      operationId: "closeNote",
      method: "put",
      path: "/notes/{noteId}/close",
      mock: { resource: "note", action: "action", idParam: "noteId", set: { status: "closed" } },
      successStatus: 200,
      successMediaType: "application/json",
      example: { success: true, data: null, message: "Closed" },
      secured: true,
      statuses: [200, 404],
      arrayParams: [],
      hasBody: false,
    },
    {
      operationId: "deleteNote",
      method: "delete",
      path: "/notes/{noteId}",
      mock: { resource: "note", action: "delete", idParam: "noteId" },
      successStatus: 200,
      successMediaType: "application/json",
      example: { success: true, data: null },
      secured: true,
      statuses: [200, 404],
      arrayParams: [],
      hasBody: false,
    },
  ],
  fixtures: {
    note: [
      { id: 1, text: "one", status: "open", folder_id: null },
      { id: 2, text: "two", status: "open", folder_id: 7 },
      { id: 3, text: "three", status: "closed", folder_id: 7 },
    ],
    folder: [{ id: 7, name: "Work" }],
  },
  // A new note is open (the spec's default) and in no folder until one is sent.
  blanks: { note: { values: { status: "open", folder_id: null } }, folder: { values: {} } },
};

const body: CompiledValidator = Object.assign(
  (data: unknown) => {
    const ok =
      typeof data === "object" && data !== null && typeof (data as { text?: unknown }).text === "string";
    body.errors = ok
      ? null
      : [
          {
            instancePath: "",
            message: "must have required property 'text'",
            params: { missingProperty: "text" },
          },
        ];
    return ok;
  },
  { errors: null },
);

const BASE = spec.baseUrl;
const auth = { Authorization: "Bearer t" };
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON response bodies
type Body = Record<string, any>;
const call = async (mock: ReturnType<typeof createVendorMock>, path: string, init: RequestInit = {}) => {
  const response = await mock.handle(
    new Request(`${BASE}${path}`, { ...init, headers: { ...auth, ...init.headers } }),
  );
  if (!response) throw new Error("not handled");
  return { response, json: response.status === 204 ? undefined : ((await response.json()) as Body) };
};

describe("createVendorMock", () => {
  it("pages lists with the vendor's parameters and fills the page block", async () => {
    const mock = createVendorMock(spec, { createNote: { body } });
    const first = await call(mock, "/notes");
    expect(first.json?.["data"].map((n: { id: number }) => n.id)).toEqual([1, 2]);
    expect(first.json?.["meta"].pagination).toEqual({ current_page: 1, per_page: 2, total: 3, last_page: 2 });
    const second = await call(mock, "/notes?page=2&per_page=2");
    expect(second.json?.["data"].map((n: { id: number }) => n.id)).toEqual([3]);
    const capped = await call(mock, "/notes?per_page=50");
    expect(capped.json?.["meta"].pagination.per_page).toBe(3);
    const filtered = await call(mock, "/notes?status=closed");
    expect(filtered.json?.["data"].map((n: { id: number }) => n.id)).toEqual([3]);
  });

  it("answers a next-offset list with the offset of the following page, null on the last", async () => {
    const [list] = spec.operations;
    if (!list) throw new Error("no list operation");
    const scan: MockSpec = {
      ...spec,
      operations: [
        {
          ...list,
          example: { items: [], pagination: { limit: 50, offset: 0, nextOffset: null } },
          pagination: {
            style: "next-offset",
            in: "query",
            offsetParam: "offset",
            sizeParam: "limit",
            defaultSize: 2,
            items: "/items",
            next: "/pagination/nextOffset",
          },
        },
      ],
    };
    const mock = createVendorMock(scan, {});
    const first = await call(mock, "/notes");
    expect(first.json?.["items"].map((n: { id: number }) => n.id)).toEqual([1, 2]);
    expect(first.json?.["pagination"]).toEqual({ limit: 2, offset: 0, nextOffset: 2 });
    const last = await call(mock, "/notes?offset=2&limit=2");
    expect(last.json?.["items"].map((n: { id: number }) => n.id)).toEqual([3]);
    expect(last.json?.["pagination"]).toEqual({ limit: 2, offset: 2, nextOffset: null });
  });

  it("round-trips state: create → get → action → list → delete → 404", async () => {
    const mock = createVendorMock(spec, { createNote: { body } });
    const created = await call(mock, "/notes", {
      method: "POST",
      body: JSON.stringify({ text: "new" }),
      headers: { "Content-Type": "application/json" },
    });
    expect(created.response.status).toBe(201);
    expect(created.json?.["data"]).toEqual({ id: 4, text: "new", status: "open", folder_id: null });
    expect((await call(mock, "/notes/4")).json?.["data"].text).toBe("new");
    await call(mock, "/notes/4/close", { method: "PUT" });
    expect(mock.store.get("note", 4)?.["status"]).toBe("closed");
    expect(
      (await call(mock, "/notes?per_page=3&page=2")).json?.["data"].map((n: { id: number }) => n.id),
    ).toEqual([4]);
    expect((await call(mock, "/notes/4", { method: "DELETE" })).response.status).toBe(200);
    const gone = await call(mock, "/notes/4");
    expect(gone.response.status).toBe(404);
    expect(gone.json).toMatchObject({ success: false });
    mock.reset();
    expect(mock.store.list("note")).toHaveLength(3);
  });

  it("answers bad requests in the vendor's envelope: auth, body, references", async () => {
    const mock = createVendorMock(spec, { createNote: { body } });
    const noAuth = await mock.handle(new Request(`${BASE}/notes`));
    expect(noAuth?.status).toBe(401);
    expect(await noAuth?.json()).toMatchObject({
      success: false,
      message: expect.stringContaining("no access token"),
    });
    const malformed = await mock.handle(
      new Request(`${BASE}/notes`, { headers: { Authorization: "Bearer" } }),
    );
    expect(malformed?.status).toBe(401);
    const invalid = await call(mock, "/notes", {
      method: "POST",
      body: "{}",
      headers: { "Content-Type": "application/json" },
    });
    expect(invalid.response.status).toBe(422);
    expect(invalid.json?.["errors"]).toEqual({ text: ["The text field is required."] });
    const broken = await call(mock, "/notes", {
      method: "POST",
      body: "{not json",
      headers: { "Content-Type": "application/json" },
    });
    expect(broken.response.status).toBe(422);
    const dangling = await call(mock, "/notes", {
      method: "POST",
      body: JSON.stringify({ text: "x", folder_id: 99 }),
      headers: { "Content-Type": "application/json" },
    });
    expect(dangling.response.status).toBe(422);
    expect(dangling.json?.["errors"].folder_id[0]).toContain("no folder 99");
    expect((await call(mock, "/nowhere")).response.status).toBe(404);
    expect(await mock.handle(new Request("https://elsewhere.test/notes"))).toBeUndefined();
  });

  it("answers an operation that documents its own error bodies in those, not the vendor's envelope", async () => {
    const own = {
      "401": { statusCode: 401, error: "Unauthorized", message: "Unauthorized" },
      "422": { statusCode: 422, error: "Unprocessable Entity", message: "Validation failed" },
      default: { statusCode: 422, error: "Unprocessable Entity", message: "Validation failed" },
    };
    const operations = spec.operations.map((op) =>
      op.operationId === "createNote" ? { ...op, errors: own } : op,
    );
    const mock = createVendorMock({ ...spec, operations }, { createNote: { body } });
    const noAuth = await mock.handle(new Request(`${BASE}/notes`, { method: "POST" }));
    expect(noAuth?.status).toBe(401);
    const refused = (await noAuth?.json()) as Body;
    expect(refused).toMatchObject({ statusCode: 401, error: "Unauthorized" });
    expect(refused["success"]).toBeUndefined();
    const invalid = await call(mock, "/notes", {
      method: "POST",
      body: "[]",
      headers: { "Content-Type": "application/json" },
    });
    expect(invalid.response.status).toBe(422);
    expect(invalid.json).toMatchObject({ statusCode: 422, message: "Validation failed" });
    expect(invalid.json?.["success"]).toBeUndefined();
    // Other operations keep the vendor's envelope.
    const listed = await mock.handle(new Request(`${BASE}/notes`));
    expect(await listed?.json()).toMatchObject({ success: false });
  });

  it("serves as a fetch: a URL and init or a Request, another host unreachable, an aborted signal refused", async () => {
    const mock = createVendorMock(spec, { createNote: { body } });
    const created = await mock.fetch(`${BASE}/notes`, {
      method: "POST",
      headers: { ...auth, "Content-Type": "application/json" },
      body: JSON.stringify({ text: "fetched" }),
    });
    expect(created.status).toBe(201);
    const listed = await mock.fetch(new Request(`${BASE}/notes?per_page=3&page=2`, { headers: auth }));
    expect(((await listed.json()) as Body)["data"].map((n: { text: string }) => n.text)).toEqual(["fetched"]);
    await expect(mock.fetch("https://elsewhere.test/notes", { headers: auth })).rejects.toThrow(TypeError);
    const reason = new Error("caller gave up");
    await expect(
      mock.fetch(`${BASE}/notes`, { headers: auth, signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
  });

  it("as a fetch, rejects with the reason of a signal aborted while it answers, and answers when none is", async () => {
    const mock = createVendorMock(spec, {});
    mock.scenario("*", { kind: "latency", ms: 200 }, 2);
    const controller = new AbortController();
    const reason = new Error("timed out on our side");
    const started = Date.now();
    const pending = mock.fetch(`${BASE}/notes`, { headers: auth, signal: controller.signal });
    setTimeout(() => controller.abort(reason), 10);
    await expect(pending).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(150);
    const kept = new AbortController();
    const answered = await mock.fetch(`${BASE}/notes`, { headers: auth, signal: kept.signal });
    expect(answered.status).toBe(200);
  });

  it("echoes or assigns the request id", async () => {
    const mock = createVendorMock(spec, {});
    expect(
      (await call(mock, "/notes", { headers: { "X-Request-Id": "abc" } })).response.headers.get(
        "x-request-id",
      ),
    ).toBe("abc");
    expect((await call(mock, "/notes")).response.headers.get("x-request-id")).toBe("mock-1");
  });

  it("adds the request id to an override's answer, even one whose headers are immutable", async () => {
    const mock = createVendorMock(spec, {});
    mock.override("getNote", () => new Response("{}", { status: 200, statusText: "Fine" }));
    const made = (await call(mock, "/notes/1")).response;
    expect([made.headers.get("x-request-id"), made.statusText]).toEqual(["mock-1", "Fine"]);
    const redirect = Response.redirect("https://elsewhere.test/notes/1", 307);
    expect(() => redirect.headers.set("x-probe", "1")).toThrow(TypeError);
    mock.override("getNote", () => redirect);
    const copied = await mock.handle(new Request(`${BASE}/notes/1`, { headers: auth }));
    expect([copied?.status, copied?.headers.get("location"), copied?.headers.get("x-request-id")]).toEqual([
      307,
      "https://elsewhere.test/notes/1",
      "mock-2",
    ]);
  });

  it("runs scenarios for the next calls only, and typed overrides until restored", async () => {
    const mock = createVendorMock(spec, {});
    mock.scenario("listNotes", { kind: "error", status: 429, retryAfter: 2 }, 2);
    for (let i = 0; i < 2; i++) {
      const limited = await call(mock, "/notes");
      expect(limited.response.status).toBe(429);
      expect(limited.response.headers.get("retry-after")).toBe("2");
      expect(limited.json?.["message"]).toBe("Too many requests");
    }
    expect((await call(mock, "/notes")).response.status).toBe(200);
    mock.scenario("*", { kind: "network-error" });
    const failed = await mock.handle(new Request(`${BASE}/notes/1`, { headers: auth }));
    expect(failed?.type).toBe("error");
    mock.override("getNote", ({ params }) => ({
      success: true,
      data: { id: Number(params["noteId"]), text: "override" },
    }));
    expect((await call(mock, "/notes/2")).json?.["data"]).toEqual({ id: 2, text: "override" });
    mock.restore("getNote");
    expect((await call(mock, "/notes/2")).json?.["data"].text).toBe("two");
  });

  it("answers with the package's behaviours, under overrides, through reset, with the vendor's errors", async () => {
    const mock = createVendorMock(
      spec,
      {},
      {},
      {
        getNote: ({ params, store, error }) => {
          const note = store.get("note", params["noteId"] ?? "");
          return note
            ? { success: true, data: { ...note, text: "from behaviour" } }
            : error(404, { message: "gone" });
        },
      },
    );
    expect((await call(mock, "/notes/2")).json?.["data"]).toMatchObject({ id: 2, text: "from behaviour" });
    const missing = await call(mock, "/notes/99");
    expect(missing.response.status).toBe(404);
    expect(missing.json).toEqual({ success: false, message: "gone" });
    mock.override("getNote", () => ({ success: true, data: { id: 0, text: "override" } }));
    expect((await call(mock, "/notes/2")).json?.["data"].text).toBe("override");
    mock.restore("getNote");
    expect((await call(mock, "/notes/2")).json?.["data"].text).toBe("from behaviour");
    mock.override("getNote", () => ({ success: true, data: { id: 0, text: "override" } }));
    mock.reset();
    expect((await call(mock, "/notes/2")).json?.["data"].text).toBe("from behaviour");
  });

  it("is deterministic: two instances give byte-identical answers whatever the order", async () => {
    const a = createVendorMock(spec, {});
    const b = createVendorMock(spec, {});
    const paths = ["/notes", "/notes/2", "/notes?page=2", "/notes/3"];
    const fromA: string[] = [];
    for (const p of paths) fromA.push(JSON.stringify((await call(a, p)).json));
    const fromB: string[] = [];
    for (const p of [...paths].reverse()) fromB.unshift(JSON.stringify((await call(b, p)).json));
    expect(fromB).toEqual(fromA);
    expect(new Set(fromA).size).toBe(paths.length);
  });
});

describe("seeds", () => {
  it("orders fixtures by seed: same seed same order, another seed another order", () => {
    const many: MockSpec = {
      ...spec,
      fixtures: {
        note: Array.from({ length: 12 }, (_, i) => ({
          id: i + 1,
          text: `n${i}`,
          status: "open",
          folder_id: null,
        })),
      },
    };
    const ids = (seed?: number) =>
      createVendorMock(many, {}, seed === undefined ? {} : { seed })
        .store.list("note")
        .map((n) => n["id"]);
    expect(ids()).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(ids(7)).toEqual(ids(7));
    expect(ids(7)).not.toEqual(ids(8));
    expect([...ids(7)].sort((a, b) => Number(a) - Number(b))).toEqual(ids());
  });
});

describe("roles", () => {
  it("refuses a key whose role is not the operation's required role, in the vendor's envelope", async () => {
    const admin: MockSpec = {
      ...spec,
      operations: spec.operations.map((o) =>
        o.operationId === "listNotes" ? { ...o, requiredRole: "admin" } : o,
      ),
    };
    const mock = createVendorMock(admin, {}, { tokenRoles: { "user-key": "user" } });
    const asUser = await mock.handle(
      new Request(`${BASE}/notes`, { headers: { Authorization: "Bearer user-key" } }),
    );
    expect(asUser?.status).toBe(403);
    expect(await asUser?.json()).toMatchObject({
      success: false,
      message: expect.stringContaining("needs admin"),
    });
    const asAdmin = await mock.handle(
      new Request(`${BASE}/notes`, { headers: { Authorization: "Bearer other" } }),
    );
    expect(asAdmin?.status).toBe(200);
  });
});

describe("filters and bodies", () => {
  it("filters lists by numeric fields, whether the query was coerced or not", async () => {
    const coerce: CompiledValidator = Object.assign(
      (data: unknown) => {
        const q = data as Record<string, unknown>;
        if (typeof q["folder_id"] === "string") q["folder_id"] = Number(q["folder_id"]);
        return true;
      },
      { errors: null },
    );
    for (const validators of [{}, { listNotes: { query: coerce } }]) {
      const mock = createVendorMock(spec, validators);
      const ids = (await call(mock, "/notes?folder_id=7")).json?.["data"].map((n: { id: number }) => n.id);
      expect(ids).toEqual([2, 3]);
    }
  });

  it("applies every field filter together, and neither paging parameters nor unknown names filter", async () => {
    const mock = createVendorMock(spec, {});
    const ids = async (path: string) =>
      (await call(mock, path)).json?.["data"].map((n: { id: number }) => n.id);
    expect(await ids("/notes?per_page=3&folder_id=7&status=open")).toEqual([2]);
    expect(await ids("/notes?per_page=3&folder_id=7&status=archived")).toEqual([]);
    expect(await ids("/notes?per_page=3&colour=blue")).toEqual([1, 2, 3]);
    expect(await ids("/notes?per_page=3&page=1")).toEqual([1, 2, 3]);
  });

  it("never stores a token sent in the body", async () => {
    const withBodyToken: MockSpec = {
      ...spec,
      auth: [{ type: "apiKey", name: "board", in: "query", param: "access_token", alsoInBody: true }],
    };
    const mock = createVendorMock(withBodyToken, { createNote: { body } });
    const created = await mock.handle(
      new Request(`${BASE}/notes`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: "t", access_token: "secret-board-token" }),
      }),
    );
    expect(created?.status).toBe(201);
    expect(JSON.stringify(mock.store.list("note"))).not.toContain("secret-board-token");
  });
});
