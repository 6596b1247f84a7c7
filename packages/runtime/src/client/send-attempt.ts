import type { HttpMethodName } from "../metadata.ts";
import { Deadline } from "../transport/deadline.ts";
import { fetchFollowingRedirects } from "../transport/redirects.ts";
import type { CallSettings } from "./call-settings.ts";
import type { ClientContext } from "./client-context.ts";
import type { OutgoingRequest } from "./outgoing-request.ts";

/** What openapi-fetch returns for one request. */
export interface FetchResult {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response;
}

/** How one attempt went: openapi-fetch's result, or what was thrown before there was one. */
export interface Attempt {
  readonly result?: FetchResult;
  readonly thrown?: unknown;
  /** The last response received, also when its body could not be read. */
  readonly received?: Response | undefined;
  /** The last request sent (after any redirect). */
  readonly sent?: Request | undefined;
  /** Whether the timeout (not the caller's signal) ended the attempt. */
  readonly timedOut: boolean;
  /** When it started, for the debug log (0 when not logging). */
  readonly started: number;
}

/**
 * One attempt under one deadline (the timeout and the caller's signal, over sending and reading the
 * body alike): openapi-fetch builds the `Request`, the client prepares it and sends it through the
 * call's fetch, following redirects by its own rules (`onSend` sees each request sent), and
 * openapi-fetch reads the body. `release` gives back the rate limiter's slot when the attempt ends.
 */
export async function sendAttempt(
  context: ClientContext,
  method: HttpMethodName,
  path: string,
  outgoing: OutgoingRequest,
  settings: CallSettings,
  onSend: (request: Request) => void,
  release: (() => void) | undefined,
): Promise<Attempt> {
  const deadline = new Deadline(settings.timeoutMs, settings.signal);
  let sent: Request | undefined;
  let received: Response | undefined;
  const started = context.debug ? Date.now() : 0;
  const fetch = async (built: Request) => {
    received = await fetchFollowingRedirects(
      outgoing.prepare(built),
      settings.fetch,
      outgoing.credentials,
      (request) => {
        sent = request;
        onSend(request);
      },
    );
    return received;
  };
  try {
    const result = (await deadline.cover(
      context.inner.request(
        method,
        path as never,
        {
          ...outgoing.init,
          signal: deadline.signal,
          fetch,
        } as never,
      ),
    )) as FetchResult;
    return { result, received, sent, timedOut: false, started };
  } catch (thrown) {
    return { thrown, received, sent, timedOut: deadline.timedOut, started };
  } finally {
    deadline.end();
    release?.();
  }
}
