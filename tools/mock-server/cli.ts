/**
 * `pnpm mock <vendor> [--port N] [--seed S]`: serves a vendor's stateful mock over HTTP on
 * 127.0.0.1 for curl and non-JS consumers, until stopped. Mistakes on the command line and a port
 * in use are one line on stderr (exit code 2 and 1), never a stack trace.
 */
import { resolve } from "node:path";
import { readVendors } from "../codegen/workspace-config.ts";
import { parseMockArgs, UsageError, usage } from "./args.ts";
import { loadVendorMock } from "./load-vendor-mock.ts";
import { stopWithParent } from "./stop-with-parent.ts";

const HOST = "127.0.0.1";
const knownVendors = readVendors(resolve(import.meta.dirname, "../..")).map((v) => v.vendor);

function fail(message: string, exitCode: number): never {
  process.stderr.write(`pnpm mock: ${message}\n`);
  process.exit(exitCode);
}

function listenError(error: unknown, port: number): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EADDRINUSE")
    return `port ${port} on ${HOST} is in use; stop what holds it or pass --port <another>`;
  if (code === "EACCES") return `no permission to listen on port ${port}; pass --port 1024 or above`;
  return undefined;
}

async function main(): Promise<void> {
  // Read first: pnpm may be stopped while the mock loads, and then this is already someone else.
  const parent = process.ppid;
  let command: ReturnType<typeof parseMockArgs>;
  try {
    command = parseMockArgs(process.argv.slice(2), knownVendors);
  } catch (error) {
    if (error instanceof UsageError) fail(error.message, 2);
    throw error;
  }
  if (command.kind === "help") {
    process.stdout.write(`${usage(knownVendors)}\n`);
    return;
  }
  const { vendor, port, seed } = command;
  const mock = await loadVendorMock(vendor, seed === undefined ? {} : { seed });
  // Loaded only to serve: `--help` and argument errors work before the packages are built.
  const { serveMock } = await import("@workapis/mock/server");
  const server = await serveMock(mock, { port, host: HOST }).catch((error: unknown) => {
    const message = listenError(error, port);
    if (message) fail(message, 1);
    throw error;
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, stop);
  stopWithParent(stop, parent);

  console.log(`${vendor} mock listening: ${server.url}`);
  const sample = mock.spec.operations.find((o) => o.method === "get" && !o.path.includes("{"))?.path ?? "/";
  console.log(`try: curl -H 'Authorization: Bearer test' ${server.url}${sample}`);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error), 1));
