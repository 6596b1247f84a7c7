import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import path from "node:path";
const root = path.resolve("..");
const pkg = process.argv[2] ?? "webwork";
const fn = { webwork: "createWebWorkClient", boardcrm: "createBoardCRMClient", workboard:"createWorkBoardClient" }[pkg];
const alias = {
  name: "src", setup(b) {
    b.onResolve({ filter: /^@workapis\/runtime(\/.*)?$/ }, (a) => {
      const sub = a.path.slice("@workapis/runtime".length) || "/index";
      return { path: `${root}/packages/runtime/src${sub}.ts` };
    });
  },
};
const out = await build({
  stdin: { contents: `import { ${fn} } from "@workapis/${pkg}"; console.log(${fn}({ token: "t" }));`, resolveDir: process.cwd() },
  bundle: true, minify: true, write: false, format: "esm", platform: "browser", metafile: true, logLevel: "silent",
  splitting: true, outdir: "out", plugins: [alias],
});
const { outputs } = out.metafile;
const loaded = new Set<string>();
const visit = (n: string) => { if (loaded.has(n)) return; loaded.add(n); for (const i of outputs[n]?.imports ?? []) if (i.kind === "import-statement") visit(i.path); };
for (const [n, o] of Object.entries(outputs)) if (o.entryPoint === "<stdin>") visit(n);
let gz = 0; const rows: [number, string][] = [];
for (const f of out.outputFiles) {
  const n = `out/${f.path.slice(f.path.lastIndexOf("/out/") + 5)}`;
  if (!loaded.has(n) || !n.endsWith(".js")) continue;
  gz += gzipSync(f.contents).length;
  console.log("chunk", n, f.contents.length, gzipSync(f.contents).length);
  for (const [k, v] of Object.entries(outputs[n].inputs)) rows.push([v.bytesInOutput, k.replace(/.*node_modules\//, "nm/").replace(/.*packages\//, "")]);
}
console.log("loaded gz", gz);
rows.sort((a, b) => b[0] - a[0]);
for (const [b, k] of rows) console.log(String(b).padStart(6), k);
