// Solo practice end to end in a real browser against the real server: start a short viral round through the menu
// form, see the cells and the IL-2 heatmap drawn (pixels), command a squad with its button and a click on the
// tissue and watch it go there (synced positions), speed up through the HUD and reach the debrief. Screenshots of
// each step in test-artifacts/e2e/solo-*.png.

import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { viridis } from "../../client/src/play/colourMap.ts";
import type { TestBrowser } from "./browser.ts";
import { histogram, type Rect } from "./pixels.ts";
import type { Rgba } from "./png.ts";
import type { ServerProcess } from "./serverProcess.ts";
import { useRig } from "./testRig.ts";

const NAME = "solo";
let server: ServerProcess;
let tb: TestBrowser;

useRig(NAME, { width: 960, height: 640 }, async (s, b) => {
  server = s;
  tb = b;
  // Software WebGL is fill-rate bound: a smaller page draws several times more frames (still wide enough for the
  // side panel, see client/src/play/layout.ts).
});

/** What the page exposes for tests: main.ts puts { game, bus } on window.cytokine; the test keeps the session. */
const HOOKS = `
  window.__e2e = { session: null, lastFrameSeq: -1 };
  window.cytokine.bus.on("round-start", (s) => {
    window.__e2e.session = s;
    window.__e2e.lastFrameSeq = -1;
    // The newest field frame the server sent (header bytes 2..5), to tell a slow page from a silent server.
    s.room.onMessage("field", (p) => {
      const b = p instanceof Uint8Array ? p : new Uint8Array(p);
      if (b.length >= 6) window.__e2e.lastFrameSeq = new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(2, true);
    });
  });
`;

interface Snapshot {
  roomId: string;
  round: number; // counts restarts in the room
  paused: boolean;
  il2MeanPm: number; // the HUD figure synced in the state (not the page's field copy)
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
      roomId: s.room.roomId, round: st.round, paused: st.paused, il2MeanPm: st.hud?.il2MeanPm ?? 0,
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

/**
 * Calls `probe` every `intervalMs` until it returns a value other than undefined; fails after `timeoutMs` saying
 * `what`. Unlike expect.poll, the probe can decide to stop early (return null, for instance, when the round ended).
 */
async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 1000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Waits until the page shows a running round with cells and a laid-out play scene, other than `previous` if given. */
async function roundOn(page: Page, previous?: Snapshot): Promise<Snapshot> {
  await page.waitForFunction((old) => {
    const w = window as unknown as { __e2e: { session: any }; game: any };
    const room = w.__e2e.session?.room;
    if (!room || (old && room.roomId === old.roomId && room.state.round === old.round)) return false;
    return room.state.outcome === "ongoing" && room.state.cells.size > 100 && w.game.scene.isActive("Play") && w.game.scene.getScene("Play")?.fitNow !== undefined;
  }, previous ? { roomId: previous.roomId, round: previous.round } : null, { timeout: 30_000 });
  return snapshot(page);
}

/**
 * Viral rounds often end early (the bots clear the infection in a fraction of a day): when the round is over, this
 * starts the next one with the debrief's "Play again" (the host restarts the room), as a player would.
 */
async function ongoingRound(page: Page): Promise<Snapshot> {
  const now = await snapshot(page);
  if (now.outcome === "ongoing" && now.paused) {
    // Left paused by an earlier step: resume through the HUD.
    await page.click('#hud button:has-text("Resume")');
    await until("the round to resume", async () => ((await snapshot(page)).paused ? undefined : true), 20_000, 500);
    return snapshot(page);
  }
  if (now.outcome === "ongoing") return now;
  await page.locator("#debrief").waitFor({ state: "visible", timeout: 60_000 });
  await page.click('#debrief button:has-text("Play again")');
  return roundOn(page, now);
}

/** Polls of the page: one evaluation can take seconds while software WebGL draws a heavy frame. */
const UI = { timeout: 20_000, interval: 500 };

const tissueRect = (fit: NonNullable<Snapshot["fit"]>): Rect => ({ x: Math.ceil(fit.x), y: Math.ceil(fit.y), width: Math.floor(fit.width), height: Math.floor(fit.height) });

describe("solo practice in a real browser", () => {
  // One visit, step by step: each test goes on from where the previous one left the page.
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
    const first = await roundOn(page);
    expect(first.squad.n, "the effector has helper T cells in squad 1").toBeGreaterThan(0);
    expect(first.fit).not.toBeNull();
    rect = tissueRect(first.fit!);
  });

