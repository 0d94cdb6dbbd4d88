// Solo practice end to end in a real browser against the real server: start a short viral round through the menu
// form, see the cells and the IL-2 heatmap drawn (pixels), command a squad with its button and a click on the
// tissue and watch it go there (synced positions), speed up through the HUD and reach the debrief. Screenshots of
// each step in test-artifacts/e2e/solo-*.png.

import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { viridis } from "../../client/src/play/colourMap.ts";
import { launchBrowser, type TestBrowser } from "./browser.ts";
import { histogram, type Rect } from "./pixels.ts";
import type { Rgba } from "./png.ts";
import { ensureClientBuilt, startServerProcess, type ServerProcess } from "./serverProcess.ts";

let server: ServerProcess;
let tb: TestBrowser;

beforeAll(async () => {
  ensureClientBuilt();
  server = await startServerProcess();
  // Software WebGL is fill-rate bound: a smaller page draws several times more frames (still wide enough for the
  // side panel, see client/src/play/layout.ts).
  tb = await launchBrowser({ width: 960, height: 640 });
});

afterAll(async () => {
  await tb?.close();
  await server?.stop();
});

/** What the page exposes for tests: main.ts puts { game, bus } on window.cytokine; the test keeps the session. */
const HOOKS = `
  window.__e2e = { session: null, lastFrameSeq: -1 };
  window.cytokine.bus.on("round-start", (s) => {
    window.__e2e.session = s;
    // The newest field frame the server sent (header bytes 2..5), to tell a slow page from a silent server.
    s.room.onMessage("field", (p) => {
      const b = p instanceof Uint8Array ? p : new Uint8Array(p);
      if (b.length >= 6) window.__e2e.lastFrameSeq = new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(2, true);
    });
  });
`;

interface Snapshot {
  tick: number;
  day: number;
  outcome: string;
  cells: number;
  fieldLevels: number; // distinct level bytes in the client's IL-2 mirror
  fieldSeq: number; // the last frame applied to it
  sentSeq: number; // the last frame the server sent
  squad: { n: number; x: number; y: number; commanded: number }; // squad 1 centroid, voxels
  fit: { x: number; y: number; width: number; height: number; scale: number } | null;
}

/** The synced state as the page sees it: room state through the session, the tissue's place from the play scene. */
async function snapshot(page: Page, squad = 1): Promise<Snapshot> {
  return page.evaluate((squadNo) => {
    const w = window as unknown as { __e2e: { session: any; lastFrameSeq: number }; game: any };
    const s = w.__e2e.session;
    const st = s.room.state;
    let n = 0, sx = 0, sy = 0, commanded = 0;
    st.cells.forEach((c: { squad: number; x: number; y: number; status: number }) => {
      if (c.squad !== squadNo) return;
      n++;
      sx += c.x / 4;
      sy += c.y / 4;
      if (c.status & 16) commanded++;
    });
    const levels = new Set<number>(s.field.levels);
    const play = w.game.scene.getScene("Play");
    return {
      tick: st.tick, day: st.day, outcome: st.outcome, cells: st.cells.size, fieldLevels: levels.size,
      fieldSeq: s.field.seq, sentSeq: w.__e2e.lastFrameSeq,
      squad: { n, x: n ? sx / n : 0, y: n ? sy / n : 0, commanded },
      fit: play?.fitNow ? { ...play.fitNow } : null,
    };
  }, squad);
}

/** Distinct viridis shades (of 16 bands) covering at least `minPixels` pixels each: the heatmap really drawn. */
function heatmapBands(img: Rgba, rect: Rect, minPixels = 40): number {
  const bands = Array.from({ length: 64 }, (_, i) => viridis(i / 63));
  const counts = new Array<number>(16).fill(0);
  for (const [key, count] of histogram(img, rect, 8)) {
    const r = key >> 16, g = (key >> 8) & 255, b = key & 255;
    let best = -1, bestD = 28; // sum of channel differences: close to the map, not merely near it
    bands.forEach(([vr, vg, vb], i) => {
      const d = Math.abs(r - vr) + Math.abs(g - vg) + Math.abs(b - vb);
      if (d < bestD) { bestD = d; best = i; }
    });
    if (best >= 0) counts[best >> 2] += count;
  }
  return counts.filter((c) => c >= minPixels).length;
}

