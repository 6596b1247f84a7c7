import type {
  BodySerializer,
  HeadersOptions,
  Middleware,
  PathSerializer,
  QuerySerializer,
  QuerySerializerOptions,
} from "openapi-fetch";
import type { ErrorStatus, HttpMethod, OkStatus, PathsWithMethod } from "openapi-typescript-helpers";
import type { ApiError } from "../errors/api-error.ts";
import type { HttpMethodName } from "../metadata.ts";
import type { FetchLike } from "../transport/fetch-like.ts";
import type { RetryOptions } from "../transport/retry-policy.ts";
import type { ValidateResponses } from "../validation/divergence.ts";

/** Per-request controls accepted beside openapi-fetch's own options; each overrides the client's. */
export interface RequestControls {
  /** Time limit of each attempt in ms, body included; `false` or `Infinity` for none. */
  readonly timeoutMs?: number | false;
  /** Retry settings for this request, or `false` to send it once. */
  readonly retry?: RetryOptions | false;
  /** Aborts the call: whatever step it is at (waiting, sending, reading, backing off) ends with `AbortedError`. */
  readonly signal?: AbortSignal;
  /** The fetch this call is sent through, instead of the client's. */
  readonly fetch?: FetchLike;
  /** Checks this call's success body against the spec: `"off"`, `"warn"` or `"error"`. */
  readonly validateResponses?: ValidateResponses;
}

/** The shape of openapi-typescript's `paths` (exported as a type alias): every path lists every method. */
export type PathsShape = Record<string, Partial<Record<HttpMethod, unknown>>>;

/** An object with nothing required: what an all-optional `params` or init accepts. */
type NoKeys = Record<never, never>;

/** The operation object of a path and method. */
type OperationOf<Paths extends PathsShape, P extends keyof Paths, M extends HttpMethod> = Paths[P][M &
  keyof Paths[P]];

/** `params`, required when any parameter is (openapi-typescript marks the others optional). */
type ParamsOption<Op> = Op extends { parameters: infer Params }
  ? NoKeys extends Params
    ? { params?: Params }
    : { params: Params }
  : { params?: { query?: Record<string, unknown> } };

/** `body`: required, optional or absent, as openapi-typescript declares `requestBody`. */
type BodyOption<Op> = Op extends { requestBody: { content: infer Content } }
  ? { body: Content[keyof Content] }
  : Op extends { requestBody?: { content: infer Content } }
    ? { body?: Content[keyof Content] }
    : { body?: never };

/** How the client reads a response's content: by its media type (what codegen's `parseAs` says too). */
type ParseModeOf<Content> = [keyof Content & `${string}json${string}`] extends [never]
  ? [keyof Content & `text/${string}`] extends [never]
    ? "blob"
    : "text"
  : "json";
type Parsed<Content> = {
  json: Content[keyof Content & `${string}json${string}`];
  text: string;
  blob: Blob;
}[ParseModeOf<Content>];

/** The body of one response as the client reads it; `undefined` for a response without content. */
type ResponseBody<R> = R extends { content: infer Content } ? Parsed<Content> : undefined;
/** How the client reads an operation's success body, which is all `parseAs` may say for it. */
type ParseMode<Op> = ModeOfResponse<Responses<Op>[OkStatus & keyof Responses<Op>]>;
type ModeOfResponse<R> = R extends { content: infer Content } ? ParseModeOf<Content> : never;

type Responses<Op> = Op extends { responses: infer R } ? R : Record<never, never>;
type SuccessOf<Op> = ResponseBody<Responses<Op>[OkStatus & keyof Responses<Op>]>;
type ErrorOf<Op> = ResponseBody<Responses<Op>[ErrorStatus & keyof Responses<Op>]>;

/**
 * What every call accepts beside its params and body: openapi-fetch's options, fetch's (but
 * `redirect`: the client follows redirects itself), and ours.
 */
interface CallOptions
  extends Omit<RequestInit, "body" | "headers" | "method" | "signal" | "redirect">,
    RequestControls {
  baseUrl?: string;
  headers?: HeadersOptions;
  pathSerializer?: PathSerializer;
  /** openapi-fetch middleware for this call, run after the client's (it sees no credential). */
  middleware?: Middleware[];
}

