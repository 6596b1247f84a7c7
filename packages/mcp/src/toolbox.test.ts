import { describe, expect, it } from "vitest";
import { McpOptionError } from "./options.ts";
import { createToolbox } from "./toolbox.ts";
import { VENDOR_NAMES } from "./vendors.ts";

const noCredentials = {};
type Content = Record<string, unknown>;
const errorOf = (content: Content) => content["error"] as Record<string, unknown>;

describe("createToolbox (dynamic mode, on the mocks)", () => {
  const toolbox = createToolbox({ env: noCredentials, maxItems: 3 });

  it("serves every vendor from the mocks when no credential is set, and says so", () => {
    expect(toolbox.backends.served).toEqual([...VENDOR_NAMES]);
    expect(toolbox.backends.mocked).toEqual([...VENDOR_NAMES]);
    expect(toolbox.notice).toMatch(
      /No vendor credential is set \(WORKBOARD_TOKEN, .*BOARDCRM_TOKEN\).*mocks/,
    );
    expect(toolbox.tools.map((t) => t.name)).toEqual([
      "list_operations",
      "describe_operation",
      "call_operation",
    ]);
    expect(toolbox.tools.find((t) => t.name === "call_operation")?.annotations).toMatchObject({
      readOnlyHint: true,
      destructiveHint: false,
    });
  });

  it("lists operations with read/write, allowed and evidence, filtered by words and access", async () => {
    const answer = await toolbox.call("list_operations", {
      vendor: "boardcrm",
      query: "offer",
      access: "read",
    });
    expect(answer.isError).toBe(false);
    const operations = answer.structuredContent["operations"] as Content[];
    expect(operations.length).toBeGreaterThan(0);
    for (const o of operations) {
      expect(o).toMatchObject({ vendor: "boardcrm", access: "read", allowed: true });
      expect(String(o["path"])).toContain("offer");
    }
    // BoardCRM reads are POSTs the spec marks retry-safe.
    expect(operations.map((o) => o["method"])).toContain("POST");
    const writes = await toolbox.call("list_operations", { vendor: "workboard", access: "write" });
    const listed = writes.structuredContent["operations"] as Content[];
    expect(listed.every((o) => o["allowed"] === false && o["method"] !== "GET")).toBe(true);
    const inferred = await toolbox.call("list_operations", { vendor: "webwork", limit: 500 });
    expect((inferred.structuredContent["operations"] as Content[]).map((o) => o["evidence"])).toContain(
      "inferred",
    );
  });

  it("describes an operation with its input schema and evidence", async () => {
    const answer = await toolbox.call("describe_operation", { vendor: "workboard", operationId: "getUser" });
    expect(answer.isError).toBe(false);
    expect(answer.structuredContent).toMatchObject({ method: "GET", access: "read", destructive: false });
    expect(String(answer.structuredContent["source"])).toMatch(/^https:\/\//);
    expect(answer.structuredContent["inputSchema"]).toMatchObject({ type: "object", required: ["path"] });
  });

  it("calls a read and caps a list at maxItems, asking the vendor for no bigger a page", async () => {
    const answer = await toolbox.call("call_operation", {
      vendor: "webwork",
      operationId: "listProjects",
      arguments: { query: { workspace_id: 1, per_page: 50 } },
    });
    expect(answer.isError).toBe(false);
    expect(answer.structuredContent["page"]).toMatchObject({ received: 3, returned: 3, maxItems: 3 });
  });

  it("refuses a write without --allow-writes, before anything is sent", async () => {
    const answer = await toolbox.call("call_operation", {
      vendor: "webwork",
      operationId: "deleteProject",
      arguments: { path: { projectId: 1 }, query: { workspace_id: 1 } },
    });
    expect(answer.isError).toBe(true);
    expect(errorOf(answer.structuredContent)).toMatchObject({ name: "WriteNotAllowedError" });
    expect(String(errorOf(answer.structuredContent)["message"])).toContain("--allow-writes");
  });

  it("answers arguments that do not fit the schema with each problem", async () => {
    const answer = await toolbox.call("call_operation", {
      vendor: "workboard",
      operationId: "getUser",
      arguments: { path: {}, query: { nope: 1 } },
    });
    expect(answer.isError).toBe(true);
    const error = errorOf(answer.structuredContent);
    expect(error["name"]).toBe("InvalidArgumentsError");
    expect(error["problems"]).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ at: "/path" }),
        expect.objectContaining({ at: "/query", message: 'unknown property "nope"' }),
      ]),
    );
    const own = await toolbox.call("call_operation", { vendor: "acme", operationId: "x" });
    expect(errorOf(own.structuredContent)["name"]).toBe("InvalidArgumentsError");
    const unknown = await toolbox.call("describe_operation", { vendor: "workboard", operationId: "nope" });
    expect(errorOf(unknown.structuredContent)["name"]).toBe("UnknownOperationError");
  });

  it("answers a vendor error as the client's typed error", async () => {
    const answer = await toolbox.call("call_operation", {
      vendor: "workboard",
      operationId: "getUser",
      arguments: { path: { user_id: 999999999 } },
    });
    expect(answer.isError).toBe(true);
    expect(errorOf(answer.structuredContent)).toMatchObject({ name: "NotFoundError", status: 404 });
  });
});

