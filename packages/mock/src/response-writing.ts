import type { OperationOutput } from "./apply-operation.ts";
import type { MockOperation } from "./types.ts";

/** An operation's output as the HTTP answer: JSON, the operation's own media type, or no body. */
export function writeResponse(op: MockOperation, output: OperationOutput): Response {
  if (output instanceof Response) return output;
  if (output.body === undefined || output.status === 204)
    return new Response(null, { status: output.status });
  if (!op.successMediaType.includes("json")) {
    const raw = typeof output.body === "string" ? output.body : JSON.stringify(output.body);
    return new Response(raw, { status: output.status, headers: { "Content-Type": op.successMediaType } });
  }
  return new Response(JSON.stringify(output.body), {
    status: output.status,
    headers: { "Content-Type": "application/json" },
  });
}

/** A response with one more header, also when its headers are immutable (a fetched or redirect Response). */
export function withHeader(response: Response, name: string, value: string): Response {
  try {
    // A Response made here or by an override has headers that can still change: no copy needed.
    response.headers.set(name, value);
    return response;
  } catch {
    const headers = new Headers(response.headers);
    headers.set(name, value);
    const { status, statusText } = response;
    return new Response(response.body, { status, statusText, headers });
  }
}
