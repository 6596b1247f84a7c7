import type { PaginationMeta } from "../metadata.ts";
import { readPointer } from "../util/json-pointer.ts";

type Params = Record<string, unknown>;

/**
 * Where the next request of an iteration goes: parameters to merge, the end, or a `problem` with
 * the answer's paging signal that makes it impossible to go on safely.
 */
export type NextStep = { readonly params: Params } | { readonly problem: string } | undefined;

export interface PageFacts {
  readonly body: unknown;
  readonly itemCount: number;
  /** Items seen so far, this page included. */
  readonly seen: number;
  /** The parameters the page was requested with. */
  readonly params: Params;
}

function asNumber(value: unknown): number | undefined {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : undefined;
}

function sizeOf(meta: PaginationMeta, params: Params): number | undefined {
  return meta.sizeParam === undefined ? undefined : asNumber(params[meta.sizeParam]);
}

/** The parameters of the first request: the caller's, plus the page size the vendor defaults to. */
export function firstParams(meta: PaginationMeta, params: Params): Params {
  const out = { ...params };
  if (meta.style === "page" && out[meta.pageParam] === undefined) out[meta.pageParam] = 1;
  if (meta.style === "offset" && out[meta.offsetParam] === undefined) out[meta.offsetParam] = 0;
  if (
    meta.style !== "next-url" &&
    meta.sizeParam !== undefined &&
    out[meta.sizeParam] === undefined &&
    meta.defaultSize !== undefined
  ) {
    out[meta.sizeParam] = meta.defaultSize;
  }
  return out;
}

/**
 * The next offset the answer names: the end when it is absent or null, a problem when it is not a
 * number or does not move past the current offset (following it would ask for the same rows again).
 */
function nextOffsetStep(meta: PaginationMeta & { style: "next-offset" }, page: PageFacts): NextStep {
  const raw = readPointer(page.body, meta.next);
  if (raw === undefined || raw === null) return undefined;
  const next = asNumber(raw);
  if (next === undefined) return { problem: `the next offset at ${meta.next} is not a number` };
  const current = asNumber(page.params[meta.offsetParam]) ?? 0;
  if (next <= current) {
    return {
      problem: `the next offset ${next} at ${meta.next} does not move past the current offset ${current}`,
    };
  }
  return { params: { [meta.offsetParam]: next } };
}

/**
 * Decides the next request from the page just read. Where the answer names the next offset, it
 * alone decides (a short or empty page may be followed by more). Otherwise an empty page ends the
 * iteration, the vendor's own signals (last page, total, next URL) are trusted, and a short page
 * ends it when there are none.
 */
export function nextStep(meta: PaginationMeta, page: PageFacts): NextStep {
  if (meta.style === "next-offset") return nextOffsetStep(meta, page);
  if (page.itemCount === 0) return undefined;
  const size = sizeOf(meta, page.params);
  switch (meta.style) {
    case "page": {
      const current = asNumber(page.params[meta.pageParam]) ?? 1;
      const lastPage =
        meta.lastPage === undefined ? undefined : asNumber(readPointer(page.body, meta.lastPage));
      const total = meta.total === undefined ? undefined : asNumber(readPointer(page.body, meta.total));
      if (lastPage !== undefined)
        return current >= lastPage ? undefined : { params: { [meta.pageParam]: current + 1 } };
      if (total !== undefined && page.seen >= total) return undefined;
      if (total === undefined && size !== undefined && page.itemCount < size) return undefined;
      return { params: { [meta.pageParam]: current + 1 } };
    }
    case "offset": {
      const offset = (asNumber(page.params[meta.offsetParam]) ?? 0) + page.itemCount;
      const total = meta.total === undefined ? undefined : asNumber(readPointer(page.body, meta.total));
      if (total !== undefined && offset >= total) return undefined;
      if (total === undefined && size !== undefined && page.itemCount < size) return undefined;
      return { params: { [meta.offsetParam]: offset } };
    }
    case "next-url": {
      const next = readPointer(page.body, meta.next);
      if (typeof next !== "string" || next.length === 0) return undefined;
      let url: URL;
      try {
        url = new URL(next);
      } catch {
        return undefined;
      }
      return { params: Object.fromEntries(url.searchParams) };
    }
  }
}