/** The sprites' main fills (assets/sprites/*.svg) found with at least `minPixels` pixels each. */
const SPRITE_FILLS: Record<string, number> = {
  "helper T cell": 0x0072b2, "killer T cell": 0xd55e00, "Treg": 0x009e73, "NK cell": 0x8f4f74, "tissue": 0x6b7682, "infected": 0xe69f00,
};
function spritesSeen(img: Rgba, rect: Rect, minPixels = 15): string[] {
  const hist = histogram(img, rect, 8);
  return Object.entries(SPRITE_FILLS).filter(([, rgb]) => {
    let n = 0;
    for (const [key, count] of hist) {
      const d = Math.abs((key >> 16) - (rgb >> 16)) + Math.abs(((key >> 8) & 255) - ((rgb >> 8) & 255)) + Math.abs((key & 255) - (rgb & 255));
      if (d <= 24) n += count;
    }
    return n >= minPixels;
  }).map(([name]) => name);
}

/** Polls of the page: one evaluation can take seconds while software WebGL draws a heavy frame. */
const UI = { timeout: 20_000, interval: 500 };

const tissueRect = (fit: NonNullable<Snapshot["fit"]>): Rect => ({ x: Math.ceil(fit.x), y: Math.ceil(fit.y), width: Math.floor(fit.width), height: Math.floor(fit.height) });

