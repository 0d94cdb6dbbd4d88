// `npm run bench -- --only client`: the tissue's frame rate in headless Chromium with software WebGL (SwiftShader, what
// a school machine without a usable GPU falls back to) at 1366x768, against the menu scene's in the same run (the
// machine may be shared, so the ratio is the figure to compare). Starts the real server on a free 127.0.0.1 port,
// loads the page (summing the gzip sizes of everything it loads), measures the menu, then starts a solo viral round
// with bots through the menu form and counts frames with requestAnimationFrame timestamps in the page for 20 s.
// Bounded in time; loopback only (browser.ts fences every request).

import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { launchBrowser } from "../e2e/browser.ts";
import { ensureClientBuilt, startServerProcess } from "../e2e/serverProcess.ts";

const VIEWPORT = { width: 1366, height: 768 };
const MENU_SECONDS = 8;
const PLAY_SECONDS = 20;
/** Seconds of the round before measuring: the first patches, the first field frames, the tissue baked. */
const SETTLE_SECONDS = 4;
const FULL_SECONDS = 10;

interface FrameSample { frames: number; seconds: number; p95: number }

/** Frames drawn in the page over `seconds`, from requestAnimationFrame timestamps (not Phaser's own estimate). */
async function measureFrames(page: Page, seconds: number): Promise<FrameSample> {
  return page.evaluate((ms) => new Promise<FrameSample>((resolve) => {
    const stamps: number[] = [];
    const tick = (t: number) => {
      stamps.push(t);
      if (t - stamps[0] < ms) requestAnimationFrame(tick);
      else {
        const gaps = stamps.slice(1).map((s, i) => s - stamps[i]).sort((a, b) => a - b);
        const p95 = gaps.length ? gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.95))] : ms;
        resolve({ frames: gaps.length, seconds: (stamps[stamps.length - 1] - stamps[0]) / 1000, p95 });
      }
    };
    requestAnimationFrame(tick);
  }), seconds * 1000);
}

export async function benchClient(log: (line: string) => void): Promise<{ fps: number; menuFps: number }> {
  ensureClientBuilt(log);
  const server = await startServerProcess();
  const tb = await launchBrowser(VIEWPORT);
  try {
    const { page } = tb;
    let gzipBytes = 0;
    const pending: Promise<void>[] = [];
    page.on("response", (res) => {
      pending.push(res.body().then((b) => { gzipBytes += gzipSync(b).length; }, () => {}));
    });
    const t0 = Date.now();
    await page.goto(server.baseUrl, { waitUntil: "load", timeout: 60_000 });
    await page.waitForFunction(() => {
      const w = window as unknown as { cytokine?: { game: { scene: { isActive(k: string): boolean } } } };
      return w.cytokine?.game.scene.isActive("Menu") === true;
    }, null, { timeout: 60_000 });
    const menuMs = Date.now() - t0;
    const menu = await measureFrames(page, MENU_SECONDS);
    const menuFps = menu.frames / menu.seconds;
    log(`client fps menu baseline: ${menuFps.toFixed(1)}`);

    await page.click("#solo-toggle");
    await page.locator("#solo-setup").waitFor({ state: "visible" });
    await page.selectOption("#solo-scenario", "viral");
    await page.selectOption("#solo-days", "full");
    await page.uncheck("#solo-tutorial");
    const t1 = Date.now();
    await page.click("#solo-start");
    await page.waitForFunction(() => {
      const w = window as unknown as { cytokine: { game: any } };
      const play = w.cytokine.game.scene.getScene("Play");
      return w.cytokine.game.scene.isActive("Play") && play?.built === true && (play.cells?.count ?? 0) > 100;
    }, null, { timeout: 60_000, polling: 100 });
    const roundMs = Date.now() - t1;
    const playableMs = menuMs + roundMs;
    await page.waitForTimeout(SETTLE_SECONDS * 1000);

    const play = await measureFrames(page, PLAY_SECONDS);
    const shown = await page.evaluate(() => {
      const w = window as unknown as { cytokine: { game: any } };
      const scene = w.cytokine.game.scene.getScene("Play");
      return {
        cells: scene?.cells?.count ?? 0, objects: scene?.children?.list?.length ?? 0, outcome: scene?.session?.state?.outcome ?? "?",
        reduced: scene?.cells?.stats?.reduced ?? false,
      };
    });
    const fps = play.frames / play.seconds;
    await Promise.all(pending);
    log(`client fps: ${fps.toFixed(1)} (${shown.cells} cells shown, ${shown.objects} display objects, round ${shown.outcome}, effects ${shown.reduced ? "reduced" : "full"})`);
    log(`client fps ratio to menu: ${(fps / menuFps).toFixed(2)}`);
    log(`client frame ms p95: ${play.p95.toFixed(1)}`);
    log(`page KB gzip: ${(gzipBytes / 1024).toFixed(0)}`);
    log(`first playable ms: ${playableMs} (menu shown after ${menuMs} ms, round drawn ${roundMs} ms after Start)`);
    // Reduced effects turned on by themselves: the same round with full effects again, for comparison.
    if (shown.reduced) {
      await page.evaluate(() => (document.querySelector("#hud-effects") as HTMLButtonElement | null)?.click());
      await page.waitForTimeout(2000);
      const full = await measureFrames(page, FULL_SECONDS);
      log(`client fps full effects: ${(full.frames / full.seconds).toFixed(1)} (frame ms p95 ${full.p95.toFixed(1)})`);
    }
    return { fps, menuFps };
  } finally {
    await tb.close();
    await server.stop();
  }
}
