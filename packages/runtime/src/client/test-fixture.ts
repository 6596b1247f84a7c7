import type { ApiMeta } from "../metadata.ts";

/**
 * A tiny purpose-built API for the runtime's own tests: typed `paths` in the shape openapi-typescript
 * emits, and the metadata tools/codegen would write for it.
 */
export interface Note {
  id: number;
  text: string;
}
type Failure = {
  success: false;
  message: string;
  error?: "bad_note" | "no_access";
  errors?: Record<string, string[]>;
};
type Json<T> = { content: { "application/json": T } };
type NoPathParams = { query?: never; header?: never; path?: never; cookie?: never };

export type TestPaths = {
  "/notes": {
    parameters: NoPathParams;
    get: {
      parameters: {
        query?: { page?: number; per_page?: number; tag?: string };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: Json<{ success: true; data: Note[]; meta: { last_page: number } }>;
        401: Json<Failure>;
      };
    };
    post: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: Json<{ text: string }>;
      responses: { 201: Json<{ success: true; data: Note }>; 422: Json<Failure> };
    };
    put?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/notes/{id}": {
    parameters: NoPathParams;
    get: {
      parameters: { query?: never; header?: never; path: { id: number }; cookie?: never };
      requestBody?: never;
      responses: { 200: Json<{ success: true; data: Note }>; 404: Json<Failure> };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/events": {
    parameters: NoPathParams;
    get: {
      parameters: {
        query?: { offset?: number; limit?: number };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: { 200: Json<{ success: true; data: { events: { id: string }[]; totalCount: number } }> };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/feed": {
    parameters: NoPathParams;
    get: {
      parameters: { query?: { page?: string; size?: number }; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: { 200: Json<{ results: { id: number }[]; more: boolean; nextURL: string | null }> };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/notes/export": {
    parameters: NoPathParams;
    get: {
      parameters: NoPathParams;
      requestBody?: never;
      responses: { 200: { content: { "text/csv": string } }; 401: Json<Failure> };
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

export type TestPaginated = {
  "/notes": { method: "get"; item: Note };
  "/events": { method: "get"; item: { id: string } };
  "/feed": { method: "get"; item: { id: number } };
};

export type TestErrorCode = "bad_note" | "no_access";

export const BASE = "https://api.notes.test/v2";

export const testMeta: ApiMeta = {
  vendor: {
    baseUrl: BASE,
    envelope: { success: "/success", message: "/message", code: "/error", details: "/errors" },
    auth: [{ type: "bearer", name: "token" }],
    requestIdHeader: "X-Request-Id",
  },
  operations: [
    {
      method: "get",
      path: "/notes",
      retrySafe: true,
      pagination: {
        style: "page",
        in: "query",
        pageParam: "page",
        sizeParam: "per_page",
        defaultSize: 2,
        maxSize: 100,
        items: "/data",
        lastPage: "/meta/last_page",
      },
    },
    { method: "post", path: "/notes", retrySafe: false },
    { method: "get", path: "/notes/{id}", retrySafe: true },
    { method: "get", path: "/notes/export", parseAs: "text" },
    {
      method: "get",
      path: "/events",
      retrySafe: true,
      pagination: {
        style: "offset",
        in: "query",
        offsetParam: "offset",
        sizeParam: "limit",
        defaultSize: 3,
        items: "/data/events",
        total: "/data/totalCount",
      },
    },
    {
      method: "get",
      path: "/feed",
      retrySafe: true,
      pagination: { style: "next-url", in: "query", items: "/results", next: "/nextURL" },
    },
  ],
};
