import type { CallFn, Page, PaginateLimits, RequestControls } from "../client/types.ts";
import { InvalidResponseError } from "../errors/api-error.ts";
import type { OperationMeta, PaginationMeta } from "../metadata.ts";
import { readPointer } from "../util/json-pointer.ts";
import { firstParams, nextStep } from "./page-cursor.ts";

type Init = (RequestControls & Record<string, unknown>) | undefined;
type Params = Record<string, unknown>;

function paramsOf(init: Init, where: "query" | "body"): Params {
  if (where === "body") return { ...((init?.["body"] as Params | undefined) ?? {}) };
  const params = init?.["params"] as { query?: Params } | undefined;
  return { ...(params?.query ?? {}) };
}

function withParams(init: Init, where: "query" | "body", values: Params): Init {
  if (where === "body") return { ...init, body: values };
  const params = (init?.["params"] as Params | undefined) ?? {};
  return { ...init, params: { ...params, query: values } };
}

/** A paginated operation, its pagination in hand. */
export type Paginated = OperationMeta & { readonly pagination: PaginationMeta };

export async function* iteratePages<Item>(
  call: CallFn,
  op: Paginated,
  init: Init,
  limits: PaginateLimits,
): AsyncGenerator<Page<Item>> {
  const meta = op.pagination;
  let params = firstParams(meta, paramsOf(init, meta.in));
  let seen = 0;
  for (let index = 1; limits.maxPages === undefined || index <= limits.maxPages; index++) {
    const result = await call(op.method, op.path, withParams(init, meta.in, params));
    if (result.error !== undefined) throw result.error;
    const items = readPointer(result.data, meta.items);
    const response = result.response as Response;
    if (!Array.isArray(items)) {
      throw new InvalidResponseError({
        message: `${op.method.toUpperCase()} ${op.path}: no item array at ${meta.items} in the response`,
        status: response.status,
        requestId: result.requestId,
        headers: response.headers,
      });
    }
    seen += items.length;
    yield { items: items as Item[], response, requestId: result.requestId, index };
    const next = nextStep(meta, { body: result.data, itemCount: items.length, seen, params });
    if (!next) return;
    if ("problem" in next) {
      throw new InvalidResponseError({
        message: `${op.method.toUpperCase()} ${op.path}: ${next.problem}`,
        status: response.status,
        requestId: result.requestId,
        headers: response.headers,
      });
    }
    params = { ...params, ...next.params };
  }
}

export async function* iterateItems<Item>(pages: AsyncIterable<Page<Item>>, maxItems: number | undefined) {
  let count = 0;
  for await (const page of pages) {
    for (const item of page.items) {
      if (maxItems !== undefined && count >= maxItems) return;
      count++;
      yield item;
    }
    if (maxItems !== undefined && count >= maxItems) return;
  }
}
