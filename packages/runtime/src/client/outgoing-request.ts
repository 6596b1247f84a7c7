import type { HttpMethodName, OperationMeta } from "../metadata.ts";
import type { Credentials } from "../transport/redirects.ts";
import type { CallSettings } from "./call-settings.ts";
import type { ClientContext } from "./client-context.ts";

/** How one call's requests leave: openapi-fetch's options, and what the client adds to each request. */
export interface OutgoingRequest {
  /** The options openapi-fetch builds each attempt's `Request` from. */
  readonly init: Readonly<Record<string, unknown>>;
  /** What the client added that must not reach another origin on a redirect. */
  readonly credentials: Credentials;
  /** The request as it leaves: URL shape, credential and request id on the `Request` openapi-fetch built. */
  readonly prepare: (built: Request) => Request;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;
}

/** The request with its URL's path ending in `/`, for a vendor whose URLs all end in one (Django style). */
function withTrailingSlash(request: Request): Request {
  const url = new URL(request.url);
  if (url.pathname.endsWith("/")) return request;
  url.pathname = `${url.pathname}/`;
  return new Request(url, request);
}

/**
 * Where the credential goes (a vendor that reads it from the body, BoardCRM, gets it in every object
 * body; else the header or query its scheme names), which server the call goes to, how its body is
 * read, and the request id: one per call, the same on every attempt, a caller's own winning.
 */
export function outgoingRequest(
  context: ClientContext,
  method: HttpMethodName,
  op: OperationMeta | undefined,
  settings: CallSettings,
  token: string,
): OutgoingRequest {
  const { vendor, auth } = context;
  const { rest } = settings;
  const secured = op?.secured !== false;
  const body = rest["body"];
  const bodyField = auth.bodyField;
  const inBody =
    secured &&
    bodyField !== undefined &&
    method !== "get" &&
    rest["bodySerializer"] === undefined && // a custom serializer decides the body
    (body === undefined || isPlainObject(body));
  const inRequest = secured && !inBody;
  const init = {
    ...rest,
    ...(inBody ? { body: { ...(body as object | undefined), [bodyField]: token } } : {}),
    // An operation on its own server (WorkBoard's OAuth host) goes there unless the caller chose a base URL.
    ...(op?.baseUrl && context.baseUrl === undefined && rest["baseUrl"] === undefined
      ? { baseUrl: op.baseUrl }
      : {}),
    // A download (`text/*`, a file) is read as its media type says; JSON is openapi-fetch's default.
    parseAs: rest["parseAs"] ?? op?.parseAs ?? "json",
    redirect: "manual",
  };
  // Only for a vendor that reads one.
  const requestId = vendor.requestIdHeader && { header: vendor.requestIdHeader, value: crypto.randomUUID() };
  return {
    init,
    credentials: {
      headers: inRequest ? auth.secretHeaders : [],
      params: inRequest ? auth.secretParams : [],
      inBody,
    },
    prepare(built) {
      let request = vendor.trailingSlash ? withTrailingSlash(built) : built;
      if (inRequest) request = auth.apply(request, token);
      if (requestId && !request.headers.has(requestId.header))
        request.headers.set(requestId.header, requestId.value);
      return request;
    },
  };
}
