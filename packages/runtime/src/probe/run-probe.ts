import { createApiClient } from "../client/create-api-client.ts";
import { ApiError } from "../errors/api-error.ts";
import type { ApiMeta } from "../metadata.ts";
import type { FetchLike } from "../transport/fetch-like.ts";
import type { Divergence, ResponseValidators } from "../validation/divergence.ts";
import { firstField, firstId, isIdInput, sourceOf } from "./fill-inputs.ts";
import type { SafeRead } from "./safe-read.ts";

export interface ProbeOptions {
  readonly meta: ApiMeta;
  readonly validators: ResponseValidators;
  readonly safeReads: readonly SafeRead[];
  readonly token: string;
  readonly baseUrl?: string | undefined;
  readonly fetch?: FetchLike | undefined;
  /** Values for inputs by name (`workspace_id` → `"4821"`), over what list answers give. */
  readonly params?: Readonly<Record<string, string>> | undefined;
}

/** One safe read as `probe` saw it. */
export interface ProbeRow {
  readonly operation: string;
  /** `GET /members/{memberId}` */
  readonly request: string;
  /** The HTTP status; absent when nothing was sent or no response came. */
  readonly status?: number;
  /** Time from sending to the body read, in ms; absent when nothing was sent. */
  readonly ms?: number;
  readonly divergences: readonly Divergence[];
  /** Why the operation was not called (an id no list answer gave). */
  readonly skipped?: string;
  /** The error the call ended with (its name and message), when it failed. */
  readonly error?: string;
}

export interface ProbeReport {
  readonly rows: readonly ProbeRow[];
}

type Outcome = { row: ProbeRow; data?: unknown };
type Caller = (
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response?: Response }>;

/**
 * Calls every safe read of a vendor once (one page, the first), filling ids from the first record of
 * a list answer, and checks each JSON success body against the spec. Writes nothing: only GETs and
 * the POST reads the spec marks safe are in `safeReads`.
 */
export async function runProbe(options: ProbeOptions): Promise<ProbeReport> {
  const client = createApiClient(options.meta, {
    token: options.token,
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    logLevel: "off",
  }) as unknown as Record<string, Caller>;
  const given = options.params ?? {};
  const outcomes = new Map<SafeRead, Promise<Outcome>>();
  const running = new Set<SafeRead>();

  const skip = (read: SafeRead, reason: string): Outcome => ({
    row: { operation: read.operation, request: requestOf(read), divergences: [], skipped: reason },
  });

  async function inputValue(read: SafeRead, input: SafeRead["inputs"][number]): Promise<unknown> {
    const own = given[input.name];
    if (own !== undefined)
      return typeof input.example === "number" && /^-?\d+$/.test(own) ? Number(own) : own;
    const hint = `pass --param ${input.name}=<value>`;
    if (input.in !== "path" && !isIdInput(input.name)) {
      if (input.example !== undefined) return input.example;
      return { skip: `needs ${input.name}; ${hint}` };
    }
    const source = sourceOf(read, input, options.safeReads);
    if ((!source || running.has(source)) && input.name !== "id") {
      // No list of these records by name: the first list whose records carry a field of that name.
      for (const list of options.safeReads) {
        if (list.items === undefined || list === read || running.has(list)) continue;
        const { row, data } = await outcome(list);
        const id = row.error || row.skipped ? undefined : firstField(data, list.items, input.name);
        if (id !== undefined) return id;
      }
    }
    if (!source || running.has(source)) return { skip: `no list operation gives ${input.name}; ${hint}` };
    const { row, data } = await outcome(source);
    const id = row.error || row.skipped ? undefined : firstId(data, source.items ?? "", input.name);
    if (id === undefined) return { skip: `${source.operation} gave no ${input.name}; ${hint}` };
    return id;
  }

  async function call(read: SafeRead): Promise<Outcome> {
    const path: Record<string, unknown> = {};
    const query: Record<string, unknown> = {};
    const body: Record<string, unknown> = {};
    for (const input of read.inputs) {
      const value = await inputValue(read, input);
      if (value !== null && typeof value === "object" && "skip" in value)
        return skip(read, String(value.skip));
      ({ path, query, body })[input.in][input.name] = input.in === "path" ? String(value) : value;
    }
    const send = client[read.method.toUpperCase()] as Caller;
    const init = {
      params: { path, query },
      ...(read.inputs.some((i) => i.in === "body") ? { body } : {}),
    };
    const started = performance.now();
    const result = await send(read.path, init);
    const ms = Math.round(performance.now() - started);
    const status = result.response?.status;
    const base = {
      operation: read.operation,
      request: requestOf(read),
      ...(status === undefined ? {} : { status }),
      ms,
    };
    if (result.error !== undefined) {
      const error =
        result.error instanceof ApiError
          ? `${result.error.name}: ${result.error.message}`
          : String(result.error);
      return { row: { ...base, divergences: [], error } };
    }
    const divergences =
      status === undefined
        ? []
        : (options.validators.check(read.method, read.path, status, result.data) ?? []);
    return { row: { ...base, divergences }, data: result.data };
  }

  function outcome(read: SafeRead): Promise<Outcome> {
    let pending = outcomes.get(read);
    if (!pending) {
      running.add(read);
      pending = call(read).finally(() => running.delete(read));
      outcomes.set(read, pending);
    }
    return pending;
  }

  const rows: ProbeRow[] = [];
  for (const read of options.safeReads) rows.push((await outcome(read)).row);
  return { rows };
}

function requestOf(read: SafeRead): string {
  return `${read.method.toUpperCase()} ${read.path}`;
}
