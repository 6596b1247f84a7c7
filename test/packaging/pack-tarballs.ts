import { execFile } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "../conformance/spec-model.ts";

/**
 * Packs the named workspace packages (`runtime`, `mock`, a vendor …) with `pnpm pack`, which rewrites
 * `workspace:` ranges as npm users get them, into `<project>/tarballs`, and answers the `dependencies`
 * of a package.json that installs those tarballs.
 */
export async function packTarballs(
  project: string,
  names: readonly string[],
): Promise<Record<string, string>> {
  const tarballs = join(project, "tarballs");
  mkdirSync(tarballs);
  await Promise.all(
    names.map((name) =>
      promisify(execFile)("pnpm", ["pack", "--pack-destination", tarballs], {
        cwd: resolve(repoRoot, "packages", name),
      }),
    ),
  );
  const files = readdirSync(tarballs);
  return Object.fromEntries(
    names.map((name) => {
      const file = files.find((f) => f.startsWith(`workapis-${name}-`));
      if (!file) throw new Error(`pnpm pack wrote no tarball for @workapis/${name}`);
      return [`@workapis/${name}`, `file:tarballs/${file}`];
    }),
  );
}
