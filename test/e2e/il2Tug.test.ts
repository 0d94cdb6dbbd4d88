// The IL-2 tug-of-war bar in solo play, in a real browser against the real server: after a short viral round starts
// (through the menu form, at 8x), the bar is on screen beside the tissue, fills with who caught the IL-2 (each group
// as text with a percentage; helpers' blue drawn in the bar), and its screen-reader sentence says the same.
// On the kiosk the same bar fills during the attract loop, in English and, after the language button, in Spanish.
// Screenshots: test-artifacts/e2e/il2tug-solo.png, il2tug-kiosk-es.png.

import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { TestBrowser } from "./browser.ts";
import { histogram } from "./pixels.ts";
import type { ServerProcess } from "./serverProcess.ts";
import { useRig } from "./testRig.ts";

let server: ServerProcess;
let tb: TestBrowser;

useRig("il2tug", { width: 1366, height: 768 }, (s, b) => {
  server = s;
  tb = b;
});

describe("the IL-2 tug-of-war in solo play", () => {
  test("the bar is on screen and shows who caught the IL-2, in words and numbers", async () => {
    const { page } = tb;
    await page.goto(server.baseUrl, { waitUntil: "load" });
    await page.click("#solo-toggle");
    await page.locator("#solo-setup").waitFor({ state: "visible" });
    await page.selectOption("#solo-scenario", "viral");
    await page.check('input[name="role"][value="treg"]');
    await page.uncheck("#solo-tutorial");
    await page.click("#solo-start");
    await page.locator("#play-ui").waitFor({ state: "visible", timeout: 30_000 });
    await page.selectOption("#hud-speed", "8");

    const tug = page.locator("#side [data-tug]");
    await tug.waitFor({ state: "visible", timeout: 30_000 });
    // IL-2 is captured within the first simulated hours: the bar fills
    await page.waitForFunction(() => {
      const bar = document.querySelector("#side [data-tug] .tug-bar");
      return bar !== null && !bar.classList.contains("empty");
    }, null, { timeout: 90_000, polling: 500 });

    const box = await tug.boundingBox();
    expect(box, "the bar has a place on the page").not.toBeNull();
    const viewport = page.viewportSize()!;
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width + 1);
    expect(box!.y + box!.height, "the whole panel is in view without scrolling").toBeLessThanOrEqual(viewport.height);

    const legend = await tug.locator(".tug-key").allTextContents();
    expect(legend.map((t) => t.replace(/[\d<%–]+/g, "").trim())).toEqual(["Helper T cells", "Killer T cells", "Tregs", "NK cells"]);
    for (const line of legend) expect(line).toMatch(/(<1|\d{1,3})%$/);
    const summary = await tug.locator(".tug-summary").textContent();
    expect(summary).toMatch(/^IL-2 tug-of-war, last \d+ hours: Helper T cells (<1|\d+)%, Killer T cells (<1|\d+)%, Tregs (<1|\d+)%, NK cells (<1|\d+)%\.$/);

    const img = await tb.shot("il2tug-solo");
    // the bar is drawn: the helpers' blue (#0072b2) fills part of it
    const barBox = (await tug.locator(".tug-bar").boundingBox())!;
    const rect = { x: Math.ceil(barBox.x) + 3, y: Math.ceil(barBox.y) + 3, width: Math.floor(barBox.width) - 6, height: Math.floor(barBox.height) - 6 };
    let blue = 0;
    for (const [key, count] of histogram(img, rect, 8)) {
      const r = key >> 16, g = (key >> 8) & 255, b = key & 255;
      if (Math.abs(r - 0x00) + Math.abs(g - 0x72) + Math.abs(b - 0xb2) <= 30) blue += count;
    }
    expect(blue, "helper-blue pixels in the bar").toBeGreaterThan(20);
  });

  test("the kiosk shows the tug-of-war of the bots' round, in English and in Spanish", async () => {
    const kiosk = await tb.newPage({ width: 1920, height: 1080 });
    const { page } = kiosk;
    await page.goto(`${server.baseUrl}/kiosk.html?idle=300`, { waitUntil: "load" });
    const tug = page.locator("#k-tug");
    await page.waitForFunction(() => {
      const bar = document.querySelector("#k-tug .tug-bar");
      return bar !== null && !bar.classList.contains("empty");
    }, null, { timeout: 90_000, polling: 500 });
    expect(await tug.locator(".tug-title").textContent()).toBe("IL-2 tug-of-war");
    expect(await tug.locator(".tug-summary").textContent()).toMatch(/^IL-2 tug-of-war now: Helper T cells (<1|\d+)%, Killer T cells (<1|\d+)%, Tregs (<1|\d+)%, NK cells (<1|\d+)%\.$/);
    await page.click("#k-lang");
    await expect.poll(() => tug.locator(".tug-title").textContent(), { timeout: 10_000 }).toBe("Tira y afloja por la IL-2");
    const names = (await tug.locator(".tug-name").allTextContents()).join(", ");
    expect(names).toBe("Linfocitos T colaboradores, Linfocitos T citotóxicos, Reguladores, Células NK");
    expect(await tug.isVisible()).toBe(true);
    await kiosk.shot("il2tug-kiosk-es");
    await kiosk.context.close();
  });
});
