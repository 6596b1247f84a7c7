import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { resolve } from "node:path";
import { type Browser, errors as playwrightErrors } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic } from "../../tools/docs/static-server.ts";
import { repoRoot, SpecModel, vendors } from "../conformance/spec-model.ts";
import { launchChromium } from "../support/launch-chromium.ts";

/**
 * The rendered docs in headless Chromium (see ../support/launch-chromium.ts): every vendor page loads
 * from 127.0.0.1 alone with no console error, lists every operation, search finds one, and a
 * screenshot lands in test-output/docs/.
 */
const shots = resolve(repoRoot, "test-output/docs");
let browser: Browser;
let server: Server;
let base = "";

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  ({ url: base, server } = await serveStatic(resolve(repoRoot, "site")));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => server?.close(ok));
});

describe("site/index.html", () => {
  it("lists every vendor with its package and links to its page", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/index.html`);
    for (const { vendor } of vendors()) {
      await expect(page.locator(`a[href="./${vendor}/index.html"]`).count()).resolves.toBe(1);
      await expect(page.getByText(`npm install @workapis/${vendor}`).count()).resolves.toBe(1);
    }
    await page.close();
  });

  it("is a front door: counts and documented share per vendor, guides that open, nothing from outside", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    const outside: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (r) => {
      if (new URL(r.url()).hostname !== "127.0.0.1") outside.push(r.url());
    });
    await page.goto(`${base}/index.html`, { waitUntil: "networkidle" });
    for (const { vendor, spec } of vendors()) {
      const model = new SpecModel(spec);
      const row = page.locator(`tr[data-vendor="${vendor}"]`);
      await expect(row.locator("td.ops").textContent()).resolves.toBe(String(model.operations().length));
      await expect(row.locator("td.share").textContent()).resolves.toMatch(
        /\d+ documented \(\d+ %(; \d+ with parts assumed)?\), \d+ inferred/,
      );
      await expect(row.locator(`a[href="./${vendor}/evidence.html"]`).count()).resolves.toBe(1);
    }
    await page.screenshot({ path: resolve(shots, "front-door.png"), fullPage: true });
    for (const guide of [
      "Quickstart",
      "Testing with mocks",
      "Pagination",
      "Errors",
      "Webhooks",
      "OAuth 2.0",
    ]) {
      await page.getByRole("link", { name: guide, exact: true }).first().click();
      await expect(page.locator("h1").first().textContent()).resolves.toBe(guide);
      await page.goBack();
    }
    await page.locator('a[href="./workglue/evidence.html"]').click();
    await expect(page.locator("h1").textContent()).resolves.toContain("what is documented, what is assumed");
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});

for (const { vendor, spec } of vendors()) {
  describe(`docs for ${vendor}`, () => {
    it("render offline with every operation in the menu, working search and no console error", async () => {
      const model = new SpecModel(spec);
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const errors: string[] = [];
      const outside: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("request", (r) => {
        const url = new URL(r.url());
        const local = url.protocol === "data:" || url.protocol === "blob:" || url.hostname === "127.0.0.1";
        if (!local) outside.push(r.url());
      });
      await page.goto(`${base}/${vendor}/index.html`, { waitUntil: "networkidle" });
      await page.waitForSelector("ul[data-component-name]", { state: "attached", timeout: 30_000 });
      // Every operation is in the side menu, under its tag (opened one by one).
      const menu = page.locator("ul[data-component-name]").first();
      const shown = async () => (await page.locator("ul[data-component-name]").allTextContents()).join("\n");
      const summaries = model.operations().map((o) => String(o.operation["summary"]));
      let menuText = "";
      for (const tag of (model.doc["tags"] as { name: string }[] | undefined) ?? []) {
        const listed = model
          .operations()
          .filter((o) => (o.operation["tags"] as string[] | undefined)?.includes(tag.name))
          .map((o) => String(o.operation["summary"]));
        // A tag name can also head the webhooks group or a section of the description: open every
        // entry with that name.
        for (const entry of await menu.getByText(tag.name, { exact: true }).all()) {
          await entry.click();
          menuText += await shown();
        }
        // Redoc lists a group's operations some time after the click: read the menu until those not
        // seen yet are there (or 10 s have passed, and the assertion below names what is missing).
        const missing = listed.filter((summary) => !menuText.includes(summary));
        const until = Date.now() + 10_000;
        let text = menuText;
        while (!missing.every((summary) => text.includes(summary)) && Date.now() < until) {
          await page.waitForTimeout(50);
          text = await shown();
        }
        menuText += text;
      }
      expect(summaries.filter((summary) => !menuText.includes(summary))).toEqual([]);
      // Search (Ctrl+K) finds an operation by its summary.
      // The shortest summary: whole words the search index has, and short enough to show unclipped.
      const wanted = [...summaries].sort((a, b) => a.length - b.length)[0] ?? "";
      const occurrences = () =>
        // biome-ignore lint/performance/useDomNodeTextContent: only rendered (visible) text counts as a search result
        page.evaluate((text) => document.body.innerText.split(text).length - 1, wanted);
      const before = await occurrences();
      const input = page.locator('input[placeholder^="Search"]');
      // Opens the search box (Ctrl+K, or a click on it) and types the term. The menu clicks above
      // can still be scrolling the page, which closes the box or renders it anew while it is being
      // typed into; and now and then Redoc's search worker answers with nothing: so a box found
      // closed, gone mid-typing, or showing nothing after 3 s, is opened and typed into again.
      let typedAt = 0;
      const type = async () => {
        try {
          if (!(await input.isVisible())) {
            await page.locator("body").click({ position: { x: 600, y: 5 }, timeout: 3_000 });
            await page.keyboard.press("Control+k");
          }
          if (!(await input.isVisible()))
            await page.getByText("Search", { exact: false }).first().click({ timeout: 3_000 });
          await input.fill("", { timeout: 3_000 });
          await input.fill(wanted, { timeout: 3_000 });
          typedAt = Date.now();
        } catch (error) {
          if (!(error instanceof playwrightErrors.TimeoutError)) throw error;
          typedAt = 0; // typed into nothing: the next poll types again
        }
      };
      await type();
      const found = async () => {
        const count = await occurrences();
        if (count <= before && (!(await input.isVisible()) || Date.now() - typedAt > 3_000)) await type();
        return count;
      };
      await expect.poll(found, { timeout: 40_000 }).toBeGreaterThan(before);
      await page.keyboard.press("Escape");
      await page.screenshot({ path: resolve(shots, `${vendor}.png`) });
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  });
}
