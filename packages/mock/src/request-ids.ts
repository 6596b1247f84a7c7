/**
 * The request ids of a vendor that echoes the caller's (`x-workapis.requestIdHeader`): the caller's id
 * when it sent one with a value, else a fresh one, as the vendor assigns its own when none is sent.
 */
export class RequestIds {
  readonly #header: string;
  #counter = 0;

  constructor(header: string) {
    this.#header = header;
  }

  get header(): string {
    return this.#header;
  }

  /** The id to answer a request with. */
  for(headers: Headers): string {
    const sent = headers.get(this.#header)?.trim();
    return sent ? sent : `mock-${++this.#counter}`;
  }

  reset(): void {
    this.#counter = 0;
  }
}
