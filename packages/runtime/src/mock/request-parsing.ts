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

/** Nested form keys (`lead[name]=x`, `fields[3]=y`) → nested objects, as PHP-style APIs read them. */
function setNested(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.replace(/\]/g, "").split("[");
  let node = target;
  parts.forEach((part, i) => {
    if (i === parts.length - 1) {
      node[part] = value;
      return;
    }
    if (node[part] === null || typeof node[part] !== "object") node[part] = {};
    node = node[part] as Record<string, unknown>;
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
