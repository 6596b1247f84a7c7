import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../conformance/spec-model.ts";
import { type Content, call } from "./call-tool.ts";
import { binArgs, type Connected, connectHttp, connectStdio } from "./start-server.ts";

/**
 * The built `workapis-mcp` bin driven by the MCP SDK's own Client, over stdio and over Streamable HTTP,
 * on the embedded mocks: the tools, a read on every vendor, writes refused and allowed, typed errors.
 */
const errorOf = (content: Content) => content["error"] as Content;

/** A read with no required argument per vendor (BoardCRM's is a POST the spec marks retry-safe). */
const reads = {
  workboard: "listUsers",
  workglue: "listJobs",
  betterworks: "listUsers",
  webwork: "listWorkspaces",
  boardcrm: "exportOffers",
} as const;

/** A README's (first) client configuration, exactly as written there. */
function readmeConfig(readme = "packages/mcp/README.md"): { command: string; args: string[] } {
  const text = readFileSync(resolve(repoRoot, readme), "utf8");
  const block = /```json\n([\s\S]*?)```/.exec(text)?.[1] ?? "{}";
  const config = JSON.parse(block) as { mcpServers: { workapis: { command: string; args: string[] } } };
  return config.mcpServers.workapis;
}

const transports = {
  stdio: (args: readonly string[]) => connectStdio(args),
  http: (args: readonly string[]) => connectHttp(args.slice(1)),
};

describe.each(Object.keys(transports) as (keyof typeof transports)[])("workapis-mcp over %s", (kind) => {
  let readOnly: Connected;
  let writable: Connected;
  beforeAll(async () => {
    const { command, args } = readmeConfig();
    const readmeArgs = binArgs(command, args);
    [readOnly, writable] = await Promise.all([
      transports[kind](readmeArgs),
      transports[kind]([...readmeArgs, "--allow-writes=webwork"]),
    ]);
  });
  afterAll(async () => {
    await Promise.all([readOnly?.close(), writable?.close()]);
  });

  it("starts as the README's snippet says, on the mocks, with a notice on stderr only", async () => {
    expect(readmeConfig().args).toContain("--mock");
    // The root README shows the same configuration.
    expect(readmeConfig("README.md")).toEqual(readmeConfig());
    const { tools } = await readOnly.client.listTools();
    expect(tools.map((t) => t.name)).toEqual(["list_operations", "describe_operation", "call_operation"]);
    expect(tools.find((t) => t.name === "call_operation")?.annotations).toMatchObject({ readOnlyHint: true });
    expect(readOnly.stderr()).toContain("from the embedded mocks");
    expect(readOnly.client.getServerVersion()?.name).toBe("workapis");
  });

  it("lists and describes operations", async () => {
    const list = await call(readOnly.client, "list_operations", { query: "project", vendor: "webwork" });
    const operations = list.content["operations"] as Content[];
    expect(operations.map((o) => o["operationId"])).toEqual(
      expect.arrayContaining(["createProject", "getProject"]),
    );
    const described = await call(readOnly.client, "describe_operation", {
      vendor: "webwork",
      operationId: "createProject",
    });
    expect(described.content).toMatchObject({ access: "write", allowed: false, method: "POST" });
    expect(described.content["inputSchema"]).toMatchObject({ type: "object", required: ["query", "body"] });
  });

  it.each(Object.entries(reads))("calls a read on %s (%s)", async (vendor, operationId) => {
    const { isError, content } = await call(readOnly.client, "call_operation", { vendor, operationId });
    expect(isError).toBe(false);
    expect(content).toMatchObject({ vendor, operationId, status: 200 });
    expect(content["data"]).toBeDefined();
  });

  it("refuses a write without --allow-writes, and performs it with it, visible in a later read", async () => {
    const create = {
      vendor: "webwork",
      operationId: "createProject",
      arguments: { query: { workspace_id: 1 }, body: { name: "Agent-made project" } },
    };
    const refused = await call(readOnly.client, "call_operation", create);
    expect(refused.isError).toBe(true);
    expect(errorOf(refused.content)).toMatchObject({ name: "WriteNotAllowedError" });

    const created = await call(writable.client, "call_operation", create);
    expect(created.isError).toBe(false);
    const project = (created.content["data"] as Content)["data"] as Content;
    expect(project["name"]).toBe("Agent-made project");
    const read = await call(writable.client, "call_operation", {
      vendor: "webwork",
      operationId: "getProject",
      arguments: { path: { projectId: project["id"] }, query: { workspace_id: 1 } },
    });
    expect(read.isError).toBe(false);
    expect(((read.content["data"] as Content)["data"] as Content)["name"]).toBe("Agent-made project");
  });

  it("answers typed errors for bad arguments and for the vendor's refusal", async () => {
    const bad = await call(readOnly.client, "call_operation", {
      vendor: "webwork",
      operationId: "getMember",
      arguments: { path: { memberId: "seven" } },
    });
    expect(bad.isError).toBe(true);
    expect(errorOf(bad.content)).toMatchObject({ name: "InvalidArgumentsError" });
    expect(errorOf(bad.content)["problems"]).toEqual(
      expect.arrayContaining([
        { at: "/path/memberId", message: "must be integer" },
        { at: "/", message: "must have required property 'query'" },
      ]),
    );
    const missing = await call(readOnly.client, "call_operation", {
      vendor: "workboard",
      operationId: "getUser",
      arguments: { path: { user_id: 999999999 } },
    });
    expect(missing.isError).toBe(true);
    expect(errorOf(missing.content)).toMatchObject({ name: "NotFoundError", status: 404 });
    expect(typeof errorOf(missing.content)["message"]).toBe("string");
  });
});

describe("workapis-mcp --tools=static", () => {
  let server: Connected;
  beforeAll(async () => {
    const { command, args } = readmeConfig();
    server = await connectStdio([
      ...binArgs(command, args),
      "--tools=static",
      "--vendors=workboard,boardcrm",
    ]);
  });
  afterAll(() => server?.close());

  it("lists one tool per read operation, named by vendor and operationId, with hints", async () => {
    const { tools } = await server.client.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(["workboard_getUser", "boardcrm_exportOffers"]));
    expect(names.every((n) => /^(workboard|boardcrm)_\w+$/.test(n))).toBe(true);
    expect(names).not.toContain("boardcrm_deleteOffer");
    const getUser = tools.find((t) => t.name === "workboard_getUser");
    expect(getUser?.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(getUser?.title).toMatch(/^WorkBoard: /);
    expect(getUser?.inputSchema).toMatchObject({ type: "object", required: ["path"] });
  });

  it("calls an operation's own tool", async () => {
    const users = await call(server.client, "workboard_listUsers", {});
    // Without parameters WorkBoard answers the caller's own user.
    const me = ((users.content["data"] as Content)["data"] as { user: Content }).user;
    const found = await call(server.client, "workboard_getUser", {
      path: { user_id: Number(me["user_id"]) },
    });
    expect(found.isError, JSON.stringify(found.content)).toBe(false);
    const missing = await call(server.client, "workboard_getUser", { path: {} });
    expect(errorOf(missing.content)["name"]).toBe("InvalidArgumentsError");
  });
});
