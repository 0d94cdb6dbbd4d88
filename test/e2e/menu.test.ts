// The browser harness on the main menu: the real server serves the built client, the page finds the server,
// Phaser draws in WebGL (the menu's cell colours appear in the pixels), and nothing leaves 127.0.0.1.

import { describe, expect, test } from "vitest";
import type { TestBrowser } from "./browser.ts";
import { hueSat, shareWhere, wholeImage } from "./pixels.ts";
import type { ServerProcess } from "./serverProcess.ts";
import { useRig } from "./testRig.ts";

const NAME = "menu";
let server: ServerProcess;
let tb: TestBrowser;

useRig(NAME, undefined, (s, b) => {
  server = s;
  tb = b;
});

describe("main menu in a real browser", () => {
  test("loads from the game server, reports it running and draws the WebGL backdrop", async () => {
    const { page } = tb;
    await page.goto(server.baseUrl, { waitUntil: "load" });
    await expect.poll(() => page.locator("#status").textContent(), { timeout: 20_000 }).toMatch(/game server is running/);
    await expect.poll(() => page.evaluate(() => {
      const game = (window as unknown as { game?: { isBooted: boolean; renderer?: { type: number }; scene: { isActive(k: string): boolean } } }).game;
      // Phaser loads after the HTML menu (client/src/game.ts), so wait for the menu scene itself, past its loading bar.
      return game?.isBooted === true && game.renderer?.type === 2 && game.scene.isActive("Menu"); // Phaser.WEBGL
    }), { timeout: 20_000 }).toBe(true);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))); // drawn

    // The backdrop's helper cell (Okabe-Ito blue, 0x0072b2) must show up in the screenshot: WebGL really drew.
    const img = await tb.shot("menu");
    const blue = shareWhere(img, wholeImage(img), (r, g, b) => {
      const { hue, sat, value } = hueSat(r, g, b);
      return hue > 190 && hue < 215 && sat > 0.6 && value > 0.45;
    });
    expect(blue).toBeGreaterThan(0.0005);
    expect(tb.blocked).toEqual([]);
  });
});

describe("the network fence", () => {
  test("a request outside 127.0.0.1 is aborted and recorded", async () => {
    const before = tb.blocked.length;
    // From a blank page: the game's own pages forbid such a request by their Content-Security-Policy before it
    // leaves the browser (test/e2e/csp.test.ts), and this test is about the harness's fence.
    await tb.page.goto("about:blank");
    // 198.51.100.1 is a documentation address (TEST-NET-2): nothing answers there even if the fence failed.
    const outcome = await tb.page.evaluate(() => fetch("http://198.51.100.1/probe").then(() => "reached", () => "failed"));
    expect(outcome).toBe("failed");
    expect(tb.blocked.slice(before)).toEqual(["http://198.51.100.1/probe"]);
    tb.blocked.length = before;
  });
});
