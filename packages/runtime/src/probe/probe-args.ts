/** What `probe` was asked to do. */
export type ProbeArgs =
  | { readonly kind: "help" }
  | {
      readonly kind: "run";
      readonly json: boolean;
      /** Whether fields the spec does not describe may pass (they are still reported). */
      readonly allowExtra: boolean;
      readonly baseUrl: string | undefined;
      readonly params: Readonly<Record<string, string>>;
    };

/** A mistake on the command line: one line, exit code 2. */
export class ProbeUsageError extends Error {
  override readonly name = "ProbeUsageError";
}

export function probeUsage(command: string, vendor: string, tokenEnv: string): string {
  return [
    `Usage: ${tokenEnv}=<credential> ${command} [--json] [--base-url <url>] [--param <name>=<value>]… [--allow-extra]`,
    "",
    `Calls every safe read operation of the ${vendor} API once (GETs and the POST reads the spec marks`,
    "safe; never a write), one page each, with ids taken from list answers, and checks each answer",
    "against the spec. Prints a table: operation, status, time, divergences.",
    "",
    `  ${tokenEnv}        the credential, read from the environment (never printed)`,
    "  --json               the report as JSON",
    "  --base-url <url>     send to this server instead of the spec's (a proxy, a sandbox, a mock)",
    "  --param <n>=<v>      the value of an input named n (an id no list gives, a workspace); repeatable",
    "  --allow-extra        fields the spec does not describe are reported but do not fail the run",
    "  --help               this text",
    "",
    "Exit code: 0 when every call answered as the spec says, 1 on any divergence (an extra field",
    "too, unless --allow-extra) or a failed call,",
    "2 on a usage mistake.",
  ].join("\n");
}

export function parseProbeArgs(argv: readonly string[]): ProbeArgs {
  let json = false;
  let allowExtra = false;
  let baseUrl: string | undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith("--")))
        throw new ProbeUsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--help":
      case "-h":
        return { kind: "help" };
      case "--json":
        json = true;
        break;
      case "--allow-extra":
        allowExtra = true;
        break;
      case "--base-url": {
        const url = value();
        if (!URL.canParse(url)) throw new ProbeUsageError(`--base-url is not a URL: ${url}`);
        baseUrl = url;
        break;
      }
      case "--param": {
        const pair = value();
        const at = pair.indexOf("=");
        if (at < 1) throw new ProbeUsageError(`--param takes <name>=<value>; got ${pair}`);
        params[pair.slice(0, at)] = pair.slice(at + 1);
        break;
      }
      default:
        throw new ProbeUsageError(`unknown argument ${arg}; see --help`);
    }
  }
  return { kind: "run", json, allowExtra, baseUrl, params };
}
