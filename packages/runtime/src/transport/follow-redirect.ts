import { ApiError } from "../errors/api-error.ts";
import { isSecretHeader, redactRequest, redactUrl } from "../errors/redact.ts";
import type { FetchLike } from "./fetch-like.ts";
import type { Credentials } from "./redirects.ts";

/** The most redirects followed for one request; the next one is an error. */
export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Methods a 301/302/303 may turn into a GET: only the ones that read. */
const READS = new Set(["GET", "HEAD"]);

/** A request that was sent, the copy of its body kept for a 307/308, and what came back. */
interface Hop {
  readonly request: Request;
  readonly spare: Request | undefined;
  readonly response: Response;
}

/**
 * Follows the redirect `first.response` answers, the way a careful browser would:
 *
 * - at most `MAX_REDIRECTS` hops;
 * - never from https to http;
 * - 307/308 repeat the method and body; 301/302/303 turn a GET or HEAD into a GET, and are an error
 *   for any other method (the server did not perform the write, and a GET would not either);
 * - to another origin, the client's credential header and query parameters are removed, and so is
 *   every caller header whose name looks secret (`Authorization`, `Cookie`, `X-Api-Key`, …); a
 *   request whose body carries a credential is not sent to another origin at all (an error).
 *
 * In a browser a redirect is opaque (its target cannot be read), so it is an error there.
 */
export async function followRedirect(
  first: Hop,
  fetch: FetchLike,
  credentials: Credentials,
  onSend: (request: Request) => void,
): Promise<Response> {
  let { request, spare, response } = first;
  for (let hop = 0; ; hop++) {
    if (response.type === "opaqueredirect")
      throw redirectError(request, response, "the redirect's target cannot be read here (a browser)");
    const location = response.headers.get("location");
    if (!REDIRECT_STATUSES.has(response.status) || location === null) return response;
    discard(response);
    if (hop === MAX_REDIRECTS) throw redirectError(request, response, `more than ${MAX_REDIRECTS} redirects`);
    const target = new URL(location, request.url);
    if (new URL(request.url).protocol === "https:" && target.protocol !== "https:")
      throw redirectError(request, response, `refused to follow a redirect from https to ${target.protocol}`);
    const keepsMethod = response.status === 307 || response.status === 308;
    if (!keepsMethod && !READS.has(request.method))
      throw redirectError(
        request,
        response,
        `a ${request.method} answered with a redirect was not performed by the server`,
      );
    const crossOrigin = target.origin !== new URL(request.url).origin;
    if (crossOrigin && credentials.inBody && spare !== undefined)
      throw redirectError(
        request,
        response,
        "refused to send a body carrying a credential to another origin",
      );
    request = nextRequest(request, target, {
      body: keepsMethod ? spare : undefined,
      strip: crossOrigin ? credentials : undefined,
    });
    spare = request.body !== null ? request.clone() : undefined;
    onSend(request);
    response = await fetch(request);
  }
}

function nextRequest(
  previous: Request,
  target: URL,
  next: { body: Request | undefined; strip: Credentials | undefined },
): Request {
  const headers = new Headers(previous.headers);
  const { strip } = next;
  if (strip) {
    const own = new Set(strip.headers.map((name) => name.toLowerCase()));
    for (const name of [...headers.keys()]) if (own.has(name) || isSecretHeader(name)) headers.delete(name);
    for (const param of strip.params) target.searchParams.delete(param);
  }
  if (!next.body) {
    headers.delete("content-type");
    headers.delete("content-length");
  }
  return new Request(target, {
    method: next.body ? previous.method : READS.has(previous.method) ? previous.method : "GET",
    headers,
    body: next.body?.body ?? null,
    signal: previous.signal,
    redirect: "manual",
    // A streamed body (a spare copy's) needs this in Node's fetch.
    ...(next.body?.body ? { duplex: "half" } : {}),
  } as RequestInit);
}

function redirectError(request: Request, response: Response, why: string): ApiError {
  const to = response.headers.get("location");
  return new ApiError({
    message: `${request.method} ${redactUrl(request.url)}: HTTP ${response.status} redirect${
      to ? ` to ${redactUrl(new URL(to, request.url).href)}` : ""
    } not followed: ${why}`,
    status: response.status,
    request: redactRequest(request),
    headers: response.headers,
  });
}

/** Releases a redirect's body without waiting on it. */
function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}
