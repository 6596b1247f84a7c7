/** Decodes one RFC 6901 reference token (`~1` → `/`, `~0` → `~`). */
export function decodeToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Encodes one RFC 6901 reference token (`~` → `~0`, `/` → `~1`). */
export function encodeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** The decoded reference tokens of a non-empty pointer (`/a~1b/0` → `["a/b", "0"]`). */
export function tokensOf(pointer: string): readonly string[] {
  return pointer.slice(1).split("/").map(decodeToken);
}

/**
 * Reads the value at an RFC 6901 JSON pointer (`/meta/pagination/total`), or `undefined` when any step
 * is missing or not an object. The empty pointer `""` is the whole document.
 */
export function readPointer(document: unknown, pointer: string): unknown {
  return pointerReader(pointer)(document);
}

/** `readPointer` for one pointer, its tokens decoded once: for a pointer read from every response. */
export function pointerReader(pointer: string): (document: unknown) => unknown {
  const keys = pointer === "" ? [] : tokensOf(pointer);
  return (document) => {
    let current: unknown = document;
    for (const key of keys) {
      if (current === null || typeof current !== "object") return undefined;
      if (!Object.hasOwn(current, key)) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
    return current;
  };
}
