/**
 * `@workapis/runtime/probe`: the engine of every vendor's probe command (`workapis-<vendor>-probe`),
 * which checks the spec against a live account. Not part of the client entry.
 */
export { type ProbeArgs, ProbeUsageError, parseProbeArgs, probeUsage } from "./probe/probe-args.ts";
export { type ProbeCommandConfig, type ProbeIo, probeCommand } from "./probe/probe-command.ts";
export { formatReport, summarise } from "./probe/report-table.ts";
export { type ProbeOptions, type ProbeReport, type ProbeRow, runProbe } from "./probe/run-probe.ts";
export type { ProbeInput, SafeRead } from "./probe/safe-read.ts";
