import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../conformance/spec-model.ts";

/** `pnpm mock <vendor>`: the standalone HTTP mock on 127.0.0.1, driven as a non-JS consumer would. */
let child: ChildProcess;
let base = "";

beforeAll(async () => {
  child = spawn(
    resolve(repoRoot, "node_modules/.bin/tsx"),
    ["tools/mock-server/cli.ts", "webwork", "--port", "0", "--seed", "7"],
    {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  base = await new Promise<string>((ok, fail) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const found = /listening: (http:\/\/127\.0\.0\.1:\d+\S*)/.exec(out);
      if (found?.[1]) ok(found[1]);
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on("exit", (code) => fail(new Error(`mock server exited (${code}): ${out}`)));
  });
});
afterAll(() => {
  child?.kill("SIGTERM");
});

describe("pnpm mock webwork", () => {
  it("serves the vendor's API on 127.0.0.1 with auth, validation and state", async () => {
    expect(new URL(base).hostname).toBe("127.0.0.1");
    const auth = { Authorization: "Bearer test" };
    const list = await fetch(`${base}/workspaces`, { headers: auth });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { success: boolean }).success).toBe(true);
    expect((await fetch(`${base}/workspaces`)).status).toBe(401);
    const invalid = await fetch(`${base}/members`, { headers: auth });
    expect(invalid.status).toBe(400);
    const created = await fetch(`${base}/projects?workspace_id=4821`, {
      method: "POST",
      headers: { ...auth, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Standalone mock check" }),
    });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { data: { id: number } }).data.id;
    const read = await fetch(`${base}/projects/${id}?workspace_id=4821`, { headers: auth });
    expect(((await read.json()) as { data: { name: string } }).data.name).toBe("Standalone mock check");
  });

  it("answers the same request with the same bytes (seeded)", async () => {
    const get = () =>
      fetch(`${base}/members?workspace_id=4821&page=2`, { headers: { Authorization: "Bearer t" } }).then(
        (r) => r.text(),
      );
    expect(await get()).toBe(await get());
  });
});
