import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import Chromium from "@sparticuz/chromium";
import { type Browser, chromium } from "playwright-core";

/**
 * One way for the browser tests to start headless Chromium.
 *
 * `CHROMIUM_PATH`, when set, names a browser already on the machine. Otherwise the browser comes from
 * `@sparticuz/chromium`, an npm package that ships a headless Chromium build inside its tarball, so
 * `pnpm install` alone is enough on a machine with only Node and npm: nothing is downloaded at run
 * time and no system package is needed. Its build is a CDP-compatible Chromium that playwright-core
 * drives like any other.
 *
 * The package unpacks the binary (with its locales and SwiftShader libraries) into `os.tmpdir()`. The
 * browser tests run in parallel workers, so each unpacks into a private directory first and renames
 * it into a cache keyed by the package version: the rename is atomic, a worker never starts a
 * half-written binary, and later runs reuse the cache.
 */

/** Flags that keep the browser off the network and away from a GPU or a sandbox it cannot have. */
export const chromiumFlags: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// The package's exports do not include its package.json: read it beside the resolved entry.
const packageRoot = resolve(dirname(createRequire(import.meta.url).resolve("@sparticuz/chromium")), "../..");
const packageVersion = (
  JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string }
).version;

/** Where the packaged browser is unpacked once per version and shared by later runs. */
export const packagedChromiumDir = join(tmpdir(), `workapis-chromium-${packageVersion}`);

/** The packaged browser's binary, unpacked on first use. */
export async function packagedChromiumPath(): Promise<string> {
  const binary = join(packagedChromiumDir, "chromium");
  if (existsSync(binary)) return binary;
  mkdirSync(tmpdir(), { recursive: true });
  const staging = mkdtempSync(`${packagedChromiumDir}.partial-`);
  try {
    await unpackInto(staging);
    try {
      renameSync(staging, packagedChromiumDir);
    } catch (error) {
      // Another worker finished first: its copy is complete, use it.
      if (!existsSync(binary)) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return binary;
}

/**
 * Runs the package's own unpacking with two settings it reads from the environment: TMPDIR (where
 * it writes, through os.tmpdir()) and AWS_EXECUTION_ENV, which makes it also unpack the shared
 * libraries it ships for Amazon Linux (NSS, NSPR, expat) into `al2023/lib`. Both are read before its
 * first await, so they are set only for the synchronous part of the call.
 */
async function unpackInto(dir: string): Promise<void> {
  const saved = { TMPDIR: process.env["TMPDIR"], AWS_EXECUTION_ENV: process.env["AWS_EXECUTION_ENV"] };
  process.env["TMPDIR"] = dir;
  process.env["AWS_EXECUTION_ENV"] = `AWS_Lambda_nodejs${process.versions.node.split(".")[0]}.x`;
  let unpacking: Promise<string>;
  try {
    unpacking = Chromium.executablePath();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  await unpacking;
}

/** The folder of shared libraries shipped with the packaged browser. */
export const bundledLibraryDir = join(packagedChromiumDir, "al2023", "lib");

/**
 * Whether the binary needs the bundled shared libraries: the machine lacks one of the libraries it
 * links (a bare machine may have no NSS). The system's own are preferred when present.
 */
export function lacksSharedLibraries(binary: string): boolean {
  try {
    return execFileSync("ldd", [binary], { encoding: "utf8" }).includes("not found");
  } catch {
    return false; // no ldd: let the launch report what is missing
  }
}

/** The browser to launch: `CHROMIUM_PATH` when set, else the packaged one. */
export async function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env["CHROMIUM_PATH"];
  return fromEnv ? fromEnv : packagedChromiumPath();
}

export interface LaunchOptions {
  /** Load the packaged browser's own shared libraries even when the machine has them. */
  readonly bundledLibraries?: boolean;
}

/** Launches headless Chromium for a test; the caller closes it. */
export async function launchChromium(
  env: NodeJS.ProcessEnv = process.env,
  options: LaunchOptions = {},
): Promise<Browser> {
  const executablePath = await chromiumExecutable(env);
  const packaged = !env["CHROMIUM_PATH"];
  const withBundled = packaged && (options.bundledLibraries === true || lacksSharedLibraries(executablePath));
  const libraryPath = [bundledLibraryDir, env["LD_LIBRARY_PATH"]].filter(Boolean).join(":");
  return chromium.launch({
    executablePath,
    args: [...chromiumFlags],
    ...(withBundled ? { env: { ...env, LD_LIBRARY_PATH: libraryPath } } : {}),
  });
}
