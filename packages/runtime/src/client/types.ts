import type { FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import type { HttpMethod, MediaType, PathsWithMethod, RequiredKeysOf } from "openapi-typescript-helpers";
import type { ApiError } from "../errors/api-error.ts";
import type { RetryOptions } from "../transport/retry-policy.ts";

/** Per-request controls accepted beside openapi-fetch's own options. */
export interface RequestControls {
  /** Per-attempt timeout in ms (overrides the client's). */
  readonly timeoutMs?: number;
  /** Retry settings for this request, or `false` to send it once. */
  readonly retry?: RetryOptions | false;
  readonly signal?: AbortSignal;
}

/** The shape of openapi-typescript's `paths` (exported as a type alias): every path lists every method. */
export type PathsShape = Record<string, Partial<Record<HttpMethod, unknown>>>;

/** The operation object of a path and method, narrowed to what openapi-fetch's helpers accept. */
type OperationOf<
  Paths extends PathsShape,
  P extends keyof Paths,
  M extends HttpMethod,
> = Paths[P][M] extends infer Op extends Record<string | number, unknown> ? Op : never;

/** The success payload of an openapi-fetch response union. */
export type SuccessData<R> = R extends { data: infer D; error?: never } ? D : never;
/** The error body of an openapi-fetch response union (the vendor's error envelope). */
export type ErrorBody<R> = R extends { data?: never; error: infer E } ? E : never;

/** `{ data, error, response }`, where `error` is always a typed `ApiError`. */
export type ApiResult<R, Code> =
  | { data: SuccessData<R>; error?: never; response: Response; requestId: string | undefined }
  | {
      data?: never;
      error: ApiError<Code, ErrorBody<R>>;
      response: Response | undefined;
      requestId: string | undefined;
    };

type InitParam<Init> =
  RequiredKeysOf<Init> extends never ? [(Init & RequestControls)?] : [Init & RequestControls];

export type ApiMethod<Paths extends PathsShape, M extends HttpMethod, Code> = <
  P extends PathsWithMethod<Paths, M>,
  Init extends MaybeOptionalInit<Paths[P], M>,
>(
  url: P,
  ...init: InitParam<Init>
) => Promise<ApiResult<FetchResponse<OperationOf<Paths, P, M>, Init, MediaType>, Code>>;

/** The generated map of paginated operations: path → method and item type. */
export type PaginatedShape = Record<string, { readonly method: HttpMethod; readonly item: unknown }>;

export interface PaginateLimits {
  /** Stop after this many items. */
  readonly maxItems?: number;
  /** Stop after this many pages. */
  readonly maxPages?: number;
}

/** One page as `pages()` yields it. */
export interface Page<Item> {
  readonly items: readonly Item[];
  readonly response: Response;
  readonly requestId: string | undefined;
  /** 1-based index of this page in the iteration. */
  readonly index: number;
}

/** Async-iterable over items; `pages()` iterates whole pages, `toArray()` collects (bounded by limits). */
export interface Paginator<Item> extends AsyncIterable<Item> {
  pages(): AsyncIterable<Page<Item>>;
  toArray(): Promise<Item[]>;
}

export type PaginateMethod<Paths extends PathsShape, Pag extends PaginatedShape> = <
  P extends keyof Pag & keyof Paths & string,
>(
  url: P,
  init?: MaybeOptionalInit<Paths[P], Pag[P]["method"]> & RequestControls,
  limits?: PaginateLimits,
) => Paginator<Pag[P]["item"]>;

/** A typed vendor client: openapi-fetch's call style with typed errors, plus `paginate`. */
export interface ApiClient<Paths extends PathsShape, Code, Pag extends PaginatedShape = PaginatedShape> {
  GET: ApiMethod<Paths, "get", Code>;
  POST: ApiMethod<Paths, "post", Code>;
  PUT: ApiMethod<Paths, "put", Code>;
  PATCH: ApiMethod<Paths, "patch", Code>;
  DELETE: ApiMethod<Paths, "delete", Code>;
  paginate: PaginateMethod<Paths, Pag>;
}
