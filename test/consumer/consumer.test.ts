import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { vendors } from "../conformance/spec-model.ts";
import { call } from "../mcp/call-tool.ts";
import { connectStdio } from "../mcp/start-server.ts";
import { packTarballs } from "../packaging/pack-tarballs.ts";

/**
 * Users install @workapis/* from npm: pack every package (pnpm pack rewrites workspace: ranges), install
 * the tarballs with plain npm into a fresh project outside the workspace, type-check a consumer under
 * moduleResolution bundler and node16, run its vitest suite (each vendor against its /msw mock, and
 * calls under a fake clock), require every package from CommonJS, and run the installed `workapis-mcp`
 * bin on its mocks with an MCP client.
 */
const project = mkdtempSync(join(tmpdir(), "workapis-consumer-"));
afterAll(() => rmSync(project, { recursive: true, force: true }));
function run(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, {
      cwd: project,
      stdio: "pipe",
      encoding: "utf8",
      env: { ...process.env, CI: "true" },
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(" ")} failed:\n${e.stdout ?? ""}\n${e.stderr ?? ""}`);
  }
}

describe("packed tarballs in a fresh npm project", () => {
  it("install, type-check (bundler, node16), pass a vitest suite and load from CommonJS", {
    timeout: 600_000,
  }, async () => {
    const names = ["runtime", "mock", ...vendors().map((v) => v.vendor), "mcp"];
    const dependencies = await packTarballs(project, names);
    expect(readdirSync(join(project, "tarballs"))).toHaveLength(names.length);
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify({
        name: "workapis-consumer",
        private: true,
        type: "module",
        dependencies: { ...dependencies, msw: "^2.15.0" },
        devDependencies: { typescript: "~5.9.3", vitest: "^4.1.0", "@types/node": "^20.0.0" },
      }),
    );
    for (const [from, to] of [
      ["consumer.ts", "consumer.ts"],
      ["consumer-suite.ts", "consumer.test.ts"],
      ["consumer-fake-clock.ts", "fake-clock.test.ts"],
      ["consumer.cjs", "consumer.cjs"],
    ] as const) {
      copyFileSync(resolve(import.meta.dirname, "fixture", from), join(project, to));
    }
    const strict = {
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      noEmit: true,
      skipLibCheck: false,
      types: ["node"],
      lib: ["ES2023", "DOM"],
      target: "ES2022",
      allowImportingTsExtensions: true,
    };
    writeFileSync(
      join(project, "tsconfig.bundler.json"),
      JSON.stringify({
        compilerOptions: { ...strict, module: "ESNext", moduleResolution: "Bundler" },
        files: ["consumer.ts"],
      }),
    );
    writeFileSync(
      join(project, "tsconfig.node16.json"),
      JSON.stringify({
        compilerOptions: { ...strict, module: "Node16", moduleResolution: "Node16" },
        files: ["consumer.ts"],
      }),
    );

    run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"]);
    run("npx", ["tsc", "-p", "tsconfig.bundler.json"]);
    run("npx", ["tsc", "-p", "tsconfig.node16.json"]);
    // Five vendors against their mocks, and three calls under a fake clock.
    expect(run("npx", ["vitest", "run", "--reporter=dot"])).toMatch(/8 passed/);
    expect(run("node", ["consumer.cjs"])).toContain("cjs ok");
  });

  it("runs the installed workapis-mcp bin on its mocks: tools/list and a read", {
    timeout: 60_000,
  }, async () => {
    // The bin npm linked for the installed package, as `npx @workapis/mcp` runs it.
    const bin = join(project, "node_modules", ".bin", "workapis-mcp");
    expect(existsSync(bin), "npm install did not link the workapis-mcp bin").toBe(true);
    const server = await connectStdio([bin, "--mock"]);
    try {
      const { tools } = await server.client.listTools();
      expect(tools.map((t) => t.name)).toEqual(["list_operations", "describe_operation", "call_operation"]);
      // BoardCRM's export is a read the vendor takes as POST: allowed without --allow-writes.
      const read = { vendor: "boardcrm", operationId: "exportOffers" };
      const { isError, content } = await call(server.client, "call_operation", read);
      expect(isError, JSON.stringify(content)).toBe(false);
      expect(content).toMatchObject({ ...read, status: 200 });
      expect(content["data"]).toBeDefined();
    } finally {
      await server.close();
    }
  });
});