describe("solo practice in a real browser", () => {
  // One round, step by step: each test goes on from where the previous one left the page.
  let first: Snapshot;
  let rect: Rect;

  test("starts a short viral round through the solo practice form", async () => {
    const { page } = tb;
    await page.goto(server.baseUrl, { waitUntil: "load" });
    await page.waitForFunction(() => (window as unknown as { cytokine?: unknown }).cytokine !== undefined, null, { timeout: 30_000 });
    await page.evaluate(HOOKS);

    // The solo form: viral scenario, effector role (helper and killer squads), the shortest round, no tutorial.
    await page.click("#solo-toggle");
    await page.locator("#solo-setup").waitFor({ state: "visible" });
    await page.selectOption("#solo-scenario", "viral");
    await page.check('input[name="role"][value="effector"]');
    const shortest = await page.$$eval("#solo-days option", (os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== "full").sort((a, b) => Number(a) - Number(b))[0]);
    expect(shortest, "the form offers a short practice round").toBeDefined();
    await page.selectOption("#solo-days", shortest!);
    await page.uncheck("#solo-tutorial");
    await tb.shot("solo-1-setup");
    await page.click("#solo-start");

    // The round is on: HUD visible, cells synced, the play scene laid out.
    await page.locator("#play-ui").waitFor({ state: "visible", timeout: 30_000 });
    await page.waitForFunction(() => {
      const w = window as unknown as { __e2e: { session: any }; game: any };
      return (w.__e2e.session?.room.state.cells.size ?? 0) > 100 && w.game.scene.getScene("Play")?.fitNow !== undefined;
    }, null, { timeout: 30_000 });
    first = await snapshot(page);
    expect(first.outcome).toBe("ongoing");
    expect(first.squad.n, "the effector has helper T cells in squad 1").toBeGreaterThan(0);
    expect(first.fit).not.toBeNull();
    rect = tissueRect(first.fit!);
  });

  test("draws the cells: several sprite colours over the tissue", async () => {
    // Give the software renderer a few frames to draw the cells, then look at the pixels.
    await tb.page.waitForTimeout(1500);
    const playing = await tb.shot("solo-2-playing");
    const seen = spritesSeen(playing, rect);
    expect(seen, `sprite colours seen: ${seen.join(", ")}`).toEqual(expect.arrayContaining(["helper T cell", "tissue"]));
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });

  test("draws the IL-2 heatmap once IL-2 reaches the page: several viridis shades", async () => {
    const { page } = tb;
    // IL-2 spreads from the first activated helpers (within the first simulated hours). The page's copy of the field
    // must follow the server's frames and hold many levels; then the heatmap must show several shades.
    let last: Snapshot | null = null;
    await expect.poll(async () => {
      last = await snapshot(page);
      if (last.outcome !== "ongoing") throw new Error(`the round ended (${last.outcome}) before IL-2 reached the page's field`);
      return last.fieldLevels;
    }, { timeout: 60_000, interval: 1000, message: "IL-2 levels in the page's field (session.field)" }).toBeGreaterThan(12);
    const lag = last!.sentSeq - last!.fieldSeq;
    expect(lag, `the page applied field frame ${last!.fieldSeq} while the server had sent ${last!.sentSeq}`).toBeLessThan(25);
    await page.waitForTimeout(1500);
    const heat = await tb.shot("solo-3-il2");
    const bands = heatmapBands(heat, rect);
    expect(bands, "distinct viridis bands drawn over the tissue").toBeGreaterThanOrEqual(3);
  });

  test("a squad picked with its button and sent with a click on the tissue goes there", async () => {
    const { page } = tb;
    await page.locator("#side .squad-btn").first().click();
    await expect.poll(() => page.locator("#side .squad-btn").first().getAttribute("aria-pressed"), UI).toBe("true");
    const before = await snapshot(page);
    expect(before.outcome, "the round is still on").toBe("ongoing");
    const fit = before.fit!;
    const gridW = fit.width / fit.scale, gridH = fit.height / fit.scale;
    // Far from where the squad stands: the opposite quarter of the tissue.
    const target = { x: before.squad.x < gridW / 2 ? gridW * 0.8 : gridW * 0.2, y: before.squad.y < gridH / 2 ? gridH * 0.75 : gridH * 0.25 };
    const distBefore = Math.hypot(before.squad.x - target.x, before.squad.y - target.y);
    await page.mouse.click(fit.x + target.x * fit.scale, fit.y + target.y * fit.scale);
    await expect.poll(async () => (await snapshot(page)).squad.commanded, { timeout: 20_000, interval: 500, message: "squad 1 cells marked as commanded" }).toBeGreaterThan(0);
    // The squad closes in on the target: its centroid covers a quarter of the way (positions as synced to the page).
    await expect.poll(async () => {
      const now = await snapshot(page);
      return Math.hypot(now.squad.x - target.x, now.squad.y - target.y) / distBefore;
    }, { timeout: 60_000, interval: 1000, message: "squad 1 moving towards the clicked point" }).toBeLessThan(0.75);
    await tb.shot("solo-4-commanded");
  });

  test("speeding up through the HUD brings the round to its debrief", async () => {
    const { page } = tb;
    await page.selectOption('select[aria-label="Game speed"]', "8");
    await expect.poll(() => page.evaluate(() => (window as unknown as { __e2e: { session: any } }).__e2e.session.room.state.speed), UI).toBe(8);
    // A one-day round at 8× lasts about 9 s of server time; the page may be slow to show it.
    await page.locator("#debrief").waitFor({ state: "visible", timeout: 120_000 });
    await expect.poll(() => page.locator("#debrief-title").textContent(), UI).not.toBe("");
    const end = await snapshot(page);
    expect(end.outcome).not.toBe("ongoing");
    await page.waitForTimeout(500);
    await tb.shot("solo-5-debrief");
  });

  test("the page reached nothing outside 127.0.0.1 and raised no errors", () => {
    expect(tb.blocked, "requests outside 127.0.0.1").toEqual([]);
    expect(tb.errors.filter((e) => !/favicon/.test(e)), "page errors").toEqual([]);
  });
});
