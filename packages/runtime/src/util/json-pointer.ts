/** Decodes one RFC 6901 reference token (`~1` → `/`, `~0` → `~`). */
function decodeToken(token: string): string {
  // Most tokens have nothing to decode, and the envelope check reads one on every call.
  return token.includes("~") ? token.replace(/~1/g, "/").replace(/~0/g, "~") : token;
}

/**
 * Reads the value at an RFC 6901 JSON pointer (`/meta/pagination/total`), or `undefined` when any step
 * is missing or not an object. The empty pointer `""` is the whole document.
 */
export function readPointer(document: unknown, pointer: string): unknown {
  if (pointer === "") return document;
  let current: unknown = document;
  for (const raw of pointer.slice(1).split("/")) {
    if (current === null || typeof current !== "object") return undefined;
    const key = decodeToken(raw);
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