describe("writes", () => {
  it("are allowed per vendor with allowWrites, and later reads see them", async () => {
    const toolbox = createToolbox({ env: noCredentials, allowWrites: ["webwork"] });
    const refused = await toolbox.call("call_operation", {
      vendor: "workboard",
      operationId: "removeMetricTags",
      arguments: { path: { metric_id: 1 }, body: {} },
    });
    expect(errorOf(refused.structuredContent)["name"]).toBe("WriteNotAllowedError");
    const call = (operationId: string, args: unknown) =>
      toolbox.call("call_operation", { vendor: "webwork", operationId, arguments: args });
    const list = await call("listProjects", { query: { workspace_id: 1, per_page: 5 } });
    expect(list.isError).toBe(false);
    const first = ((list.structuredContent["data"] as Content)["data"] as Content[])[0];
    const projectId = Number(first?.["id"]);
    const target = { path: { projectId }, query: { workspace_id: 1 } };
    expect((await call("getProject", target)).isError).toBe(false);
    expect((await call("deleteProject", target)).isError).toBe(false);
    const gone = await call("getProject", target);
    expect(errorOf(gone.structuredContent)).toMatchObject({ name: "NotFoundError", status: 404 });
  });
});

describe("static mode", () => {
  it("offers one tool per allowed operation, with hints, filtered by vendor and tag", () => {
    const readOnly = createToolbox({ env: noCredentials, tools: "static", vendors: ["workboard"] });
    expect(readOnly.tools.length).toBeGreaterThan(10);
    expect(readOnly.tools.every((t) => t.name.startsWith("workboard_") && t.annotations.readOnlyHint)).toBe(
      true,
    );
    const all = createToolbox({
      env: noCredentials,
      tools: "static",
      vendors: ["workboard"],
      allowWrites: true,
    });
    const remove = all.tools.find((t) => t.name === "workboard_removeMetricTags");
    expect(remove?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(all.tools.length).toBeGreaterThan(readOnly.tools.length);
    const tagged = createToolbox({
      env: noCredentials,
      tools: "static",
      vendors: ["workboard"],
      tags: ["Users"],
    });
    expect(tagged.tools.length).toBeGreaterThan(0);
    expect(tagged.tools.length).toBeLessThan(readOnly.tools.length);
  });
});

describe("options", () => {
  it("fail at creation naming the option", () => {
    const bad = (options: Parameters<typeof createToolbox>[0]) => () =>
      createToolbox({ env: {}, ...options });
    expect(bad({ maxItems: 0 })).toThrow(McpOptionError);
    expect(bad({ maxItems: 0 })).toThrow(/^maxItems:/);
    expect(bad({ vendors: ["acme" as "workboard"] })).toThrow(/^vendors: unknown vendor "acme"/);
    expect(bad({ allowWrites: ["acme" as "workboard"] })).toThrow(/^allowWrites:/);
    expect(bad({ tools: "all" as "static" })).toThrow(/^tools:/);
    expect(bad({ tags: ["Users"] })).toThrow(/^tags:/);
  });

  it("serve only the vendors with a credential, never echoing it", () => {
    const secret = "wb-secret-token-123";
    const toolbox = createToolbox({ env: { WORKBOARD_TOKEN: secret } });
    expect(toolbox.backends.served).toEqual(["workboard"]);
    expect(toolbox.backends.mocked).toEqual([]);
    expect(toolbox.notice).toContain("BOARDCRM_TOKEN");
    expect(toolbox.notice).not.toContain(secret);
    expect(toolbox.backends.scrub(`token ${secret}`)).toBe("token [redacted]");
  });

  it("--mock wins over credentials", () => {
    const toolbox = createToolbox({ env: { WORKBOARD_TOKEN: "wb-secret-token-123" }, mock: true });
    expect(toolbox.backends.mocked).toEqual([...VENDOR_NAMES]);
  });
});
