import { relative, sep } from "node:path";

/** What of esbuild's metafile the walk reads: each output chunk, its entry point and its imports. */
export interface ChunkGraph {
  readonly outputs: Readonly<
    Record<
      string,
      {
        readonly entryPoint?: string;
        readonly imports: readonly { readonly path: string; readonly kind: string }[];
      }
    >
  >;
}

/**
 * The output chunks that load with an entry point (`<stdin>` for a build from `stdin`): its own chunk
 * and every chunk it imports statically, transitively. A chunk reached only through a dynamic
 * `import()` (the response validators, loaded by `validateResponses`) is not among them. Names are
 * the metafile's output keys (`out/chunk-X.js`).
 */
export function staticallyLoaded(metafile: ChunkGraph, entryPoint = "<stdin>"): Set<string> {
  const { outputs } = metafile;
  const loaded = new Set<string>();
  const visit = (name: string) => {
    if (loaded.has(name)) return;
    loaded.add(name);
    for (const i of outputs[name]?.imports ?? []) if (i.kind === "import-statement") visit(i.path);
  };
  for (const [name, output] of Object.entries(outputs)) if (output.entryPoint === entryPoint) visit(name);
  return loaded;
}

/**
 * An output file's key in the metafile: its path relative to the build's working directory
 * (esbuild's `absWorkingDir`, the process's directory unless the build sets it), with `/` separators.
 */
export function outputKey(path: string, workingDir: string = process.cwd()): string {
  return relative(workingDir, path).split(sep).join("/");
}
