import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, extname, join, resolve } from "node:path";

/**
 * Formats generated files with the repository's own Biome (the formatter of every hand-written
 * file), so generated code reads like the rest: no line past Biome's width but a long string or
 * comment it cannot break. The emitters stay simple string builders; layout is Biome's job.
 *
 * Why the CLI over a copy of the files: `src/generated/` is excluded from the repository's Biome
 * configuration (generated code is not linted), and Biome skips an excluded path even when it is
 * named on the command line or passed on stdin. So the files are written to a scratch folder with a
 * configuration holding the repository's formatter settings, formatted there in one Biome run, and
 * read back. The JS API (@biomejs/js-api) would avoid the folder, but its WebAssembly build lags the
 * CLI's version, and two Biome versions could lay out the same code differently.
 */
const formattable = new Set([".ts", ".js", ".mts", ".cts", ".json"]);

/** This repository: its biome.json and Biome install format the output, wherever the spec lives. */
const toolRepo = resolve(import.meta.dirname, "../..");

export function formatGenerated(files: ReadonlyMap<string, string>): Map<string, string> {
  const scratch = mkdtempSync(join(tmpdir(), "workapis-codegen-"));
  try {
    writeFileSync(join(scratch, "biome.json"), JSON.stringify(formatterConfig()));
    const names = [...files.keys()].filter((path) => formattable.has(extname(path)));
    for (const path of names) {
      const target = join(scratch, "files", path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, files.get(path) ?? "");
    }
    if (names.length > 0) {
      execFileSync(process.execPath, [biomeBin(), "format", "--write", "--no-errors-on-unmatched", "files"], {
        cwd: scratch,
        stdio: ["ignore", "ignore", "pipe"],
        maxBuffer: 64 * 1024 * 1024,
      });
    }
    const formatted = new Map(files);
    for (const path of names) formatted.set(path, readFileSync(join(scratch, "files", path), "utf8"));
    return formatted;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The repository's formatter settings, with every file of the scratch folder included. */
function formatterConfig(): Record<string, unknown> {
  const config = JSON.parse(readFileSync(join(toolRepo, "biome.json"), "utf8")) as Record<string, unknown>;
  return {
    root: true,
    vcs: { enabled: false },
    files: { includes: ["**"], maxSize: 16 * 1024 * 1024 },
    formatter: config["formatter"],
    // Keys stay as the emitters wrote them: the mock spec and metadata are JSON data, quoted as such.
    javascript: {
      ...(config["javascript"] as object),
      formatter: {
        ...((config["javascript"] as { formatter?: object } | undefined)?.formatter ?? {}),
        quoteProperties: "preserve",
      },
    },
    json: config["json"],
    linter: { enabled: false },
    assist: { enabled: false },
  };
}

function biomeBin(): string {
  return createRequire(join(toolRepo, "package.json")).resolve("@biomejs/biome/bin/biome");
}
