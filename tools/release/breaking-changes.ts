import { deref, isObj, type Obj, operationsOf, parametersOf } from "../codegen/spec-walk.ts";

/**
 * What in a new spec breaks users of the old one: a removed operation, a new required parameter, a
 * request body that became required or gained a required property. Additions are not breaking.
 */
export function breakingChanges(before: Obj, after: Obj): string[] {
  const out: string[] = [];
  const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;
  const next = new Map(operationsOf(after).map((op) => [key(op.method, op.path), op]));
  for (const old of operationsOf(before)) {
    const id = key(old.method, old.path);
    const now = next.get(id);
    if (!now) {
      out.push(`${id}: operation removed`);
      continue;
    }
    const had = new Set(
      parametersOf(before, old)
        .filter((p) => p["required"] === true)
        .map((p) => `${String(p["in"])}:${String(p["name"])}`),
    );
    for (const p of parametersOf(after, now)) {
      const name = `${String(p["in"])}:${String(p["name"])}`;
      if (p["required"] === true && !had.has(name)) out.push(`${id}: new required parameter ${name}`);
    }
    const oldBody = deref(before, old.operation["requestBody"]);
    const newBody = deref(after, now.operation["requestBody"]);
    if (isObj(newBody) && newBody["required"] === true && !(isObj(oldBody) && oldBody["required"] === true)) {
      out.push(`${id}: request body became required`);
    }
    const oldRequired = new Set(requiredProps(before, oldBody));
    for (const prop of requiredProps(after, newBody)) {
      if (!oldRequired.has(prop)) out.push(`${id}: new required body property ${prop}`);
    }
  }
  return out;
}

function requiredProps(doc: Obj, body: unknown): string[] {
  if (!isObj(body) || !isObj(body["content"])) return [];
  const media = Object.values(body["content"])[0];
  const schema = isObj(media) ? deref(doc, media["schema"]) : undefined;
  return isObj(schema) && Array.isArray(schema["required"]) ? schema["required"].map(String) : [];
}

export type Bump = "major" | "minor" | "patch";

/** Package → bump, from changeset files (`---\n"@workapis/x": minor\n---\n…`). */
export function bumpsFromChangesets(files: readonly string[]): Map<string, Bump> {
  const rank: Record<Bump, number> = { patch: 0, minor: 1, major: 2 };
  const out = new Map<string, Bump>();
  for (const text of files) {
    const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "";
    for (const line of front.split("\n")) {
      const m = /^\s*["']?(@[^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(line);
      if (!m?.[1] || !m[2]) continue;
      const bump = m[2] as Bump;
      const current = out.get(m[1]);
      if (!current || rank[bump] > rank[current]) out.set(m[1], bump);
    }
  }
  return out;
}

/** Problems with a change: a changed spec without a changeset, or a breaking change without a major bump. */
export function releaseProblems(
  changed: readonly { readonly packageName: string; readonly breaking: readonly string[] }[],
  bumps: ReadonlyMap<string, Bump>,
): string[] {
  const out: string[] = [];
  for (const { packageName, breaking } of changed) {
    const bump = bumps.get(packageName);
    if (!bump)
      out.push(`${packageName}: the spec changed but no changeset names the package (run pnpm changeset)`);
    else if (breaking.length > 0 && bump !== "major") {
      out.push(
        `${packageName}: breaking spec change needs a major bump, the changeset says ${bump}: ${breaking.join("; ")}`,
      );
    }
  }
  return out;
}
