import { readPointer } from "../util/json-pointer.ts";
import type { ProbeInput, SafeRead } from "./safe-read.ts";

/** An input that names a record (`id`, `memberId`, `workspace_id`, `metric_ids`): taken from a list answer. */
export function isIdInput(name: string): boolean {
  return /^ids?$|_ids?$|[a-z]Ids?$/.test(name);
}

const staticSegments = (path: string) => path.split("/").filter((s) => s !== "" && !s.startsWith("{"));
const lastStatic = (path: string) => staticSegments(path).at(-1) ?? "";

/** The names a list of the records an input names may end its path with (`workspace_id` → `workspaces`). */
function resourceNames(name: string): string[] {
  const base = name
    .replace(/_?ids?$/i, "")
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .toLowerCase();
  if (base === "") return [];
  const forms = [base, `${base}s`, `${base}es`, base.endsWith("y") ? `${base.slice(0, -1)}ies` : base];
  return [...new Set(forms.flatMap((f) => [f, f.replace(/_/g, "-")]))];
}

/**
 * The list operation whose first record gives `input` of `read`, in this order: the list at the path
 * the id's segment hangs from (`/members` for `/members/{memberId}`), a list under that path without
 * parameters of its own (`/goals/filter` for `/goals/{goal_id}`), one ending in the same segment, then
 * one named after the input (`/workspaces` for `workspace_id`).
 */
export function sourceOf(
  read: SafeRead,
  input: ProbeInput,
  reads: readonly SafeRead[],
): SafeRead | undefined {
  const lists = reads.filter((r) => r.items !== undefined && r !== read);
  const at = read.path.indexOf(`/{${input.name}}`);
  const prefix = input.in === "path" && at >= 0 ? read.path.slice(0, at) : read.path.replace(/\/[^/]*$/, "");
  const byPath =
    input.in === "path" || input.name === "id"
      ? (lists.find((r) => r.path === prefix) ??
        lists.find((r) => r.path.startsWith(`${prefix}/`) && !r.path.slice(prefix.length).includes("{")) ??
        (lastStatic(prefix) ? lists.find((r) => lastStatic(r.path) === lastStatic(prefix)) : undefined))
      : undefined;
  if (byPath) return byPath;
  const names = resourceNames(input.name);
  return lists.find((r) => names.includes(lastStatic(r.path)));
}

function firstRecord(data: unknown, items: string): unknown {
  const list = readPointer(data, items);
  if (Array.isArray(list)) return list[0];
  if (list === null || typeof list !== "object") return undefined;
  // An object of records keyed by index is a list; any other object is the one record answered.
  const values = Object.values(list);
  return values.length > 0 && values.every((v) => v !== null && typeof v === "object") ? values[0] : list;
}

const idValue = (value: unknown) =>
  typeof value === "string" || typeof value === "number" ? value : undefined;

/** The first value of a field `name` in a record, its nested records searched breadth first. */
function fieldIn(record: unknown, name: string): string | number | undefined {
  const queue = [record];
  for (let seen = 0; queue.length > 0 && seen < 100; seen++) {
    const current = queue.shift();
    if (current === null || typeof current !== "object") continue;
    const found = idValue((current as Record<string, unknown>)[name]);
    if (found !== undefined && !Array.isArray(current)) return found;
    queue.push(...Object.values(current));
  }
  return undefined;
}

/** The value of the field `name` (and of no other) of the first record in a list answer. */
export function firstField(data: unknown, items: string, name: string): string | number | undefined {
  return fieldIn(firstRecord(data, items), name);
}

const camelToSnake = (name: string) => name.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();

/** The first record's value for `name` in a list answer: a field of that name (nested ones too), else its `id`. */
export function firstId(data: unknown, items: string, name: string): string | number | undefined {
  const first = firstRecord(data, items);
  if (typeof first === "string" || typeof first === "number") return first;
  if (first === null || typeof first !== "object") return undefined;
  for (const field of [...new Set([name, camelToSnake(name), name.replace(/s$/, "")])]) {
    const value = fieldIn(first, field);
    if (value !== undefined) return value;
  }
  return idValue((first as Record<string, unknown>)["id"]);
}
