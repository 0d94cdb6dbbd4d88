// Zoom, the microscope and keyboard picking in a real browser against the real server (viral, solo, paused so cells
// hold still): the wheel and + zoom, a click when zoomed sends the squad to the voxel under the pointer, 0 returns to
// the whole tissue; M opens the microscope on the cell under the keyboard cursor wholly inside the window at
// 1366 × 768 and on a 375 × 667 touch phone (below the top bar), Escape closes it; Space and A pick several cells;
// on the phone two fingers pinch-zoom without commanding, and one finger still sends a squad to the voxel tapped.
// Screenshots in test-artifacts/e2e/view-*.png.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { ARTIFACTS_DIR, launchBrowser, type TestBrowser } from "./browser.ts";
import { ensureClientBuilt, startServerProcess, type ServerProcess } from "./serverProcess.ts";
import { startSoloRound } from "./testRig.ts";

const NAME = "view";
const LAPTOP = { width: 1366, height: 768 };
const UI = { timeout: 20_000, interval: 200 };
let server: ServerProcess;
let tb: TestBrowser;

beforeAll(async () => {
  ensureClientBuilt();
  server = await startServerProcess();
  tb = await launchBrowser(LAPTOP);
});

afterAll(async () => {
  await tb?.close();
  if (server) writeFileSync(join(ARTIFACTS_DIR, `${NAME}-server.log`), `${server.output()}\n${server.exited() ? `exited early: ${server.exited()}` : ""}\n`);
  await server?.stop();
});

const HOOKS = `
  window.__e2e = { session: null, sent: [], picked: [] };
  window.cytokine.bus.on("round-start", (s) => { window.__e2e.session = s; });
  window.cytokine.bus.on("command-sent", (p) => { window.__e2e.sent.push(p); });
  window.cytokine.bus.on("cells-selected", (ids) => { window.__e2e.picked = ids; });
`;

/** The play camera's zoom (screen px per voxel) and the voxel under a screen point. */
const camera = (page: Page, at?: { x: number; y: number }) => page.evaluate(async (p) => {
  // Two frames, so the camera's matrix has been rebuilt since the last zoom.
  for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(() => r(null)));
  const cam = (window as any).game.scene.getScene("Play").cameras.main;
  const w = p ? cam.getWorldPoint(p.x, p.y) : null;
  return { zoom: cam.zoom as number, world: w ? { x: w.x as number, y: w.y as number } : null };
}, at);

/** The middle of the tissue on the page (the camera's viewport is the tissue's area), wherever the bars put it. */
const tissueMiddle = (page: Page) => page.evaluate(() => {
  const game = (window as any).game;
  const cam = game.scene.getScene("Play").cameras.main;
  const r = (game.canvas as HTMLCanvasElement).getBoundingClientRect();
  const sx = r.width / game.scale.width, sy = r.height / game.scale.height;
  return { x: Math.round(r.left + (cam.x + cam.width / 2) * sx), y: Math.round(r.top + (cam.y + cam.height / 2) * sy), height: cam.height * sy };
});

const picked = (page: Page): Promise<number[]> => page.evaluate(() => (window as any).__e2e.picked);
const cursor = (page: Page): Promise<{ x: number; y: number } | null> =>
  page.evaluate(() => (window as any).game.scene.getScene("Play").input2.cursorAt());

/** The microscope's box, whether it is inside the window below the top bar, and whether it holds focus. */
const microscope = (page: Page) => page.evaluate(() => {
  const m = document.querySelector<HTMLElement>(".panel.inspect")!;
  const r = m.getBoundingClientRect();
  const bar = document.getElementById("hud")!.getBoundingClientRect().bottom;
  return {
    shown: !m.hidden && r.width > 0,
    inside: r.left >= 0 && r.top >= bar - 0.5 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5,
    box: `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)} in ${innerWidth}×${innerHeight}, bar ends ${Math.round(bar)}`,
    focused: m.contains(document.activeElement),
    text: m.textContent ?? "",
  };
});

/** Moves the keyboard cursor with arrow keys until it is within one step of (x, y) voxels (Shift: five steps). */
async function cursorTo(page: Page, x: number, y: number): Promise<void> {
  for (let round = 0; round < 6; round++) {
    let c = await cursor(page);
    if (!c) { await page.keyboard.press("ArrowRight"); c = await cursor(page); }
    if (!c) continue;
    const dx = x - c.x, dy = y - c.y;
    if (Math.abs(dx) <= 1 && Math.abs(dy) <= 1) return;
    for (const [d, plus, minus] of [[dx, "ArrowRight", "ArrowLeft"], [dy, "ArrowDown", "ArrowUp"]] as const) {
      const steps = Math.round(d / 2), key = steps > 0 ? plus : minus, n = Math.abs(steps);
      for (let i = 0; i < Math.floor(n / 5); i++) await page.keyboard.press(`Shift+${key}`);
      for (let i = 0; i < n % 5; i++) await page.keyboard.press(key);
    }
  }
  throw new Error("the cursor did not reach its target");
}

