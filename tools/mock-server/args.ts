import { parseArgs } from "node:util";

/** What `pnpm mock …` was asked to do. */
export type MockCommand =
  | { readonly kind: "help" }
  | { readonly kind: "serve"; readonly vendor: string; readonly port: number; readonly seed?: number };

/** A mistake on the command line: the CLI prints the message (one line) and exits with code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const DEFAULT_PORT = 4010;

export function usage(knownVendors: readonly string[]): string {
  return [
    "usage: pnpm mock <vendor> [--port N] [--seed S]",
    "",
    "Serves a vendor's stateful, validating mock over HTTP on 127.0.0.1 until stopped (Ctrl-C).",
    "",
    `vendors:  ${knownVendors.join(", ")}`,
    "options:",
    `  --port N   port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)`,
    "  --seed S   integer seed for the generated records (default: the spec's fixed seed)",
    "  --help     show this help",
  ].join("\n");
}

function integer(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || value < min || value > max)
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

const options = {
  port: { type: "string" },
  seed: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function readArgs(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, strict: true, options });
  } catch (error) {
    // node:util's messages are one line but go on to suggest `--` for positionals, which no vendor needs.
    const message = error instanceof Error ? (error.message.split(". ")[0] ?? error.message) : String(error);
    throw new UsageError(`${message}; see pnpm mock --help`);
  }
}

/** Reads `pnpm mock`'s arguments; unknown options, vendors or values become a {@link UsageError}. */
export function parseMockArgs(args: readonly string[], knownVendors: readonly string[]): MockCommand {
  const parsed = readArgs(args);
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  const [vendor, ...extra] = positionals;
  if (vendor === undefined) throw new UsageError(`name a vendor: ${knownVendors.join(", ")}`);
  if (!knownVendors.includes(vendor))
    throw new UsageError(`unknown vendor "${vendor}"; known vendors: ${knownVendors.join(", ")}`);
  if (extra.length > 0) throw new UsageError(`one vendor at a time; unexpected "${extra.join(" ")}"`);
  const port = values.port === undefined ? DEFAULT_PORT : integer("port", values.port, 0, 65_535);
  const seed =
    values.seed === undefined
      ? undefined
      : integer("seed", values.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  return seed === undefined ? { kind: "serve", vendor, port } : { kind: "serve", vendor, port, seed };
}
