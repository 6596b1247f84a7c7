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
    // The package writes into os.tmpdir(), which reads TMPDIR; it computes every target path before
    // its first await, so the override is needed only for the synchronous part of the call.
    const previous = process.env["TMPDIR"];
    process.env["TMPDIR"] = staging;
    let unpacking: Promise<string>;
    try {
      unpacking = Chromium.executablePath();
    } finally {
      if (previous === undefined) delete process.env["TMPDIR"];
      else process.env["TMPDIR"] = previous;
    }
    await unpacking;
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

/** The browser to launch: `CHROMIUM_PATH` when set, else the packaged one. */
export async function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env["CHROMIUM_PATH"];
  return fromEnv ? fromEnv : packagedChromiumPath();
}

/** Launches headless Chromium for a test; the caller closes it. */
export async function launchChromium(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumExecutable(env), args: [...chromiumFlags] });
}
