import { describe, expectTypeOf, it } from "vitest";
import type { ApiError } from "../errors/api-error.ts";
import type { ClientOptions } from "./client-options.ts";
import { createApiClient } from "./create-api-client.ts";
import type { Note, TestErrorCode, TestPaginated, TestPaths } from "./test-fixture.ts";
import { testMeta } from "./test-fixture.ts";
import { unwrap } from "./unwrap.ts";

const api = createApiClient<TestPaths, TestErrorCode, TestPaginated>(testMeta, { token: "t" });

describe("client types", () => {
  it("infers data and a typed error from the path", async () => {
    const result = await api.GET("/notes/{id}", { params: { path: { id: 1 } } });
    if (result.error) {
      expectTypeOf(result.error).toEqualTypeOf<
        ApiError<
          TestErrorCode,
          {
            success: false;
            message: string;
            error?: "bad_note" | "no_access";
            errors?: Record<string, string[]>;
          }
        >
      >();
      expectTypeOf(result.error.code).toEqualTypeOf<TestErrorCode | undefined>();
    } else {
      expectTypeOf(result.data.data).toEqualTypeOf<Note>();
    }
    const note = await unwrap(api.GET("/notes/{id}", { params: { path: { id: 1 } } }));
    expectTypeOf(note.data).toEqualTypeOf<Note>();
  });

  it("types a text/* operation's data as a string and a JSON one's by its schema", async () => {
    const csv = await api.GET("/notes/export");
    if (!csv.error) expectTypeOf(csv.data).toEqualTypeOf<string>();
    // @ts-expect-error a text operation is not read as JSON
    api.GET("/notes/export", { parseAs: "json" });
    api.GET("/notes/export", { parseAs: "text" });
  });

  it("rejects unknown paths, wrong methods, missing and mistyped params and bodies", () => {
    // @ts-expect-error unknown path
    api.GET("/nope");
    // @ts-expect-error /notes/{id} has no POST
    api.POST("/notes/{id}", { params: { path: { id: 1 } } });
    // @ts-expect-error the path parameter is required
    api.GET("/notes/{id}");
    // @ts-expect-error id is a number
    api.GET("/notes/{id}", { params: { path: { id: "1" } } });
    // @ts-expect-error the body is required
    api.POST("/notes");
    // @ts-expect-error text must be a string
    api.POST("/notes", { body: { text: 1 } });
    // @ts-expect-error a misspelt option is caught (openapi-fetch lets any key through)
    api.GET("/notes", { parms: { query: { page: 1 } } });
    // @ts-expect-error the method is the one called
    api.GET("/notes", { method: "POST" });
  });

  it("paginate accepts only paginated paths and yields their item type", () => {
    expectTypeOf(api.paginate("/notes")).toEqualTypeOf<import("./types.ts").Paginator<Note>>();
    expectTypeOf(api.paginate("/events").toArray()).resolves.toEqualTypeOf<{ id: string }[]>();
    // @ts-expect-error /notes/{id} is not paginated
    api.paginate("/notes/{id}");
    // @ts-expect-error per_page is a number
    api.paginate("/notes", { params: { query: { per_page: "2" } } });
  });
});

describe("the fetch option", () => {
  it("takes globalThis.fetch and any function of a Request, per client and per call", () => {
    expectTypeOf(globalThis.fetch).toExtend<NonNullable<ClientOptions["fetch"]>>();
    const ofRequest = (request: Request) => fetch(request);
    expectTypeOf(ofRequest).toExtend<NonNullable<ClientOptions["fetch"]>>();
    expectTypeOf<Parameters<NonNullable<ClientOptions["fetch"]>>>().toEqualTypeOf<[request: Request]>();
    api.GET("/notes", { fetch: ofRequest });
    // A function of a URL and an init is not called that way.
    const ofUrl = (url: string, init: RequestInit) => fetch(url, init);
    expectTypeOf(ofUrl).not.toExtend<NonNullable<ClientOptions["fetch"]>>();
  });

  it("offers no redirect option: the client follows redirects itself", () => {
    // @ts-expect-error redirect is not a call option
    api.GET("/notes", { redirect: "follow" });
  });

  it("takes false or a number as a timeout, per client and per call", () => {
    expectTypeOf<false>().toExtend<NonNullable<ClientOptions["timeoutMs"]>>();
    api.GET("/notes", { timeoutMs: false });
    // @ts-expect-error a timeout is not a string
    api.GET("/notes", { timeoutMs: "5s" });
  });
});
