/** Query string → object: repeated keys and `key[]` become arrays; everything else stays a string. */
export function parseQuery(url: URL, arrayParams: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of url.searchParams) {
    const isArrayKey = rawKey.endsWith("[]");
    const key = isArrayKey ? rawKey.slice(0, -2) : rawKey;
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

export type ParsedBody = { ok: true; body: unknown } | { ok: false; message: string };

type Container = Record<string, unknown> | unknown[];

/**
 * Nested form keys as PHP-style APIs read them: `lead[name]=x` → `{lead: {name: x}}`, `ids[]=1&ids[]=2`
 * → `{ids: [1, 2]}`, `offers[0][column_id]=5` → `{offers: [{column_id: 5}]}`.
 */
function setNested(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.replace(/\]/g, "").split("[");
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
    if (holder[slot] === null || typeof holder[slot] !== "object") holder[slot] = nextIsIndex ? [] : {};
    node = holder[slot] as Container;
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
      const out: Record<string, unknown> = {};
      form.forEach((value, key) => {
        setNested(out, key, typeof value === "string" ? value : value.name);
      });
      return { ok: true, body: out };
    }
    return { ok: true, body: JSON.parse(text ?? "") as unknown };
  } catch (cause) {
    return {
      ok: false,
      message: `The request body could not be parsed: ${cause instanceof Error ? cause.message : String(cause)}`,
    };
  }
}
