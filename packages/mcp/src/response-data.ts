/** Bytes of a binary answer (an export) returned as base64; a larger one is described, not returned. */
const MAX_BINARY_BYTES = 256 * 1024;
const TEXT_TYPES = /^text\/|json|csv|xml/i;

/**
 * The client reads JSON, text or a `Blob` as the spec says; a tool answer is JSON. A blob of a text
 * type is answered as text, another as base64 (up to 256 KiB) with its type and size.
 */
export async function toJsonData(data: unknown): Promise<unknown> {
  if (typeof Blob === "undefined" || !(data instanceof Blob)) return data;
  const contentType = data.type || "application/octet-stream";
  if (TEXT_TYPES.test(contentType) && data.size <= MAX_BINARY_BYTES * 4)
    return { contentType, size: data.size, text: await data.text() };
  if (data.size > MAX_BINARY_BYTES) return { contentType, size: data.size, omitted: "larger than 256 KiB" };
  return { contentType, size: data.size, base64: Buffer.from(await data.arrayBuffer()).toString("base64") };
}
