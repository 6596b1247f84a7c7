import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * `pnpm build` (generate, build and docs of every vendor) cold and warm, in a throwaway local
 * clone of HEAD with its own turbo cache: the developer's tree, dist/ and cache are never touched.
 * Slow, so run.ts runs it only with `--pipeline` or BENCH_PIPELINE=1.
 */
const repoRoot = join(import.meta.dirname, "..");

async function timed(cwd: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv) {
  const start = performance.now();
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  const seconds = (performance.now() - start) / 1000;
  return { ok: code === 0, seconds, output, describe: `${command} ${args.join(" ")} (exit ${code})` };
}

async function must(cwd: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv) {
  const result = await timed(cwd, command, args, env);
  if (!result.ok) throw new Error(`${result.describe} failed:\n${result.output.slice(-4000)}`);
  return result;
}

/** "Cached:    12 cached, 14 total" from turbo's summary, and the tasks that missed. */
const cached = (output: string) => /Cached:\s+(\d+ cached, \d+ total)/.exec(output)?.[1] ?? "?";
const misses = (output: string) => [...output.matchAll(/^(\S+): cache miss/gm)].map((m) => m[1] ?? "");

export async function pipeline() {
  const dir = await mkdtemp(join(tmpdir(), "workapis-pipeline-"));
  // A cache inside the clone, so cold is really cold; no remote cache, no telemetry.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TURBO_CACHE_DIR: join(dir, ".turbo", "cache"),
    TURBO_TELEMETRY_DISABLED: "1",
    TURBO_NO_UPDATE_NOTIFIER: "1",
    DO_NOT_TRACK: "1",
  };
  for (const name of ["TURBO_TOKEN", "TURBO_TEAM", "TURBO_API", "TURBO_REMOTE_CACHE_SIGNATURE_KEY"])
    delete env[name];
  try {
    await must(repoRoot, "git", ["clone", "--quiet", repoRoot, dir], env);
    const offline = await timed(dir, "pnpm", ["install", "--frozen-lockfile", "--offline"], env);
    const install = offline.ok ? offline : await must(dir, "pnpm", ["install", "--frozen-lockfile"], env);
    const spawns: number[] = [];
    for (let i = 0; i < 5; i++) spawns.push((await must(dir, process.execPath, ["-e", "0"], env)).seconds);
    const nodeSpawn = Math.min(...spawns);
    const cold = await must(dir, "pnpm", ["build"], env);
    // Twice: the first rebuild shows whether a build leaves the inputs of its own tasks unchanged.
    const warm1 = await must(dir, "pnpm", ["build"], env);
    const warm = await must(dir, "pnpm", ["build"], env);
    const row = (label: string, r: { seconds: number; output: string }) => ({
      label,
      seconds: r.seconds,
      cache: cached(r.output),
      misses: misses(r.output),
      vsSpawn: r.seconds / nodeSpawn,
      vsWarm: r.seconds / warm.seconds,
    });
    return [
      { ...row("`node -e 0` spawn (baseline)", { seconds: nodeSpawn, output: "" }), cache: "–" },
      {
        ...row(
          `pnpm install --frozen-lockfile${offline.ok ? " --offline" : ""} (setup, not part of the build)`,
          install,
        ),
        cache: "–",
      },
      row("pnpm build, cold (fresh clone, empty turbo cache)", cold),
      row("pnpm build, warm #1 (nothing changed)", warm1),
      row("pnpm build, warm #2 (nothing changed; baseline)", warm),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
