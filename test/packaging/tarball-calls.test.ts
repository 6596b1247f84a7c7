import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packTarballs } from "./pack-tarballs.ts";

/**
 * What a user gets from npm: the packed tarballs of the runtime and the five vendors, installed with
 * plain npm into a project outside the workspace, loaded from a `.cjs` and from a `.mjs` file, each
 * making one real call per vendor against a loopback server that records what it received, and
 * paging, following a redirect, and reading an error response and `Retry-After`, which load on first
 * use; and, first of all, a retry under a fake clock, which must not wait on loading that code.
 */
const run = promisify(execFile);
const vendors = ["workboard", "workglue", "betterworks", "webwork", "boardcrm"] as const;
type Vendor = (typeof vendors)[number];

/** The credential each vendor's spec says the client sends, as the server should see it. */
const expectedAuth: Record<Vendor, (seen: Seen) => unknown> = {
  workboard: (seen) => seen.authorization,
  workglue: (seen) => seen.authorization,
  webwork: (seen) => seen.authorization,
  betterworks: (seen) => seen.authorization,
  boardcrm: (seen) => (JSON.parse(seen.body) as { access_token?: unknown }).access_token,
};
const expectedCredential: Record<Vendor, string> = {
  workboard: "Bearer token-workboard",
  workglue: "Bearer token-workglue",
  webwork: "Bearer token-webwork",
  betterworks: "APIToken token-betterworks",
  boardcrm: "token-boardcrm",
};
const expectedPath: Record<Vendor, string> = {
  workboard: "/workboard/user/7",
  workglue: "/workglue/jobs/7",
  betterworks: "/betterworks/users/7/",
  webwork: "/webwork/members/7",
  boardcrm: "/boardcrm/api/offer/get",
};

/** What WebWork's spec says of the loopback server's `{ success, status, data: { id, vendor } }` member. */
const VALIDATION_DIVERGENCES = [
  "missing /meta",
  "missing /data/email",
  "missing /data/firstname",
  "missing /data/lastname",
  "missing /data/current_role",
  "missing /data/status",
  "extra /data/vendor",
  "extra /status",
];

interface Seen {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: string;
}

const project = mkdtempSync(join(tmpdir(), "workapis-tarball-calls-"));
const seen = new Map<string, Seen[]>();
let server: Server;
let baseUrl = "";
let busyAnswered = 0;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://loopback");
    const vendor = url.pathname.split("/")[1] ?? "";
    const body = await readBody(request);
    if (vendor === "paging") {
      // Two pages of WebWork projects, as its list answers say which page is the last.
      const page = Number(url.searchParams.get("page"));
      response.writeHead(200, { "content-type": "application/json" });
      response.end(
        JSON.stringify({
          success: true,
          data: [{ id: page * 10 + 1 }, { id: page * 10 + 2 }],
          meta: { pagination: { current_page: page, last_page: 2, per_page: 2, total: 4 } },
        }),
      );
      return;
    }
    if (vendor === "missing") {
      response.writeHead(404, { "content-type": "application/json" });
      response.end(JSON.stringify({ success: false, message: "Member 7 not found" }));
      return;
    }
    if (vendor === "busy") {
      // Busy on the first request, then the member: the client waits the 0 s the server asks for.
      busyAnswered++;
      if (busyAnswered % 2 === 1) {
        response.writeHead(503, { "retry-after": "0" });
        response.end();
        return;
      }
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ success: true, data: { id: 7, vendor: "busy" } }));
      return;
    }
    if (vendor === "moved") {
      response.writeHead(307, { location: url.pathname.replace("/moved/", "/webwork/") + url.search });
      response.end();
      return;
    }
    const list = seen.get(vendor) ?? [];
    list.push({
      method: request.method ?? "",
      path: url.pathname,
      authorization: request.headers.authorization,
      body,
    });
    seen.set(vendor, list);
    response.writeHead(200, { "content-type": "application/json" });
    // Both success flags the vendors use, and a marker the caller must get back.
    response.end(JSON.stringify({ success: true, status: true, data: { id: 7, vendor } }));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const dependencies = await packTarballs(project, ["runtime", "mock", ...vendors]);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "calls", private: true, dependencies }),
  );
  for (const file of ["calls.cjs", "calls.mjs", "call-plan.cjs"])
    copyFileSync(resolve(import.meta.dirname, "fixture", file), join(project, file));
  await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: project,
    env: { ...process.env, CI: "true" },
  });
}, 90_000);

afterAll(async () => {
  await new Promise((done) => server.close(done));
  rmSync(project, { recursive: true, force: true });
});

describe.each(["calls.cjs", "calls.mjs"])("installed tarballs, loaded from %s", (file) => {
  it("make one real call per vendor with its credential; paging, a redirect and error responses load on first use, without waiting on a fake clock", async () => {
    seen.clear();
    const { stdout } = await run("node", [file], {
      cwd: project,
      env: { ...process.env, WORKAPIS_BASE_URL: baseUrl },
    });
    const results = JSON.parse(stdout) as Record<Vendor, { data?: unknown; error?: string }> & {
      validation: unknown;
      onFirstUse: unknown;
      underFakeClock: { waits: number[]; sent: number; succeeded: boolean };
    };
    // Under a fake clock, the 503's backoff (500 ms less up to a quarter of jitter) is the one timer
    // set before the clock moves, and moving it is all the retry needs.
    const { waits, ...retry } = results.underFakeClock;
    expect(retry).toEqual({ sent: 2, succeeded: true });
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(375);
    expect(waits[0]).toBeLessThanOrEqual(500);
    // Paging, following a redirect and reading an error response load on first use, from the
    // installed package too.
    expect(results.onFirstUse).toEqual({
      ids: [11, 12, 21, 22],
      redirected: { success: true, status: true, data: { id: 7, vendor: "webwork" } },
      errorResponse: { name: "NotFoundError", message: "Member 7 not found", status: 404, typed: true },
      retried: { success: true, data: { id: 7, vendor: "busy" } },
    });
    for (const vendor of vendors) {
      expect(results[vendor], vendor).toEqual({
        data: { success: true, status: true, data: { id: 7, vendor } },
      });
      // WebWork's member is asked for twice: once directly, once at the end of the redirect (same
      // origin, so with the credential).
      const requests = seen.get(vendor) ?? [];
      expect(requests, vendor).toHaveLength(vendor === "webwork" ? 2 : 1);
      for (const request of requests) {
        expect(request.path, vendor).toBe(expectedPath[vendor]);
        expect(expectedAuth[vendor](request), vendor).toBe(expectedCredential[vendor]);
      }
    }
    // validateResponses loads the package's own validators entry, and its error is the package's class.
    expect(results.validation).toEqual({
      name: "ResponseValidationError",
      typed: true,
      divergences: VALIDATION_DIVERGENCES,
    });
  });
});
