import { decodeToken, tokensOf } from "@workapis/runtime/internal";

/** Deep copy of JSON data (templates are never mutated). */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * Sets the value at `pointer` in `root` itself (creating objects, or arrays before an index, on the
 * way) and returns the root: for a document the caller has just copied.
 */
export function setPointer(root: unknown, pointer: string, value: unknown): unknown {
  if (pointer === "") return value;
  const keys = tokensOf(pointer);
  const last = keys.length - 1;
  let node = root as Record<string, unknown>;
  for (let i = 0; i < last; i++) {
    const key = keys[i] as string;
    const next = node[key];
    // A missing step becomes an array when the pointer goes on with an index (`/manager/0/user_id`).
    if (next === null || typeof next !== "object") node[key] = /^\d+$/.test(keys[i + 1] ?? "") ? [] : {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[last] as string] = value;
  return root;
}

/** Returns a copy of `document` with the value at `pointer` replaced (creating objects on the way). */
export function withPointer(document: unknown, pointer: string, value: unknown): unknown {
  return setPointer(cloneJson(document ?? {}), pointer, value);
}

/** The parent pointer and last key of a pointer (`/meta/pagination/total` → `/meta/pagination`, `total`). */
export function splitPointer(pointer: string): { parent: string; key: string } {
  const at = pointer.lastIndexOf("/");
  return { parent: pointer.slice(0, at), key: decodeToken(pointer.slice(at + 1)) };
}
