import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  bundledLibraryDir,
  chromiumExecutable,
  lacksSharedLibraries,
  launchChromium,
  packagedChromiumDir,
} from "./launch-chromium.ts";

describe("launchChromium", () => {
  it("starts the browser shipped in the npm package when CHROMIUM_PATH is not set", async () => {
    const browser = await launchChromium({});
    try {
      const page = await browser.newPage();
      await page.setContent("<main><h1>rendered</h1></main>");
      await expect(page.locator("h1").textContent()).resolves.toBe("rendered");
      expect(browser.version()).toMatch(/^\d+\./);
    } finally {
      await browser.close();
    }
    await expect(chromiumExecutable({})).resolves.toBe(`${packagedChromiumDir}/chromium`);
  });

  it("runs on the shared libraries shipped with it, for a machine that lacks them", async () => {
    const browser = await launchChromium({}, { bundledLibraries: true });
    try {
      const page = await browser.newPage();
      await page.setContent("<p>bundled</p>");
      await expect(page.locator("p").textContent()).resolves.toBe("bundled");
    } finally {
      await browser.close();
    }
    expect(existsSync(join(bundledLibraryDir, "libnss3.so"))).toBe(true);
    // A file ldd cannot read is not reported as lacking libraries: the launch reports it instead.
    expect(lacksSharedLibraries("/nonexistent/chromium-for-test")).toBe(false);
  });

  it("uses CHROMIUM_PATH when it is set", async () => {
    const missing = "/nonexistent/chromium-for-test";
    await expect(chromiumExecutable({ CHROMIUM_PATH: missing })).resolves.toBe(missing);
    await expect(launchChromium({ CHROMIUM_PATH: missing })).rejects.toThrow(missing);
  });
});
