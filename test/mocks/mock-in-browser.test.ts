import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { serveStatic } from "../../tools/docs/static-server.ts";
import { launchChromium } from "../support/launch-chromium.ts";

/**
 * The mocks run in a browser: a page bundled for platform=browser (no Node built-in may sneak in)
 * creates a WebWork mock and answers requests in headless Chromium.
 */
describe("mocks in a browser", () => {
  it("bundle for the browser and answer requests in Chromium", async () => {
    const result = await build({
      stdin: {
        contents: `
          import { createWebWorkMock } from "@workapis/webwork/msw";
          import { createWebWorkClient } from "@workapis/webwork";
          window.runMock = async () => {
            const mock = createWebWorkMock();
            const client = createWebWorkClient({
              token: "t",
              rateLimit: false,
              fetch: mock.fetch,
            });
            const workspaces = await client.GET("/workspaces");
            const missing = await client.GET("/members", { params: { query: {} } });
            return { ok: workspaces.data?.success, status: missing.error?.status };
          };
        `,
        resolveDir: import.meta.dirname,
        loader: "ts",
      },
      bundle: true,
      write: false,
      format: "iife",
      platform: "browser",
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((i) => i.startsWith("node:"))).toEqual([]);
    const browser = await launchChromium();
    // A real http origin (msw reads localStorage, which about:blank denies), served from a folder
    // removed afterwards.
    const dir = mkdtempSync(join(tmpdir(), "workapis-mock-page-"));
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      writeFileSync(join(dir, "bundle.js"), result.outputFiles[0]?.text ?? "");
      writeFileSync(
        join(dir, "index.html"),
        '<!doctype html><title>mock</title><script src="bundle.js"></script>',
      );
      const { url, server } = await serveStatic(dir);
      await page.goto(`${url}/index.html`);
      server.close();
      expect(errors).toEqual([]);
      const outcome = await page.evaluate(() =>
        (window as unknown as { runMock: () => Promise<unknown> }).runMock(),
      );
      expect(outcome).toEqual({ ok: true, status: 400 });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
