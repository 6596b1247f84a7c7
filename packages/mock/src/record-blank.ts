import { cloneJson } from "./json-template.ts";
import type { MockRecord } from "./mock-store.ts";
import type { MadeValue, RecordBlank } from "./types.ts";

/** What a made value needs: the clock, a source of fresh uuids, and the new record's resource and id. */
export interface MakeContext {
  readonly now: Date;
  readonly uuid: () => string;
  readonly resource: string;
  readonly id?: string | number | undefined;
}

function made(kind: Exclude<MadeValue, "object">, context: MakeContext): unknown {
  const iso = context.now.toISOString().replace(/\.\d{3}Z$/, "Z");
  switch (kind) {
    case "date-time":
      return iso;
    case "date-time-space":
      return iso.slice(0, 19).replace("T", " ");
    case "date":
      return iso.slice(0, 10);
    case "uuid":
      return context.uuid();
    case "uri":
      // A reserved top-level domain: plainly a link the mock made, never a real one.
      return `https://mock.invalid/${context.resource}/${String(context.id ?? context.uuid())}`;
    case "id":
      return context.id;
  }
}

/** A new record's fields before the request's values: a fresh copy of the blank with its made values. */
export function fromBlank(blank: RecordBlank | undefined, context: MakeContext): MockRecord {
  if (!blank) return {};
  const out: MockRecord = cloneJson({ ...blank.values });
  for (const [field, kind] of Object.entries(blank.made ?? {})) {
    out[field] =
      kind === "object"
        ? fromBlank(blank.objects?.[field], { ...context, id: undefined })
        : made(kind, context);
  }
  return out;
}
