import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createBetterworksMock } from "@workapis/betterworks/msw";
import { createBoardCRMMock } from "@workapis/boardcrm/msw";
import { createWebWorkMock } from "@workapis/webwork/msw";
import { createWorkBoardMock } from "@workapis/workboard/msw";
import { createWorkglueMock } from "@workapis/workglue/msw";
import { parse } from "yaml";

/**
 * What a consumer pays in `tsc`: a file calling 20 operations of every vendor (real paths and
 * params, taken from each spec's examples) vs an empty project, same tsconfig, same process; and the
 * same calls through bare openapi-fetch over the same `paths`, to tell our types from openapi-fetch's.
 */
const run = promisify(execFile);
const repoRoot = join(import.meta.dirname, "..");
const VENDORS = [
  ["webwork", "createWebWorkClient", createWebWorkMock],
  ["workboard", "createWorkBoardClient", createWorkBoardMock],
  ["workglue", "createWorkglueClient", createWorkglueMock],
  ["betterworks", "createBetterworksClient", createBetterworksMock],
  ["boardcrm", "createBoardCRMClient", createBoardCRMMock],
] as const;
const METHODS = ["get", "post", "put", "patch", "delete"] as const;

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => v !== null && typeof v === "object" && !Array.isArray(v);

/** Follows a local `$ref` (`#/components/...`) to the object it names. */
function deref(doc: Node, value: unknown): Node {
  if (!isNode(value)) return {};
  const ref = value["$ref"];
  if (typeof ref !== "string") return value;
  let node: unknown = doc;
  for (const key of ref.slice(2).split("/")) node = isNode(node) ? node[key] : undefined;
  return deref(doc, node);
}

/** An example value for a parameter: its own example, else its schema's, else one of the right type. */
function sample(doc: Node, param: Node): unknown {
  const schema = deref(doc, param["schema"]);
  const examples = deref(doc, param["examples"]);
  const first = Object.values(examples)[0];
  const candidates = [
    param["example"],
    isNode(first) ? first["value"] : undefined,
    schema["example"],
    Array.isArray(schema["examples"]) ? schema["examples"][0] : undefined,
    Array.isArray(schema["enum"]) ? schema["enum"][0] : undefined,
    schema["default"],
  ];
  const found = candidates.find((c) => c !== undefined);
  if (found !== undefined) return found;
  const type = String(Array.isArray(schema["type"]) ? schema["type"][0] : schema["type"]);
  return ({ integer: 1, number: 1, boolean: true, array: [] } as Record<string, unknown>)[type] ?? "x";
}

/** The example of an operation's request body (the first media type that has one). */
function bodyExample(doc: Node, op: Node): unknown {
  const body = deref(doc, op["requestBody"]);
  const content = body["content"];
  if (!isNode(content)) return undefined;
  for (const media of Object.values(content)) {
    if (!isNode(media)) continue;
    if (media["example"] !== undefined) return media["example"];
    const value = deref(doc, Object.values(deref(doc, media["examples"]))[0])["value"];
    if (value !== undefined) return value;
  }
  return undefined;
}

/** `client.METHOD("/path", { params, body })` lines for the first `count` operations of a spec. */
async function calls(vendor: string, known: ReadonlySet<string>, count: number): Promise<string[]> {
  const doc = parse(await readFile(join(repoRoot, "specs", vendor, "openapi.yaml"), "utf8")) as Node;
  const out: string[] = [];
  for (const [path, rawItem] of Object.entries(deref(doc, doc["paths"]))) {
    const item = deref(doc, rawItem);
    for (const method of METHODS) {
      if (out.length >= count) return out;
      const op = item[method];
      // Only operations the built package knows (the spec may be ahead of dist/ until the next build).
      if (!isNode(op) || !known.has(`${method} ${path}`)) continue;
      const params: Record<string, Record<string, unknown>> = {};
      const list = [item["parameters"], op["parameters"]].flatMap((l) => (Array.isArray(l) ? l : []));
      for (const raw of list) {
        const p = deref(doc, raw);
        const where = String(p["in"]);
        if (where === "cookie" || (where !== "path" && p["required"] !== true)) continue;
        params[where] = { ...params[where], [String(p["name"])]: sample(doc, p) };
      }
      const body = bodyExample(doc, op);
      const init: Record<string, unknown> = {};
      if (Object.keys(params).length > 0) init["params"] = params;
      if (body !== undefined) init["body"] = body;
      const args = Object.keys(init).length > 0 ? `, ${JSON.stringify(init)}` : "";
      out.push(`  await c.${method.toUpperCase()}(${JSON.stringify(path)}${args});`);
    }
  }
  return out;
}

