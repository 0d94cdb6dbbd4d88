// The debrief's contrasts in a real browser against the real server: a 2-day solo viral round at 8×, then the
// debrief shows "What if…?" computing, and the server's replay of the same tissue with one thing changed arrives:
// the change in plain words, a line of this round's numbers, charts with both lines and their tables; picking
// another contrast by keyboard shows it. Screenshots at laptop and phone sizes in test-artifacts/e2e/contrast-*.png.

import { describe, expect, test } from "vitest";
import type { TestBrowser } from "./browser.ts";
import type { ServerProcess } from "./serverProcess.ts";
import { useRig } from "./testRig.ts";

const NAME = "contrast";
let server: ServerProcess;
let tb: TestBrowser;

useRig(NAME, { width: 1366, height: 768 }, (s, b) => {
  server = s;
  tb = b;
});

describe("contrasts in the debrief", () => {
  test("a 2-day solo round ends in a debrief that computes and shows what the same tissue would have done", async () => {
    const { page } = tb;
    await page.goto(server.baseUrl, { waitUntil: "load" });
    await page.waitForFunction(() => (window as unknown as { cytokine?: unknown }).cytokine !== undefined, null, { timeout: 30_000 });
    await page.click("#solo-toggle");
    await page.locator("#solo-setup").waitFor({ state: "visible" });
    await page.selectOption("#solo-scenario", "viral");
    await page.check('input[name="role"][value="nk"]'); // bots command the helpers (they gather them) and the Tregs
    await page.selectOption("#solo-days", "2"); // the shortest round the menu offers
    await page.uncheck("#solo-tutorial");
    await page.click("#solo-start");
    await page.locator("#play-ui").waitFor({ state: "visible", timeout: 30_000 });
    await page.selectOption('select[aria-label="Game speed"]', "8");

    // The debrief, with its contrasts section computing (or already done on a fast machine).
    const section = page.locator("#debrief-contrasts");
    await section.waitFor({ state: "visible", timeout: 150_000 });
    await expect(section.getByRole("heading", { name: /What if/ }).count()).resolves.toBe(1);
    const first = await section.locator(".contrast-status").textContent();
    expect(first).toMatch(/Computing|ready/);
    await section.scrollIntoViewIfNeeded();
    await tb.shot(`${NAME}-0-computing`);

    // Each contrast arrives: the status says all are ready, the picker offers them, the first is shown.
    await expect.poll(() => section.locator(".contrast-status").textContent(), { timeout: 150_000, interval: 1000 }).toMatch(/^All \d contrasts? ready\./);
    const labels = await section.locator(".contrast-picker button").allTextContents();
    expect(labels).toEqual(expect.arrayContaining(["Without Tregs", "Helpers scattered"]));
    await expect(section.locator(".contrast-change").textContent()).resolves.toMatch(/no Tregs: the \d+ Tregs were taken out before the round started/);
    await expect(section.locator(".contrast-summary").textContent()).resolves.toMatch(/^Without Tregs: .*\d.* instead of .*\d/);
    const charts = section.locator("canvas.chart");
    expect(await charts.count()).toBeGreaterThanOrEqual(2);
    await expect(charts.first().getAttribute("aria-label")).resolves.toMatch(/Your round from .* Without Tregs from/);
    await expect(section.locator("table").first().locator("th").allTextContents()).resolves.toEqual(expect.arrayContaining(["Your round", "Without Tregs"]));
    await section.scrollIntoViewIfNeeded();
    await tb.shot(`${NAME}-1-laptop`);

    // Another contrast, by keyboard.
    const scattered = section.locator(".contrast-picker button", { hasText: "Helpers scattered" });
    await scattered.focus();
    await page.keyboard.press("Enter");
    await expect(scattered.getAttribute("aria-pressed")).resolves.toBe("true");
    await expect(section.locator(".contrast-change").textContent()).resolves.toContain("scattered instead of gathering");
    await expect(section.locator(".contrast-summary").textContent()).resolves.toMatch(/^Helpers scattered: /);

    await page.setViewportSize({ width: 390, height: 844 });
    await section.locator(".contrast-summary").scrollIntoViewIfNeeded();
    await tb.shot(`${NAME}-2-phone`);
    expect(tb.errors).toEqual([]);
    expect(tb.blocked).toEqual([]);
  });
});
