import { describe, expect, it } from "vitest";
import { DEFAULT_PORT, parseMockArgs, UsageError, usage } from "./args.ts";

const vendors = ["webwork", "boardcrm"];

describe("parseMockArgs", () => {
  it("asks for help with --help or -h, whatever else is on the line", () => {
    expect(parseMockArgs(["--help"], vendors)).toEqual({ kind: "help" });
    expect(parseMockArgs(["-h"], vendors)).toEqual({ kind: "help" });
    expect(parseMockArgs(["nope", "--help"], vendors)).toEqual({ kind: "help" });
  });

  it("serves a known vendor on the default port, or the port and seed given", () => {
    expect(parseMockArgs(["webwork"], vendors)).toEqual({
      kind: "serve",
      vendor: "webwork",
      port: DEFAULT_PORT,
    });
    expect(parseMockArgs(["boardcrm", "--port", "0", "--seed", "7"], vendors)).toEqual({
      kind: "serve",
      vendor: "boardcrm",
      port: 0,
      seed: 7,
    });
  });

  it("names the known vendors when the vendor is unknown or missing", () => {
    expect(() => parseMockArgs(["nope"], vendors)).toThrow(
      new UsageError('unknown vendor "nope"; known vendors: webwork, boardcrm'),
    );
    expect(() => parseMockArgs([], vendors)).toThrow(/webwork, boardcrm/);
  });

  it("refuses unknown options, extra vendors and values that are not integers in range", () => {
    expect(() => parseMockArgs(["webwork", "--verbose"], vendors)).toThrow(UsageError);
    expect(() => parseMockArgs(["webwork", "--verbose"], vendors)).toThrow(/'--verbose'.*pnpm mock --help$/);
    expect(() => parseMockArgs(["webwork", "boardcrm"], vendors)).toThrow(/one vendor at a time/);
    expect(() => parseMockArgs(["webwork", "--port", "http"], vendors)).toThrow(/--port must be an integer/);
    expect(() => parseMockArgs(["webwork", "--port", "70000"], vendors)).toThrow(/from 0 to 65535/);
    expect(() => parseMockArgs(["webwork", "--seed", "1.5"], vendors)).toThrow(/--seed must be an integer/);
  });

  it("prints a usage that lists every vendor and option", () => {
    const text = usage(vendors);
    expect(text).toMatch(/^usage: pnpm mock <vendor>/);
    for (const word of ["webwork, boardcrm", "--port", "--seed", "--help"]) expect(text).toContain(word);
  });
});