  test("the glossary and the model card open from the play screen, without leaving the round", async () => {
    const { page } = tb;
    const round = await ongoingRound(page);
    // A word of the top bar opens its glossary entry, highlighted and focused.
    await page.click('#hud button.term[data-term="leak"]');
    const dialog = page.locator("dialog#learn");
    await dialog.waitFor({ state: "visible" });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), UI).toBe("term-leak");
    await expect(dialog.locator('[role="tab"][aria-selected="true"]').textContent()).resolves.toBe("Glossary");
    await expect(dialog.locator("#term-leak.learn-current").count()).resolves.toBe(1);
    await tb.shot("solo-1b-glossary");
    // The model card's tab, by keyboard: what it simulates, what it simplifies, its sources.
    await dialog.locator('[role="tab"][aria-selected="true"]').focus();
    await page.keyboard.press("ArrowRight");
    const card = dialog.locator("#learn-model");
    await card.waitFor({ state: "visible" });
    for (const heading of ["What it simulates", "What it simplifies or leaves out", "Where the numbers come from"]) {
      await expect(card.getByRole("heading", { name: heading }).count()).resolves.toBe(1);
    }
    await tb.shot("solo-1c-model-card");
    // Escape closes it; focus is back on the word, and the page is still in the same round.
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.term), UI).toBe("leak");
    const after = await snapshot(page);
    expect(after.roomId).toBe(round.roomId);
    await expect(page.locator("#play-ui").isVisible()).resolves.toBe(after.outcome === "ongoing");
    // The HUD's Learn button opens the same dialog.
    if (after.outcome === "ongoing") {
      await page.click("#hud .hud-learn button");
      await dialog.waitFor({ state: "visible" });
      await page.click("dialog#learn .close-btn");
      await dialog.waitFor({ state: "hidden" });
    }
  });

  test("draws the IL-2 heatmap: several viridis shades over the tissue", async () => {
    const { page } = tb;
    // Wait for IL-2 in the synced HUD figure (the first activated helpers release it), then pause through the HUD
    // so the page can draw the latest field frame, and look at the pixels. Done early in the round: a page that
    // applies frames slower than they come has less to catch up on.
    let paused = false;
    for (let attempt = 0; attempt < 3 && !paused; attempt++) {
      const round = await ongoingRound(page);
      paused = await until("IL-2 in the tissue (HUD mean above 0.3 pM)", async () => {
        const now = await snapshot(page);
        if (now.roomId !== round.roomId || now.round !== round.round || now.outcome !== "ongoing") return false;
        return now.il2MeanPm > 0.3 ? true : undefined;
      }, 60_000);
      if (paused) {
        await page.click('#hud button:has-text("Pause")');
        paused = await until("the round to pause (or end)", async () => {
          const now = await snapshot(page);
          return now.paused ? true : now.outcome !== "ongoing" ? false : undefined;
        }, 20_000, 500);
      }
    }
    expect(paused, "a round reached IL-2 and paused").toBe(true);
    // Paused, the server sends no more frames: the page must catch up to within one key-frame interval (10 frames;
    // a delta that cannot apply waits for the next key frame).
    const caughtUp = await until("the page's field to catch up with the frames sent", async () => {
      const now = await snapshot(page);
      return now.sentSeq >= 0 && now.fieldSeq >= 0 && now.sentSeq - now.fieldSeq < 10 ? now : undefined;
    }, 120_000);
    expect(caughtUp.fieldLevels, "distinct IL-2 levels in the page's field").toBeGreaterThan(8);
    await page.waitForTimeout(2000);
    const heat = await tb.shot("solo-2-il2");
    const bands = heatmapBands(heat, rect);
    expect(bands, "distinct viridis bands drawn over the tissue").toBeGreaterThanOrEqual(3);
  });

  test("draws the cells: several sprite colours over the tissue", async () => {
    // Still paused from the heatmap step: the same frame, looked at for the cell sprites' colours.
    const playing = await tb.shot("solo-3-cells");
    const seen = spritesSeen(playing, rect);
    // Tissue cells are drawn faint over the heatmap, so their colour varies: the immune cells' fills are checked.
    expect(seen, `sprite colours seen: ${seen.join(", ")}`).toEqual(expect.arrayContaining(["helper T cell", "killer T cell"]));
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });

  test("a squad picked with its button and sent with a click on the tissue goes there", async () => {
    const { page } = tb;
    // Up to three rounds: one may end (infection cleared) before the squad has crossed the tissue.
    let progress: number | null = null;
    for (let attempt = 0; attempt < 3 && progress === null; attempt++) {
      const before = await ongoingRound(page);
      const button = page.locator("#side .squad-btn").first();
      if ((await button.getAttribute("aria-pressed")) !== "true") await button.click();
      await expect.poll(() => button.getAttribute("aria-pressed"), UI).toBe("true");
      const fit = before.fit!;
      const gridW = fit.width / fit.scale, gridH = fit.height / fit.scale;
      // Far from where the squad stands: the opposite quarter of the tissue.
      const target = { x: before.squad.x < gridW / 2 ? gridW * 0.8 : gridW * 0.2, y: before.squad.y < gridH / 2 ? gridH * 0.75 : gridH * 0.25 };
      const distBefore = Math.hypot(before.squad.x - target.x, before.squad.y - target.y);
      await page.mouse.click(fit.x + target.x * fit.scale, fit.y + target.y * fit.scale);
      // The squad closes in on the target: its centroid covers a quarter of the way (positions as synced to the page).
      progress = await until("squad 1 moving towards the clicked point", async () => {
        const now = await snapshot(page);
        if (now.roomId !== before.roomId || now.round !== before.round || now.outcome !== "ongoing") return null; // round over: try the next one
        const left = Math.hypot(now.squad.x - target.x, now.squad.y - target.y) / distBefore;
        return now.squad.commanded > 0 && left < 0.75 ? left : undefined;
      }, 60_000);
    }
    expect(progress, "a round lasted long enough to see the squad move").not.toBeNull();
    await tb.shot("solo-4-commanded");
  });

  test("the page keeps up with the IL-2 field frames while the round runs", async () => {
    const { page } = tb;
    const round = await ongoingRound(page);
    // Five frames a second arrive; after 15 s the page should have applied nearly all of them.
    await page.waitForTimeout(15_000);
    const now = await snapshot(page);
    if (now.outcome === "ongoing" && now.round === round.round) {
      expect(now.sentSeq - now.fieldSeq, `the page applied field frame ${now.fieldSeq} while the server had sent ${now.sentSeq}`).toBeLessThan(25);
    } else {
      // The round ended meanwhile: frames stop, so the page must have applied the last one sent.
      await until("the page to apply the last field frames", async () => {
        const s = await snapshot(page);
        return s.sentSeq - s.fieldSeq < 10 ? true : undefined;
      }, 30_000);
    }
  });

  test("speeding up through the HUD brings the round to its debrief", async () => {
    const { page } = tb;
    const round = await ongoingRound(page);
    await page.selectOption('select[aria-label="Game speed"]', "8");
    await until("speed 8 in the synced state (or the round's end)", async () => {
      const now = await snapshot(page);
      return now.outcome !== "ongoing" || (await page.evaluate(() => (window as unknown as { __e2e: { session: any } }).__e2e.session.room.state.speed)) === 8 ? true : undefined;
    }, 20_000, 500);
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
