/**
 * Keys that lead to an object's prototype. A request that names one in any body, form or query key is
 * refused: merged into a record or a nested form container, it would reach `Object.prototype`.
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export function isPrototypeKey(key: string): boolean {
  return PROTOTYPE_KEYS.has(key);
}

/** A request key the mock refuses, with the vendor's validation error. */
export class ForbiddenKeyError extends Error {
  readonly key: string;
  constructor(key: string) {
    super(`The ${key} field is not allowed.`);
    this.name = "ForbiddenKeyError";
    this.key = key;
  }
}

/** An object without a prototype: no key written into it can reach another object. */
function bare(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

/** The parts of a PHP-style form key (`lead[name]` → `lead`, `name`); refuses prototype keys. */
function keyParts(key: string): string[] {
  const parts = key.replace(/\]/g, "").split("[");
  const forbidden = parts.find(isPrototypeKey);
  if (forbidden !== undefined) throw new ForbiddenKeyError(forbidden);
  return parts;
}

/**
 * Query string → prototype-less object: repeated keys and `key[]` become arrays; everything else
 * stays a string. Throws `ForbiddenKeyError` for a key part that leads to a prototype.
 */
export function parseQuery(url: URL, arrayParams: readonly string[]): Record<string, unknown> {
  const out = bare();
  for (const [rawKey, value] of url.searchParams) {
    const isArrayKey = rawKey.endsWith("[]");
    const key = isArrayKey ? rawKey.slice(0, -2) : rawKey;
    keyParts(key);
    const existing = out[key];
    if (isArrayKey || arrayParams.includes(key)) {
      out[key] = Array.isArray(existing) ? [...existing, value] : [value];
    } else {
      out[key] =
        existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
    }
  }
  return out;
}

export type ParsedBody = { ok: true; body: unknown } | { ok: false; message: string; forbiddenKey?: string };

type Container = Record<string, unknown> | unknown[];

/**
 * Nested form keys as PHP-style APIs read them: `lead[name]=x` → `{lead: {name: x}}`, `ids[]=1&ids[]=2`
 * → `{ids: [1, 2]}`, `offers[0][column_id]=5` → `{offers: [{column_id: 5}]}`. Every object made here
 * has no prototype, and a key part that names one is refused before anything is written.
 */
function setNested(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = keyParts(key);
  let node: Container = target;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const nextIsIndex = !last && /^\d*$/.test(parts[i + 1] ?? "");
    const slot = part === "" && Array.isArray(node) ? node.length : part;
    const holder = node as Record<string | number, unknown>;
    if (last) {
      holder[slot] = value;
      return;
    }
    const current = Object.hasOwn(holder, slot) ? holder[slot] : undefined;
    if (current === null || typeof current !== "object") holder[slot] = nextIsIndex ? [] : bare();
    node = holder[slot] as Container;
  });
}

/** JSON.parse that refuses any object key leading to a prototype, at any depth. */
function parseJson(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => {
    if (isPrototypeKey(key)) throw new ForbiddenKeyError(key);
    return value;
  });
}

/** Reads a request body as JSON, form-urlencoded or multipart, by its Content-Type. */
export async function parseBody(request: Request): Promise<ParsedBody> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const text = type.includes("multipart/form-data") ? undefined : await request.text();
  if (text !== undefined && text.trim() === "") return { ok: true, body: undefined };
  try {
    if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
      const form = text === undefined ? await request.formData() : new URLSearchParams(text);
      const out = bare();
      form.forEach((value, key) => {
        setNested(out, key, typeof value === "string" ? value : value.name);
      });
      return { ok: true, body: out };
    }
    return { ok: true, body: parseJson(text ?? "") };
  } catch (cause) {
    if (cause instanceof ForbiddenKeyError)
      return { ok: false, message: "Validation failed", forbiddenKey: cause.key };
    return {
      ok: false,
      message: `The request body could not be parsed: ${cause instanceof Error ? cause.message : String(cause)}`,
    };
  }
}
