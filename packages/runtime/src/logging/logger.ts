/** Log levels, most verbose first; `off` silences everything. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "off";

/** Anything with console's four methods: console itself, pino, winston, consola… */
export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, off: 4 };
const noop = () => undefined;

/**
 * A logger that drops messages below `level`. Callers pass only redacted values: the runtime logs
 * requests through the same redaction as errors, so tokens never reach a log.
 */
export function levelLogger(level: LogLevel, logger: Logger): Logger {
  const at = (l: Exclude<LogLevel, "off">) =>
    RANK[l] >= RANK[level]
      ? (message: string, ...details: unknown[]) => logger[l](`[workapis] ${message}`, ...details)
      : noop;
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