interface TscFigures {
  checkS: number;
  totalS: number;
  memoryMb: number;
}

async function tsc(dir: string, name: string, files: readonly string[]): Promise<TscFigures> {
  const bin = join(repoRoot, "node_modules", ".bin", "tsc");
  const config = {
    compilerOptions: {
      target: "ES2022",
      lib: ["ES2023", "DOM", "DOM.Iterable"],
      module: "ESNext",
      moduleResolution: "bundler",
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    },
    files,
  };
  const project = join(dir, `tsconfig.${name}.json`);
  await writeFile(project, JSON.stringify(config, null, 2));
  const { stdout } = await run(bin, ["--noEmit", "--extendedDiagnostics", "-p", project], {
    cwd: dir,
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string }) => {
    // A consumer with type errors would make the figure a lie: fail loudly.
    throw new Error(
      `tsc reported errors for ${files.join(", ")}:\n${error.stdout ?? ""}${error.stderr ?? ""}`,
    );
  });
  const read = (label: string) => {
    const m = new RegExp(`^${label}:\\s+([\\d.]+)`, "m").exec(stdout);
    if (!m?.[1]) throw new Error(`no "${label}" in tsc --extendedDiagnostics output:\n${stdout}`);
    return Number(m[1]);
  };
  return { checkS: read("Check time"), totalS: read("Total time"), memoryMb: read("Memory used") / 1024 };
}

export async function typecheckCost(perVendor = 20, runs = 3) {
  const dir = await mkdtemp(join(tmpdir(), "workapis-typecheck-"));
  try {
    // bench's node_modules links every @workapis package (exports → dist/*.d.ts) and its deps.
    await symlink(join(import.meta.dirname, "node_modules"), join(dir, "node_modules"), "dir");
    await writeFile(join(dir, "empty.ts"), "export {};\n");
    const cases = [{ label: "empty project (baseline)", files: ["empty.ts"] }];
    for (const [vendor, create, createMock] of VENDORS) {
      const known = new Set(createMock().spec.operations.map((o) => `${o.method} ${o.path}`));
      const lines = await calls(vendor, known, perVendor);
      const source = `import { ${create} } from "@workapis/${vendor}";\n\nexport async function ${vendor}() {\n  const c = ${create}({ token: "t" });\n${lines.join("\n")}\n}\n`;
      await writeFile(join(dir, `${vendor}.ts`), source);
      // The same calls through bare openapi-fetch over the same generated `paths`: what its types cost.
      const bare = `import createClient from "openapi-fetch";\nimport type { paths } from "@workapis/${vendor}";\n\nexport async function ${vendor}() {\n  const c = createClient<paths>({ baseUrl: "https://example.test" });\n${lines.join("\n")}\n}\n`;
      await writeFile(join(dir, `bare-${vendor}.ts`), bare);
      cases.push({ label: `@workapis/${vendor}, ${lines.length} calls`, files: [`${vendor}.ts`] });
    }
    cases.push({ label: "all 5 vendors together", files: VENDORS.map(([vendor]) => `${vendor}.ts`) });
    cases.push({
      label: "all 5 vendors, the same calls through bare openapi-fetch",
      files: VENDORS.map(([vendor]) => `bare-${vendor}.ts`),
    });
    // Cases alternate within each round, so drifting load lands on all alike; each keeps its fastest
    // run (noise on a shared machine only ever adds time).
    const samples = cases.map((): TscFigures[] => []);
    for (let r = 0; r < runs; r++)
      for (const [i, c] of cases.entries()) samples[i]?.push(await tsc(dir, `case${i}`, c.files));
    const rows = cases.map((c, i) => {
      const runsOf = samples[i] ?? [];
      return {
        label: c.label,
        checkS: Math.min(...runsOf.map((s) => s.checkS)),
        totalS: Math.min(...runsOf.map((s) => s.totalS)),
        memoryMb: Math.min(...runsOf.map((s) => s.memoryMb)),
      };
    });
    const base = rows[0] ?? { totalS: 1 };
    return rows.map((r) => ({ ...r, addedS: r.totalS - base.totalS, ratio: r.totalS / base.totalS }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
