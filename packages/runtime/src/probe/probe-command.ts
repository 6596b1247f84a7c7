import type { ApiMeta } from "../metadata.ts";
import { scrubberFor } from "../secrets/scrub.ts";
import type { FetchLike } from "../transport/fetch-like.ts";
import type { ResponseValidators } from "../validation/divergence.ts";
import { ProbeUsageError, parseProbeArgs, probeUsage } from "./probe-args.ts";
import { formatReport, summarise } from "./report-table.ts";
import { runProbe } from "./run-probe.ts";
import type { SafeRead } from "./safe-read.ts";

/** What a vendor's probe command is made of: its name, its credential's variable and its generated data. */
export interface ProbeCommandConfig {
  /** The command as users type it (`workapis-webwork-probe`). */
  readonly command: string;
  /** The vendor's name as its docs write it (`WebWork`). */
  readonly vendor: string;
  /** The environment variable holding the credential (`WEBWORK_TOKEN`). */
  readonly tokenEnv: string;
  readonly meta: ApiMeta;
  /** The vendor's `validators` entry: its response validators and safe reads. */
  readonly validators: {
    readonly responseValidators: ResponseValidators;
    readonly safeReads: readonly SafeRead[];
  };
}

/** Where the command reads and writes: the process, or a test's stand-ins. */
export interface ProbeIo {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly fetch?: FetchLike;
}

function processIo(): ProbeIo {
  return {
    argv: process.argv.slice(2),
    env: process.env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
  };
}

/**
 * Runs a vendor's probe command and answers its exit code: 0 when every call answered as the spec
 * says, 1 on any divergence (a field the spec does not describe too, unless `--allow-extra`) or a
 * failed call, 2 on a usage mistake. Nothing it prints holds the credential.
 */
export async function probeCommand(config: ProbeCommandConfig, io: ProbeIo = processIo()): Promise<number> {
  const { command, vendor, tokenEnv } = config;
  let args: ReturnType<typeof parseProbeArgs>;
  try {
    args = parseProbeArgs(io.argv);
  } catch (error) {
    if (!(error instanceof ProbeUsageError)) throw error;
    io.stderr(`${command}: ${error.message}\n`);
    return 2;
  }
  if (args.kind === "help") {
    io.stdout(`${probeUsage(command, vendor, tokenEnv)}\n`);
    return 0;
  }
  const token = io.env[tokenEnv];
  if (!token) {
    io.stderr(`${command}: set ${tokenEnv} to your ${vendor} credential (see --help)\n`);
    return 2;
  }
  const scrub = scrubberFor([token]);
  try {
    const report = await runProbe({
      meta: config.meta,
      validators: config.validators.responseValidators,
      safeReads: config.validators.safeReads,
      token,
      baseUrl: args.baseUrl,
      fetch: io.fetch,
      params: args.params,
    });
    const counts = summarise(report);
    io.stdout(
      scrub(
        args.json
          ? `${JSON.stringify({ vendor, summary: counts, rows: report.rows }, null, 2)}\n`
          : formatReport(vendor, report),
      ),
    );
    const failed = counts.failures > 0 || counts.errors > 0 || (!args.allowExtra && counts.divergences > 0);
    return failed ? 1 : 0;
  } catch (error) {
    io.stderr(scrub(`${command}: ${error instanceof Error ? error.message : String(error)}\n`));
    return 1;
  }
}
