import { describe, expect, it } from "vitest";
import { parseCliArguments } from "./cli-arguments.ts";
import { McpOptionError } from "./options.ts";

describe("parseCliArguments", () => {
  it("reads every flag into the server's options", () => {
    expect(parseCliArguments([])).toEqual({ action: "serve", options: {}, http: false, port: 3333 });
    const command = parseCliArguments([
      "--mock",
      "--allow-writes=workboard, boardcrm",
      "--tools=static",
      "--vendors=workboard,boardcrm",
      "--tags=Users",
      "--max-items=20",
      "--http",
      "--port=0",
    ]);
    expect(command).toEqual({
      action: "serve",
      options: {
        mock: true,
        allowWrites: ["workboard", "boardcrm"],
        tools: "static",
        vendors: ["workboard", "boardcrm"],
        tags: ["Users"],
        maxItems: 20,
      },
      http: true,
      port: 0,
    });
    expect(parseCliArguments(["--allow-writes"]).options).toEqual({ allowWrites: true });
    expect(parseCliArguments(["--help"]).action).toBe("help");
  });

  it("names the flag of an unknown flag or a bad value", () => {
    expect(() => parseCliArguments(["--allow-write"])).toThrow(McpOptionError);
    expect(() => parseCliArguments(["--allow-write"])).toThrow(/^--allow-write:/);
    expect(() => parseCliArguments(["--max-items=lots"])).toThrow(/^--max-items:/);
    expect(() => parseCliArguments(["--port=-1"])).toThrow(/^--port:/);
  });
});
