import type { WritePolicy } from "./access.ts";
import { isVendorName, VENDOR_NAMES, type VendorName } from "./vendors.ts";

/** How the server offers the operations: three tools over all of them, or one tool per operation. */
export type ToolsMode = "dynamic" | "static";

export interface WorkapisMcpOptions {
  /** The vendors to serve (default: all five). */
  readonly vendors?: readonly VendorName[];
  /** Serve every vendor from its embedded mock, whatever credentials the environment holds. */
  readonly mock?: boolean;
  /** Allow operations that change data: `true` for every vendor, or the vendors named. Default `false`. */
  readonly allowWrites?: WritePolicy;
  /** `dynamic` (default): list, describe and call tools. `static`: one tool per operation. */
  readonly tools?: ToolsMode;
  /** Static mode: only operations with one of these tags (as the specs spell them). */
  readonly tags?: readonly string[];
  /** The most items a list call answers (default 100); a call may ask for fewer. */
  readonly maxItems?: number;
  /** Where credentials are read (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The options, checked and with their defaults. */
export interface ResolvedOptions {
  readonly vendors: readonly VendorName[];
  readonly mock: boolean;
  readonly allowWrites: WritePolicy;
  readonly tools: ToolsMode;
  readonly tags: readonly string[] | undefined;
  readonly maxItems: number;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const DEFAULT_MAX_ITEMS = 100;
/** The cap on `maxItems` itself: an answer the size of a page, not of an export. */
export const HIGHEST_MAX_ITEMS = 1000;

/** A server option (or command-line flag) with a value the server cannot use. */
export class McpOptionError extends Error {
  override readonly name = "McpOptionError";
  /** The option or command-line flag at fault. */
  readonly option: string;
  constructor(option: string, message: string) {
    super(`${option}: ${message}`);
    this.option = option;
  }
}

function vendorList(option: string, value: unknown): VendorName[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new McpOptionError(option, `expected a non-empty list of vendors (${VENDOR_NAMES.join(", ")})`);
  for (const name of value)
    if (!isVendorName(name))
      throw new McpOptionError(
        option,
        `unknown vendor ${JSON.stringify(name)}; known: ${VENDOR_NAMES.join(", ")}`,
      );
  return [...new Set(value as VendorName[])];
}

export function resolveOptions(options: WorkapisMcpOptions = {}): ResolvedOptions {
  const vendors = options.vendors === undefined ? [...VENDOR_NAMES] : vendorList("vendors", options.vendors);
  const allowWrites =
    options.allowWrites === undefined || typeof options.allowWrites === "boolean"
      ? (options.allowWrites ?? false)
      : vendorList("allowWrites", options.allowWrites);
  const tools = options.tools ?? "dynamic";
  if (tools !== "dynamic" && tools !== "static")
    throw new McpOptionError("tools", `expected "dynamic" or "static", got ${JSON.stringify(tools)}`);
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > HIGHEST_MAX_ITEMS)
    throw new McpOptionError("maxItems", `expected a whole number from 1 to ${HIGHEST_MAX_ITEMS}`);
  if (options.tags !== undefined && (!Array.isArray(options.tags) || options.tags.length === 0))
    throw new McpOptionError("tags", "expected a non-empty list of tags");
  if (options.tags !== undefined && tools !== "static")
    throw new McpOptionError("tags", 'chooses the tools of static mode: use it with tools "static"');
  if (options.mock !== undefined && typeof options.mock !== "boolean")
    throw new McpOptionError("mock", "expected true or false");
  return {
    vendors,
    mock: options.mock ?? false,
    allowWrites,
    tools,
    tags: options.tags,
    maxItems,
    env: options.env ?? process.env,
  };
}
