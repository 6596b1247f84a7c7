import type { FetchLike } from "./fetch-like.ts";

/** What the client itself added to a request, which must not leave the origin it was meant for. */
export interface Credentials {
  /** Header names (any case) that carry the client's credential. */
  readonly headers: readonly string[];
  /** Query parameters that carry the client's credential. */
  readonly params: readonly string[];
  /** Whether the body carries a credential (BoardCRM's `access_token`, OAuth's `client_secret`). */
  readonly inBody: boolean;
}

const REDIRECT_STATUSES = [301, 302, 303, 307, 308];

/**
 * Sends `request` (made with `redirect: "manual"`) through `fetch` and follows any redirect by the
 * client's own rules (`follow-redirect.ts`), because fetch's own following re-sends everything but
 * `Authorization` to whatever origin the server names. `onSend` sees each request just before it
 * leaves. Those rules are imported on the first redirect, so an application whose calls are never
 * redirected does not load them.
 */
export async function fetchFollowingRedirects(
  request: Request,
  fetch: FetchLike,
  credentials: Credentials,
  onSend: (request: Request) => void = () => undefined,
): Promise<Response> {
  // A body can be sent once: keep a copy while a 307/308 may ask for it again.
  const spare = request.body !== null ? request.clone() : undefined;
  onSend(request);
  const response = await fetch(request);
  if (
    response.type !== "opaqueredirect" &&
    !(REDIRECT_STATUSES.includes(response.status) && response.headers.has("location"))
  )
    return response;
  const { followRedirect } = await import("./follow-redirect.ts");
  return followRedirect({ request, spare, response }, fetch, credentials, onSend);
}
