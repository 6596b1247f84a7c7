/**
 * The shape of the metadata tools/codegen writes into each vendor package's
 * `src/generated/operations.ts`, read from the spec's `x-workapis`, `x-pagination` and
 * `x-retry-safe` extensions (see specs/CONVENTIONS.md). The runtime is driven by it alone.
 */
export type HttpMethodName = "get" | "put" | "post" | "delete" | "patch";

export interface EnvelopeMeta {
  /** JSON pointer to the success flag; a body whose flag is `false` (or `0`, or `"false"`) is a failure. */
  readonly success: string;
  readonly message: string;
  /** JSON pointer to the vendor's error code. */
  readonly code?: string;
  /**
   * The error codes the vendor documents. When given, only these are read as `ApiError.code`; any
   * other value at `code` (a sentence, an unpublished number) is added to the message instead.
   * When absent, any string or number at `code` is the code.
   */
  readonly codes?: readonly (string | number)[];
  readonly details?: string;
}

export interface RateLimitMeta {
  readonly requests: number;
  readonly perSeconds: number;
  readonly scope?: string;
}

export type AuthSchemeMeta =
  | { readonly type: "bearer"; readonly name: string }
  | {
      readonly type: "apiKey";
      readonly name: string;
      readonly in: "header" | "query" | "cookie";
      readonly param: string;
      readonly prefix?: string;
      readonly alsoInBody?: boolean;
    }
  | {
      readonly type: "oauth2";
      readonly name: string;
      readonly authorizationUrl?: string;
      readonly tokenUrl?: string;
      readonly refreshUrl?: string;
      readonly scopes?: readonly string[];
    };

export interface WebhookSignatureMeta {
  readonly header: string;
  readonly algorithm: "hmac-sha256";
  readonly encoding: "hex" | "base64";
  readonly prefix?: string;
  readonly timestampHeader?: string;
  readonly toleranceSeconds?: number;
}

/** What the client reads of a vendor (codegen knows more: its name, its docs, its webhooks' payloads). */
export interface VendorMeta {
  readonly baseUrl: string;
  readonly envelope: EnvelopeMeta;
  readonly auth: readonly AuthSchemeMeta[];
  readonly rateLimit?: RateLimitMeta;
  /** The header the vendor reads a caller's request id from: the client sends one with every call. */
  readonly requestIdHeader?: string;
  /** The vendor's URLs end in `/` (Django style); spec paths are written without it. */
  readonly trailingSlash?: boolean;
  readonly webhookSignature?: WebhookSignatureMeta;
}

export type PaginationMeta =
  | {
      readonly style: "page";
      readonly in: "query" | "body";
      readonly pageParam: string;
      readonly sizeParam: string;
      readonly defaultSize?: number;
      readonly maxSize?: number;
      readonly items: string;
      readonly total?: string;
      readonly lastPage?: string;
    }
  | {
      readonly style: "offset";
      readonly in: "query" | "body";
      readonly offsetParam: string;
      readonly sizeParam: string;
      readonly defaultSize?: number;
      readonly maxSize?: number;
      readonly items: string;
      readonly total?: string;
    }
  | {
      readonly style: "next-url";
      readonly in: "query" | "body";
      readonly items: string;
      readonly next: string;
      readonly sizeParam?: string;
      readonly defaultSize?: number;
      readonly maxSize?: number;
    }
  | {
      /**
       * The answer names the offset of the next page at `next` (absent or null on the last page). A
       * short or empty page does not end the list: the vendor may leave rows out after its scan.
       */
      readonly style: "next-offset";
      readonly in: "query" | "body";
      readonly offsetParam: string;
      readonly items: string;
      readonly next: string;
      readonly sizeParam?: string;
      readonly defaultSize?: number;
      readonly maxSize?: number;
    };

/** What the client reads of an operation: found by method and path template, as it is called. */
export interface OperationMeta {
  readonly method: HttpMethodName;
  readonly path: string;
  /**
   * Safe to send again after a failure: GET/PUT/DELETE, or a POST the spec marks `x-retry-safe`.
   * When absent, decided by the method (every method but POST and PATCH).
   */
  readonly retrySafe?: boolean;
  readonly pagination?: PaginationMeta;
  /** `false` when the operation takes no credential (`security: []`): the client sends none. */
  readonly secured?: false;
  /** The operation's own server (OpenAPI path- or operation-level `servers`), e.g. an OAuth host. */
  readonly baseUrl?: string;
  /**
   * How to read a success body that is not JSON: `text` for `text/*`, `blob` for anything else (a
   * file download). Absent for JSON. The response types say the same (`string`, `Blob`).
   */
  readonly parseAs?: "text" | "blob";
  /**
   * The 2xx statuses (other than 204) the spec declares without content: an empty body is success
   * for them. For any other 2xx of a JSON operation an empty body is an `InvalidResponseError`.
   */
  readonly emptyStatuses?: readonly number[];
}

/** Everything a vendor package hands the runtime. */
export interface ApiMeta {
  readonly vendor: VendorMeta;
  /**
   * The operations the client has to know about. One that is not listed is sent as its method
   * implies: GET/PUT/DELETE retried, POST/PATCH sent once, with the credential, to `vendor.baseUrl`.
   */
  readonly operations: readonly OperationMeta[];
}
