import { parseArgs } from "node:util";
import { DEFAULT_HTTP_PORT } from "./http-server.ts";
import { McpOptionError, type WorkapisMcpOptions } from "./options.ts";
import type { VendorName } from "./vendors.ts";

export const USAGE = `Usage: workapis-mcp [options]

An MCP server for WorkBoard, Workglue, Betterworks, WebWork Tracker and BoardCRM (stdio by default).

  --mock                  serve every vendor from its embedded mock (the default when no credential is set)
  --allow-writes[=a,b]    allow operations that change data: for every vendor, or the vendors named
  --tools=dynamic|static  dynamic (default): list_operations, describe_operation, call_operation;
                          static: one tool per operation
  --vendors=a,b           serve only these vendors (workboard, workglue, betterworks, webwork, boardcrm)
  --tags=A,B              static mode: only operations with one of these tags
  --max-items=N           the most items a list call answers (default 100)
  --http                  serve Streamable HTTP on 127.0.0.1 instead of stdio
  --port=N                the HTTP port (default ${DEFAULT_HTTP_PORT}; 0 picks a free one)
  --help, --version

Credentials are read from WORKBOARD_TOKEN, WORKGLUE_ACCOUNT_API_KEY, BETTERWORKS_API_KEY,
WEBWORK_TOKEN and BOARDCRM_TOKEN; <VENDOR>_BASE_URL points a vendor at another server.`;

export interface CliCommand {
  readonly action: "serve" | "help" | "version";
  readonly options: WorkapisMcpOptions;
  readonly http: boolean;
  readonly port: number;
}

const list = (value: string | undefined) =>
  value === undefined
    ? undefined
    : value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);

/** Reads the command line; an unknown flag or a bad value throws `McpOptionError` naming the flag. */
export function parseCliArguments(argv: readonly string[]): CliCommand {
  // `--allow-writes` alone allows every vendor; with a value, the vendors named.
  const args = argv.map((a) => (a === "--allow-writes" ? "--allow-writes=*" : a));
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(args).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const flag = /'(--?[\w-]+)/.exec(message)?.[1] ?? "arguments";
    throw new McpOptionError(flag, message);
  }
  const maxItems = values["max-items"];
  const port = values.port;
  const number = (flag: string, value: string) => {
    if (!/^\d+$/.test(value))
      throw new McpOptionError(flag, `expected a whole number, got ${JSON.stringify(value)}`);
    return Number(value);
  };
  const writes = values["allow-writes"];
  const tools = values.tools;
  const options: WorkapisMcpOptions = {
    ...(values.mock ? { mock: true } : {}),
    ...(writes !== undefined
      ? { allowWrites: writes === "*" ? true : ((list(writes) ?? []) as VendorName[]) }
      : {}),
    ...(tools !== undefined ? { tools: tools as "dynamic" } : {}),
    ...(values.vendors !== undefined ? { vendors: (list(values.vendors) ?? []) as VendorName[] } : {}),
    ...(values.tags !== undefined ? { tags: list(values.tags) ?? [] } : {}),
    ...(maxItems !== undefined ? { maxItems: number("--max-items", maxItems) } : {}),
  };
  return {
    action: values.help ? "help" : values.version ? "version" : "serve",
    options,
    http: values.http ?? false,
    port: port === undefined ? DEFAULT_HTTP_PORT : number("--port", port),
  };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      mock: { type: "boolean" },
      "allow-writes": { type: "string" },
      tools: { type: "string" },
      vendors: { type: "string" },
      tags: { type: "string" },
      "max-items": { type: "string" },
      http: { type: "boolean" },
      port: { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean" },
    },
  });
}
