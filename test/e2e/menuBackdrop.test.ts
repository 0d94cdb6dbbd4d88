// The menu's living picture (a helper T cell releasing IL-2, a Treg, a killer T cell and an NK cell catching it:
// the page's image text says the Treg catches the most) is not hidden behind the menu panel. On a laptop it lies to
// the right of the panel; on a tablet held upright (768x1024), where the panel covers the middle of the screen, it
// lies in the band below the panel, inside the screen. Positions are the Menu scene's own (client/src/scenes/MenuScene.ts).

import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import type { TestBrowser } from "./browser.ts";
import type { ServerProcess } from "./serverProcess.ts";
import { openPage, useRig } from "./testRig.ts";

let server: ServerProcess;
let tb: TestBrowser;

useRig("menu-backdrop", { width: 768, height: 1024 }, (s, b) => {
  server = s;
  tb = b;
});

interface Laid { menu: { right: number; bottom: number }; cells: { x: number; y: number; half: number }[] }

/** The menu panel's box and each backdrop cell's centre and half size, once the Menu scene runs. */
async function laidOut(page: Page): Promise<Laid> {
  await page.waitForFunction(() => (window as unknown as { game?: { scene: { isActive(k: string): boolean } } }).game?.scene.isActive("Menu") === true, null, { timeout: 30_000 });
  return page.evaluate(() => {
    const scene = (window as unknown as { game: { scene: { getScene(k: string): any } } }).game.scene.getScene("Menu");
    const images = [scene.cd4, ...scene.catchers.map((c: { home: { x: number; y: number }; image: unknown }) => ({ ...c.home, displayWidth: scene.cd4.displayWidth }))];
    const r = document.getElementById("menu")!.getBoundingClientRect();
    // catchers wobble 12 px about their home
    return { menu: { right: r.right, bottom: r.bottom }, cells: images.map((i: { x: number; y: number; displayWidth: number }, k: number) => ({ x: i.x, y: i.y, half: i.displayWidth / 2 + (k === 0 ? 0 : 12) })) };
  });
}

describe("the menu's backdrop", () => {
  test("on an upright tablet (768x1024) every cell lies below the menu panel, inside the screen", async () => {
    const { page } = tb;
    await openPage(page, server.baseUrl, { timeoutMs: 60_000 });
    const laid = await laidOut(page);
    await tb.shot("menu-backdrop-768x1024");
    expect(laid.cells).toHaveLength(4);
    for (const c of laid.cells) {
      expect(c.y - c.half, `a cell at (${Math.round(c.x)}, ${Math.round(c.y)}) clears the panel's bottom at ${Math.round(laid.menu.bottom)}`).toBeGreaterThanOrEqual(laid.menu.bottom);
      expect(c.y + c.half).toBeLessThanOrEqual(1024);
      expect(c.x - c.half).toBeGreaterThanOrEqual(0);
      expect(c.x + c.half).toBeLessThanOrEqual(768);
    }
  });

  test("on a laptop (1366x768) every cell lies right of the menu panel", async () => {
    const { page } = tb;
    await page.setViewportSize({ width: 1366, height: 768 });
    await openPage(page, server.baseUrl, { timeoutMs: 60_000 });
    const laid = await laidOut(page);
    for (const c of laid.cells) expect(c.x - c.half).toBeGreaterThanOrEqual(laid.menu.right);
  });
});
