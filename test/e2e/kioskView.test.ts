// The kiosk's zoom in a real browser against the real server, on a touch screen: a visitor's two fingers spread on the
// tissue zoom it in (the page itself does not zoom), a big "Whole tissue" button then shows over the tissue's corner,
// and a tap on it brings back the whole tissue (and the button goes). Screenshots in
// test-artifacts/e2e/kiosk-view-*.png.

import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import type { FencedPage, TestBrowser } from "./browser.ts";
import type { ServerProcess } from "./serverProcess.ts";
import { useRig } from "./testRig.ts";

const VIEW = { width: 1280, height: 720 };
const UI = { timeout: 30_000, interval: 250 };
/**
 * The kiosk with generous wall-clock bounds (config.ts): a connection attempt may take 60 s, not 8 (on a loaded machine
 * the visitor's room, made at the touch behind the standby in the server's paced creation queue, took 4.5-6.3 s of
 * the 8 at half a core; past the bound the kiosk gives the round up and goes back to attract), and a round is idle
 * after 10 minutes, not 40 s. What these tests look at is the view, not those bounds (kiosk.test.ts tests them).
 */
const KIOSK_PAGE = "kiosk.html?attempt=60&idle=600";
/** A round starts from a touch within this (the room is made and joined, the play scene built in software WebGL). */
const ROUND_STARTS_MS = 90_000;
let server: ServerProcess;
let kiosk: FencedPage;
let browser: TestBrowser;

useRig("kiosk-view", VIEW, async (s, tb: TestBrowser) => {
  server = s;
  browser = tb;
  kiosk = await tb.newPage(VIEW, { touch: true });
});

/** The play camera's zoom over the fitted whole tissue (1: the whole tissue). */
const zoom = (page: Page) => page.evaluate(() => {
  const scene = (window as any).kiosk.game.scene.getScene("Play");
  return scene.cameras.main.zoom / scene.fitNow.scale as number;
});

describe("zooming the kiosk's tissue", () => {
  test("a touch starts a visitor's round at the whole tissue, with no Whole tissue button yet", async () => {
    const p = kiosk.page;
    await p.goto(`${server.baseUrl}/${KIOSK_PAGE}`, { waitUntil: "load" });
    await p.waitForFunction(() => (window as any).kiosk?.mode() === "attract" && (window as any).kiosk.sessions().watch, null, { timeout: 60_000 });
    await p.touchscreen.tap(300, 300);
    await p.waitForFunction(() => (window as any).kiosk.mode() === "round", null, { timeout: ROUND_STARTS_MS });
    await expect.poll(() => zoom(p), UI).toBeCloseTo(1, 3);
    await expect(p.locator("#k-whole").isVisible()).resolves.toBe(false);
  }, 240_000);

  test("two fingers spread zoom the tissue in; Whole tissue shows, and a tap on it returns to the whole tissue", async () => {
    const p = kiosk.page;
    const cdp = await kiosk.context.newCDPSession(p);
    const box = await p.evaluate(() => {
      const cam = (window as any).kiosk.game.scene.getScene("Play").cameras.main;
      return { x: Math.round(cam.x + cam.width / 2), y: Math.round(cam.y + cam.height / 2) };
    });
    const fingers = (d: number) => [{ x: box.x - d, y: box.y, id: 0 }, { x: box.x + d, y: box.y, id: 1 }];
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: fingers(40) });
    for (const d of [70, 100, 130, 160]) await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: fingers(d) });
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await expect.poll(() => zoom(p), UI).toBeGreaterThan(2);
    expect(await p.evaluate(() => visualViewport?.scale ?? 1), "the page itself is not zoomed").toBe(1);
    const whole = p.locator("#k-whole");
    await expect.poll(() => whole.isVisible(), UI).toBe(true);
    // A big touch target, inside the window, and nothing covers it.
    const hit = await whole.evaluate((b) => {
      const r = b.getBoundingClientRect();
      const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { w: r.width, h: r.height, inside: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight, onTop: !!at && b.contains(at), text: b.textContent };
    });
    expect(hit.inside && hit.onTop, JSON.stringify(hit)).toBe(true);
    expect(hit.h).toBeGreaterThanOrEqual(64);
    expect(hit.text).toContain("Whole tissue");
    await kiosk.shot("kiosk-view-zoomed");
    await whole.tap();
    await expect.poll(() => zoom(p), UI).toBeCloseTo(1, 3);
    await expect.poll(() => whole.isVisible(), UI).toBe(false);
    expect(await p.evaluate(() => (window as any).kiosk.mode()), "the round goes on").toBe("round");
    await kiosk.shot("kiosk-view-whole");
    expect(kiosk.errors).toEqual([]);
    expect(kiosk.blocked).toEqual([]);
  }, 240_000);

  test("a gallery's portrait screen (1080×1920): the tissue spans the width above the controls, which sit below it", async () => {
    const tall = await browser.newPage({ width: 1080, height: 1920 }, { touch: true });
    const p = tall.page;
    await p.goto(`${server.baseUrl}/${KIOSK_PAGE}`, { waitUntil: "load" });
    await p.waitForFunction(() => (window as any).kiosk?.mode() === "attract" && (window as any).kiosk.sessions().watch, null, { timeout: 60_000 });
    await p.touchscreen.tap(540, 700);
    await p.waitForFunction(() => (window as any).kiosk.mode() === "round", null, { timeout: ROUND_STARTS_MS });
    const fitNow = () => p.evaluate(() => (window as any).kiosk.game.scene.getScene("Play").fitNow as { x: number; y: number; width: number; height: number });
    // The play scene lays the tissue out once it has met the page's size (a moment after the round starts on a slow machine).
    await expect.poll(async () => (await fitNow()).width, UI).toBeGreaterThan(0.95 * 1080);
    const fit = await fitNow();
    const side = await p.locator("#k-side").boundingBox();
    expect(side).not.toBeNull();
    expect(side!.width).toBeGreaterThan(0.95 * 1080); // across the bottom, not a column at the right
    expect(fit.y + fit.height).toBeLessThanOrEqual(side!.y);
    await tall.shot("kiosk-view-portrait");
    expect(tall.errors).toEqual([]);
    await tall.context.close();
  }, 240_000);
});