/**
 * A call's second argument for one operation. `parseAs` is accepted as the operation reads anyway
 * (the client picks JSON, text or Blob from the spec's media type).
 */
export type InitOf<Op> = ParamsOption<Op> &
  BodyOption<Op> &
  CallOptions & {
    parseAs?: ParseMode<Op>;
    querySerializer?: QuerySerializer<Op> | QuerySerializerOptions;
    bodySerializer?: BodySerializer<Op>;
  };

/** The data of a call's result (what `unwrap` resolves to). */
export type SuccessData<R> = R extends { data: infer D; error?: never } ? D : never;

/** `{ data, error, response, requestId }`, where `error` is always a typed `ApiError`. */
export type ApiResult<Data, Body, Code> =
  | { data: Data; error?: never; response: Response; requestId: string | undefined }
  | {
      data?: never;
      error: ApiError<Code, Body>;
      response: Response | undefined;
      requestId: string | undefined;
    };

/** The paths that have method `M`. */
type PathsOf<Paths extends PathsShape, M extends HttpMethod> = PathsWithMethod<Paths, M> & string;

// Per method, each operation's argument list and result, worked out once per vendor and path (a
// mapped type caches what it computes for a key) rather than at every call.
type ArgsByPath<Paths extends PathsShape, M extends HttpMethod> = {
  [P in PathsOf<Paths, M>]: NoKeys extends InitOf<OperationOf<Paths, P, M>>
    ? [init?: InitOf<OperationOf<Paths, P, M>>]
    : [init: InitOf<OperationOf<Paths, P, M>>];
};
type ResultByPath<Paths extends PathsShape, M extends HttpMethod, Code> = {
  [P in PathsOf<Paths, M>]: ApiResult<
    SuccessOf<OperationOf<Paths, P, M>>,
    ErrorOf<OperationOf<Paths, P, M>>,
    Code
  >;
};

/**
 * What `Map` has for path `K`, written so that TypeScript has nothing to work out while it is still
 * inferring the path: for `K` = `string` (its constraint, which is what inference looks at) the answer
 * is `Inferring` at once, where a plain `Map[P]` would make it build the entry of every path of the
 * method. A `K` that is no key of `Map` gives `Missing`. (`NoInfer` around an init would save a little
 * more, but a mistake would then be reported on the whole argument instead of the property that is wrong.)
 */
type ByPath<Map, K, Inferring, Missing = never> = K extends string
  ? string extends K
    ? Inferring
    : K extends keyof Map
      ? Map[K]
      : Missing
  : never;

/**
 * `client.GET(path, init)`. `K` is the path again, never given by the caller (it defaults to `P`):
 * the init is typed through it rather than through `P`, whose constraint is the union of every path.
 * With the call's path known the init and the result are exactly the operation's.
 */
export type ApiMethod<Paths extends PathsShape, M extends HttpMethod, Code> = <
  P extends PathsOf<Paths, M>,
  K extends string = P,
>(
  url: P,
  ...init: ByPath<ArgsByPath<Paths, M>, K, [init?: unknown], [init?: never]>
) => Promise<ByPath<ResultByPath<Paths, M, Code>, K, never>>;

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

/** `paginate`'s init by path. */
type PaginateInitByPath<Paths extends PathsShape, Pag extends PaginatedShape> = {
  [P in keyof Pag & keyof Paths]: InitOf<OperationOf<Paths, P, Pag[P]["method"]>>;
};

export type PaginateMethod<Paths extends PathsShape, Pag extends PaginatedShape> = <
  P extends keyof Pag & keyof Paths & string,
  K extends string = P,
>(
  url: P,
  init?: ByPath<PaginateInitByPath<Paths, Pag>, K, unknown>,
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

/** A call's init as the untyped call sees it. */
export type CallInit = (RequestControls & Record<string, unknown>) | undefined;
/** What the untyped call answers. */
export type AnyResult = {
  data?: unknown;
  error?: unknown;
  response: Response | undefined;
  requestId: string | undefined;
};
/** The untyped call every typed method (and `paginate`) funnels into. */
export type CallFn = (method: HttpMethodName, path: string, init: CallInit) => Promise<AnyResult>;
