import { type Scrub, scrubValue } from "@workapis/runtime/internal";

/** A tool's answer: structured content, the same as JSON text for clients that read only text. */
export interface ToolAnswer {
  readonly structuredContent: Record<string, unknown>;
  readonly isError: boolean;
}

/**
 * The names of the failures the server reports itself, beside the client's `ApiError` subclasses
 * (`NotFoundError`, `BadRequestError`…), which it passes on.
 */
export type ServerErrorName =
  | "UnknownVendorError"
  | "UnknownOperationError"
  | "WriteNotAllowedError"
  | "InvalidArgumentsError"
  | "ServerError";

export function success(content: Record<string, unknown>, scrub: Scrub): ToolAnswer {
  return { structuredContent: scrubValue(content, scrub) as Record<string, unknown>, isError: false };
}

export function failure(
  error: { readonly name: string; readonly message: string } & Record<string, unknown>,
  scrub: Scrub,
): ToolAnswer {
  return { structuredContent: scrubValue({ error }, scrub) as Record<string, unknown>, isError: true };
}

export function serverFailure(
  name: ServerErrorName,
  message: string,
  scrub: Scrub,
  extra: Record<string, unknown> = {},
): ToolAnswer {
  return failure({ name, message, ...extra }, scrub);
}

/** The MCP `CallToolResult` of an answer. */
export function toCallToolResult(answer: ToolAnswer) {
  return {
    content: [{ type: "text" as const, text: JSON.stringify(answer.structuredContent) }],
    structuredContent: answer.structuredContent,
    ...(answer.isError ? { isError: true } : {}),
  };
}
