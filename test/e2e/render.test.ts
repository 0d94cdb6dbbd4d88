// The tissue's drawing in a real browser (software WebGL): a viral round's ~3,000 tissue cells are baked onto a canvas
// under the game's (client/src/play/TissueBake.ts), the moving cells drawn on a second one (CellCanvas.ts), so the
// game's scene holds a few dozen display objects, not one per cell; the heatmap and the tissue are painted; a picked
// squad gets outlines per cluster; reduced effects are switched from the keyboard. Screenshot: test-artifacts/e2e/render-*.png.

import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, type TestBrowser } from "./browser.ts";
import { ensureClientBuilt, startServerProcess, type ServerProcess } from "./serverProcess.ts";

let server: ServerProcess;
let tb: TestBrowser;

beforeAll(async () => {
  ensureClientBuilt();
  server = await startServerProcess();
  tb = await launchBrowser({ width: 1366, height: 768 });
});

afterAll(async () => {
  await tb?.close();
  await server?.stop();
});

interface Drawn {
  cells: number; objects: number; baked: number; sprites: number; clusters: number; reduced: boolean; repaints: number;
  bake: { width: number; height: number; cssWidth: number; alphaMid: number } | null;
}

async function drawn(): Promise<Drawn> {
  return tb.page.evaluate(() => {
    const w = window as unknown as { cytokine: { game: any } };
    const play = w.cytokine.game.scene.getScene("Play");
    const el = document.querySelector<HTMLCanvasElement>("canvas.tissue-bake");
    let bake = null;
    if (el) {
      const px = el.getContext("2d")!.getImageData(el.width >> 1, el.height >> 1, 1, 1).data;
      bake = { width: el.width, height: el.height, cssWidth: el.getBoundingClientRect().width, alphaMid: px[3] };
    }
    return { cells: play.cells.count, objects: play.children.list.length, ...play.cells.stats, bake };
  });
}

describe("the tissue drawn in a real browser", () => {
  test("a viral round: the tissue baked under the game, the scene far below one object per cell", async () => {
    const { page } = tb;
    await page.goto(server.baseUrl, { waitUntil: "load" });
    await page.waitForFunction(() => (window as unknown as { cytokine?: { game: any } }).cytokine?.game.scene.isActive("Menu") === true, null, { timeout: 60_000 });
    await page.click("#solo-toggle");
    await page.selectOption("#solo-scenario", "viral");
    await page.selectOption("#solo-days", "full");
    await page.uncheck("#solo-tutorial");
    await page.click("#solo-start");
    await page.waitForFunction(() => {
      const play = (window as unknown as { cytokine: { game: any } }).cytokine.game.scene.getScene("Play");
      return play?.built === true && play.cells.stats.baked > 1000;
    }, null, { timeout: 60_000, polling: 500 });

    const d = await drawn();
    expect(d.cells).toBeGreaterThan(2000);
    // Thousands of cells, a few dozen game objects (vessel effects, outlines, labels, the frame).
    expect(d.objects).toBeLessThan(d.cells / 10);
    expect(d.baked + d.sprites).toBeGreaterThanOrEqual(d.cells * 0.9);
    expect(d.baked).toBeGreaterThan(d.sprites);
    // The bake was painted (the heatmap fills it: opaque in the middle) and sits over the grid on screen.
    expect(d.repaints).toBeGreaterThan(0);
    expect(d.bake).not.toBeNull();
    expect(d.bake!.alphaMid).toBe(255);
    expect(d.bake!.cssWidth).toBeGreaterThan(400);
    await tb.shot("render-1-round");
  });

  test("a picked squad is outlined per cluster, never more outlines than cells", async () => {
    const { page } = tb;
    await page.keyboard.press("1");
    await page.waitForFunction(() => {
      const play = (window as unknown as { cytokine: { game: any } }).cytokine.game.scene.getScene("Play");
      return play.cells.stats.clusters > 0;
    }, null, { timeout: 30_000, polling: 500 });
    const squad = await page.evaluate(() => {
      const s = (window as unknown as { cytokine: { game: any } }).cytokine.game.scene.getScene("Play").session;
      let n = 0;
      s.room.state.cells.forEach((c: { squad: number }) => { if (c.squad === 1) n++; });
      return n;
    });
    const d = await drawn();
    expect(d.clusters).toBeGreaterThan(0);
    expect(d.clusters).toBeLessThanOrEqual(squad);
    await tb.shot("render-2-picked");
  });

  test("reduced effects are switched from the keyboard, and switched back", async () => {
    const { page } = tb;
    const before = (await drawn()).reduced;
    const button = page.locator("#hud-effects");
    await button.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction((was) => {
      const play = (window as unknown as { cytokine: { game: any } }).cytokine.game.scene.getScene("Play");
      return play.cells.stats.reduced === !was;
    }, before, { timeout: 20_000, polling: 250 });
    expect(await button.textContent()).toMatch(before ? /full/ : /reduced/);
    expect(await page.evaluate(() => localStorage.getItem("cytokine-command:effects"))).toBe(before ? "full" : "reduced");
    await page.keyboard.press("Space");
    await page.waitForFunction((was) => {
      const play = (window as unknown as { cytokine: { game: any } }).cytokine.game.scene.getScene("Play");
      return play.cells.stats.reduced === was;
    }, before, { timeout: 20_000, polling: 250 });
    await tb.shot("render-3-effects");
  });
});
