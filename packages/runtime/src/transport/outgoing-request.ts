/**
 * A request as the client holds it until it is sent: URL, method, headers, body and the rest of its
 * init, sent as `fetch(url, init)`. The client hands this class to openapi-fetch as its `Request`
 * option, so openapi-fetch still builds the URL, headers and body of a call, but no WHATWG Request
 * is made for it: `fetch` makes one from the URL and init, and on Node 20 each undici Request costs
 * about a fifth of a stubbed call (it makes an `AbortSignal` of its own). openapi-fetch's default
 * would make two per call: its own, and fetch's copy of it.
 *
 * Only what the client and openapi-fetch read is here (`method`, `url`, `headers`, `body`);
 * everything else in the init (`redirect`, `cache`, `credentials`, a framework's own options such as
 * Next.js's `next`) goes to fetch untouched. The headers are the init's own Headers (openapi-fetch
 * merges a fresh one per call): the client sets the credential and request id on them, and the URL
 * may change until the request is sent (a query credential, a trailing slash). What `new Request`
 * would refuse (a body on a GET, a URL that is not one) fetch refuses, and the call fails with a
 * `ConnectionError` that says why.
 */
/** The init openapi-fetch gives its `Request`: headers always merged into a `Headers` of their own. */
export type OutgoingInit = RequestInit & { readonly headers: Headers };

export class OutgoingRequest {
  // Declared, not defined: the constructor sets them (and the bundle carries no field list).
  declare url: string;
  declare readonly method: string;
  declare readonly headers: Headers;
  declare readonly init: OutgoingInit;

  constructor(url: string, init: OutgoingInit) {
    this.url = url;
    this.method = init.method ?? "GET";
    this.headers = init.headers;
    this.init = init;
  }

  get body(): BodyInit | null {
    return this.init.body ?? null;
  }
}