/** The player's own immune cells now (voxels). */
const ownCells = (page: Page): Promise<{ id: number; x: number; y: number }[]> => page.evaluate(() => {
  const scene = (window as any).game.scene.getScene("Play");
  const mine: number[] = (window as any).__e2e.session.mySquads();
  return [...scene.cells.points(scene.time.now)].filter((c: any) => mine.includes(c.squad) && c.type <= 4)
    .map((c: any) => ({ id: c.id, x: c.x, y: c.y }));
});

/** Starts a solo viral round without the tutorial, pauses it and waits until the player's cells are drawn. */
async function startPausedRound(page: Page): Promise<void> {
  await startSoloRound(page, server.baseUrl, HOOKS);
  await expect.poll(() => page.evaluate(() => (window as any).__e2e.session?.room?.state?.outcome ?? ""), { timeout: 30_000 }).toBe("ongoing");
  await page.evaluate(() => (window as any).__e2e.session.control({ action: "pause" }));
  await expect.poll(() => page.evaluate(() => (window as any).__e2e.session.room.state.paused), UI).toBe(true);
  await expect.poll(async () => (await ownCells(page)).length, UI).toBeGreaterThan(3);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

describe("zoom, the microscope and keyboard picking", () => {
  test("a solo round starts and is paused, so the cells hold still", async () => {
    await startPausedRound(tb.page);
  });

  test("the wheel zooms about the pointer, + zooms further, a click sends to the voxel under it, 0 shows the whole tissue", async () => {
    const { page } = tb;
    const whole = (await camera(page)).zoom;
    const at = { x: 300, y: 300 };
    const before = (await camera(page, at)).world!;
    await page.mouse.move(at.x, at.y);
    await page.mouse.wheel(0, -300);
    await expect.poll(async () => (await camera(page)).zoom, UI).toBeGreaterThan(whole * 1.5);
    const after = (await camera(page, at)).world!;
    expect(Math.abs(after.x - before.x), "the voxel under the pointer stays under it").toBeLessThan(0.5);
    expect(Math.abs(after.y - before.y)).toBeLessThan(0.5);

    const wheeled = (await camera(page)).zoom;
    await page.keyboard.press("=");
    await expect.poll(async () => (await camera(page)).zoom, UI).toBeGreaterThan(wheeled * 1.1);
    expect((await camera(page)).zoom).toBeLessThanOrEqual(whole * 6 + 1e-6);
    await expect(page.locator(".zoom-level").textContent()).resolves.toMatch(/×$/);
    await tb.shot(`${NAME}-1366-zoomed`);

    // Commands still land on the voxel under the pointer: pick squad 1 and click.
    await page.keyboard.press("1");
    const target = { x: 420, y: 360 };
    const voxel = (await camera(page, target)).world!;
    await page.mouse.click(target.x, target.y);
    const sent = await page.evaluate(() => (window as any).__e2e.sent.at(-1));
    expect(sent.kind).toBe("target");
    expect(Math.abs(sent.x - voxel.x)).toBeLessThanOrEqual(0.2);
    expect(Math.abs(sent.y - voxel.y)).toBeLessThanOrEqual(0.2);

    await page.keyboard.press("0");
    await expect.poll(async () => (await camera(page)).zoom, UI).toBeCloseTo(whole, 6);
    await page.keyboard.press("-");
    expect((await camera(page)).zoom, "no zooming out past the whole tissue").toBeCloseTo(whole, 6);
    // The button does the same as 0.
    await page.keyboard.press("=");
    await expect.poll(async () => (await camera(page)).zoom, UI).toBeGreaterThan(whole * 1.1);
    await page.getByRole("button", { name: /Whole tissue/ }).click();
    await expect.poll(async () => (await camera(page)).zoom, UI).toBeCloseTo(whole, 6);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("Escape");
  });

  test("Space picks cells one by one under the keyboard cursor, and A picks all of yours in view", async () => {
    const { page } = tb;
    await page.keyboard.press("Escape");
    const mine = await ownCells(page);
    const a = mine[0]!;
    const b = mine.find((c) => Math.hypot(c.x - a.x, c.y - a.y) > 8) ?? mine.at(-1)!;
    await cursorTo(page, a.x, a.y);
    await page.keyboard.press("Space");
    await expect.poll(() => picked(page), UI).toHaveLength(1);
    await cursorTo(page, b.x, b.y);
    await page.keyboard.press("Space");
    await expect.poll(async () => (await picked(page)).length, UI).toBe(2);
    // Space again on the same cell unpicks it.
    await page.keyboard.press("Space");
    await expect.poll(async () => (await picked(page)).length, UI).toBe(1);
    // Enter sends the picked cells to the cursor.
    await page.keyboard.press("Enter");
    const sent = await page.evaluate(() => (window as any).__e2e.sent.at(-1));
    expect(sent.kind).toBe("targetCells");
    expect(sent.cellIds).toHaveLength(1);

    await page.keyboard.press("Escape");
    await page.keyboard.press("a");
    await expect.poll(async () => (await picked(page)).length, UI).toBeGreaterThan(1);
    expect((await picked(page)).length).toBeLessThanOrEqual(mine.length + 10); // own cells only (a few may have divided)
    await page.keyboard.press("Escape");
  });

  test("at 1366 × 768, M opens the microscope on the cell under the cursor, beside it and wholly in the window; Escape closes it", async () => {
    const { page } = tb;
    const mine = await ownCells(page);
    const c = mine[Math.floor(mine.length / 2)]!;
    await cursorTo(page, c.x, c.y);
    await page.keyboard.press("=");
    await page.keyboard.press("=");
    await page.keyboard.press("m");
    await expect.poll(async () => (await microscope(page)).shown, UI).toBe(true);
    await expect.poll(async () => (await microscope(page)).text, UI).toContain("CD25");
    const m = await microscope(page);
    expect(m.inside, m.box).toBe(true);
    expect(m.focused, "focus moves into the microscope").toBe(true);
    await tb.shot(`${NAME}-1366-microscope`);
    await page.keyboard.press("Escape");
    await expect.poll(async () => (await microscope(page)).shown, UI).toBe(false);
    expect((await microscope(page)).focused).toBe(false);
  });

  test("on a 375 × 667 touch phone: two fingers pinch-zoom (and send nothing), one finger still sends, M opens the microscope as a sheet in the window", async () => {
    // A phone of its own: touch events on, the same fences (only 127.0.0.1).
    const context = await tb.browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 1, hasTouch: true, serviceWorkers: "block" });
    await context.route("**/*", (route) => (new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort("blockedbyclient")));
    try {
      const page = await context.newPage();
      await startPausedRound(page);
      const whole = (await camera(page)).zoom;
      await page.keyboard.press("1");
      const sentBefore = await page.evaluate(() => (window as any).__e2e.sent.length);
      // Two fingers 60 px apart spread to 180 px around the tissue's middle: 3× closer.
      const cdp = await context.newCDPSession(page);
      const middle = await tissueMiddle(page);
      const cx = middle.x, cy = middle.y;
      const fingers = (d: number) => [{ x: cx - d / 2, y: cy, id: 1 }, { x: cx + d / 2, y: cy, id: 2 }];
      await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: fingers(60) });
      for (const d of [90, 120, 150, 180]) await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: fingers(d) });
      await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
      await expect.poll(async () => (await camera(page)).zoom / whole, UI).toBeCloseTo(3, 1);
      expect(await page.evaluate(() => (window as any).__e2e.sent.length), "a pinch sends no command").toBe(sentBefore);
      writeFileSync(join(ARTIFACTS_DIR, `${NAME}-375-pinched.png`), await page.screenshot({ type: "png" }));
      // One finger taps: the squad is sent to the voxel under it.
      const tapAt = { x: middle.x - 37, y: Math.round(middle.y - middle.height / 8) }; // above the middle: the view buttons sit at the bottom
      const voxel = (await camera(page, tapAt)).world!;
      await page.touchscreen.tap(tapAt.x, tapAt.y);
      await expect.poll(() => page.evaluate(() => (window as any).__e2e.sent.length), UI).toBe(sentBefore + 1);
      const sent = await page.evaluate(() => (window as any).__e2e.sent.at(-1));
      expect(sent.kind).toBe("target");
      expect(Math.abs(sent.x - voxel.x)).toBeLessThanOrEqual(0.2);
      expect(Math.abs(sent.y - voxel.y)).toBeLessThanOrEqual(0.2);

      const c = (await ownCells(page))[0]!;
      await cursorTo(page, c.x, c.y);
      await page.keyboard.press("m");
      await expect.poll(async () => (await microscope(page)).shown, UI).toBe(true);
      await expect.poll(async () => (await microscope(page)).text, UI).toContain("CD25");
      await expect.poll(async () => (await microscope(page)).inside, UI).toBe(true);
      const m = await microscope(page);
      expect(m.inside, m.box).toBe(true);
      writeFileSync(join(ARTIFACTS_DIR, `${NAME}-375-microscope.png`), await page.screenshot({ type: "png" }));
      await page.keyboard.press("Escape");
      await expect.poll(async () => (await microscope(page)).shown, UI).toBe(false);
    } finally {
      await context.close();
    }
    expect(tb.errors.filter((e) => !/WebGL|GPU|favicon/i.test(e))).toEqual([]);
  });
});
