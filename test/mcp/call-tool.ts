import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { expect } from "vitest";

export type Content = Record<string, unknown>;

/**
 * Calls a tool and answers its structured content, checking that the text content is the same JSON
 * (for clients that read only text).
 */
export async function call(client: Client, name: string, args: Content) {
  const result = await client.callTool({ name, arguments: args });
  const content = result.structuredContent as Content;
  const text = (result.content as { type: string; text: string }[])[0]?.text ?? "";
  expect(JSON.parse(text)).toEqual(content);
  return { isError: result.isError === true, content };
}
