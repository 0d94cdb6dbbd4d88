// Pure client logic of the play scene: the heatmap colour table, fitting the tissue clear of the HTML panels,
// gliding between synced positions, and box / click selection. Runs in Node (no Phaser).

import { describe, expect, test } from "vitest";
import { buildLevelLut, colourLevels, NO_IL2_RGB, viridis } from "../../client/src/play/colourMap.ts";
import { BOTTOM_PANEL_SHARE, fitWorld, HUD_TOP_PX, screenToVoxel, SIDE_PANEL_PX } from "../../client/src/play/layout.ts";
import { newTrack, PatchClock, retarget, sampleTrack } from "../../client/src/play/motion.ts";
import { cellsInBox, clampToGrid, nearestCell, normaliseBox } from "../../client/src/play/selection.ts";
import { CONTROLS } from "../../client/src/play/controls.ts";
import { CELL_SPRITES } from "../../client/src/play/cellStyle.ts";
import { existsSync, readFileSync } from "node:fs";

const luminance = ([r, g, b]: number[]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

describe("heatmap colours", () => {
  test("viridis runs dark to bright without going back", () => {
    let prev = -1;
    for (let i = 0; i <= 20; i++) {
      const l = luminance(viridis(i / 20));
      expect(l).toBeGreaterThan(prev);
      prev = l;
    }
    expect(viridis(-3)).toEqual(viridis(0));
    expect(viridis(Number.NaN)).toEqual(viridis(0));
  });

  test("byte 0 is the background and more IL-2 is never darker", () => {
    const lut = buildLevelLut();
    expect([...lut.subarray(0, 3)]).toEqual([...NO_IL2_RGB]);
    for (let b = 2; b < 256; b++) expect(luminance([...lut.subarray(b * 4, b * 4 + 3)])).toBeGreaterThanOrEqual(luminance([...lut.subarray(b * 4 - 4, b * 4 - 1)]));
    const rgba = new Uint8Array(8);
    colourLevels(new Uint8Array([0, 255]), lut, rgba);
    expect([...rgba.subarray(4, 8)]).toEqual([...lut.subarray(255 * 4, 256 * 4)]);
    expect(rgba[3]).toBe(255);
  });
});

describe("fitting the tissue", () => {
  test("a wide screen leaves the HUD bar and side panel clear and keeps the grid's shape", () => {
    const f = fitWorld(1600, 900, 128, 96);
    expect(f.y).toBeGreaterThanOrEqual(HUD_TOP_PX);
    expect(f.x + f.width).toBeLessThanOrEqual(1600 - SIDE_PANEL_PX);
    expect(f.y + f.height).toBeLessThanOrEqual(900);
    expect(f.width / f.height).toBeCloseTo(128 / 96, 5);
    const corner = screenToVoxel(f, f.x + f.width, f.y + f.height);
    expect(corner.x).toBeCloseTo(128, 5);
    expect(corner.y).toBeCloseTo(96, 5);
  });

  test("a narrow screen uses its full width and leaves the bottom panel clear", () => {
    const f = fitWorld(600, 900, 128, 96);
    expect(f.width).toBeGreaterThan(560);
    expect(f.y + f.height).toBeLessThanOrEqual(900 * (1 - BOTTOM_PANEL_SHARE));
  });
});

describe("a kiosk's portrait screen", () => {
  test("a screen taller than wide, wider than a tablet, with no panel measured, gets the tissue across its width", () => {
    const f = fitWorld(1080, 1920, 128, 96);
    expect(f.width).toBeGreaterThan(1040);
    expect(f.y + f.height).toBeLessThanOrEqual(1920 * (1 - BOTTOM_PANEL_SHARE));
    expect(fitWorld(1920, 1080, 128, 96).width).toBeLessThan(1920 - SIDE_PANEL_PX); // the landscape gallery keeps its side panel
  });
});

describe("gliding between patches", () => {
  test("a cell glides to its new position over the interval and then stays", () => {
    const tr = newTrack(10, 10, 0);
    retarget(tr, 12, 10, 100, 100);
    expect(sampleTrack(tr, 100).x).toBeCloseTo(10);
    expect(sampleTrack(tr, 150).x).toBeCloseTo(11);
    expect(sampleTrack(tr, 500).x).toBeCloseTo(12);
  });

  test("a new target mid-glide starts from where the cell is drawn, not where it was", () => {
    const tr = newTrack(0, 0, 0);
    retarget(tr, 4, 0, 0, 100);
    retarget(tr, 4, 4, 50, 100);
    const p = sampleTrack(tr, 50);
    expect(p.x).toBeCloseTo(2);
    expect(p.y).toBeCloseTo(0);
  });

  test("a far jump is taken at once", () => {
    const tr = newTrack(0, 0, 0);
    retarget(tr, 100, 0, 10, 100);
    expect(sampleTrack(tr, 10).x).toBe(100);
  });

  test("the glide length follows the gap between patches", () => {
    const c = new PatchClock(100);
    let d = 0;
    for (let t = 0; t <= 5000; t += 200) d = c.tick(t);
    expect(d).toBeGreaterThan(190);
    expect(d).toBeLessThanOrEqual(200);
  });
});

describe("selection", () => {
  const cells = [
    { id: 1, x: 5, y: 5, squad: 1, type: 0 },
    { id: 2, x: 6, y: 6, squad: 4, type: 2 },
    { id: 3, x: 20, y: 20, squad: 1, type: 0 },
    { id: 4, x: 5.5, y: 5, squad: 0, type: 6 },
  ];
  test("a box picks only the player's own cells inside it, corners in any order", () => {
    expect(cellsInBox(cells, normaliseBox(10, 10, 0, 0), [1, 2])).toEqual([1]);
    expect(cellsInBox(cells, normaliseBox(0, 0, 30, 30), [1, 4])).toEqual([1, 2, 3]);
  });
  test("a click prefers an immune cell over the tissue under it", () => {
    expect(nearestCell(cells, 5.5, 5, 2.5, (t) => t <= 4)?.id).toBe(1);
    expect(nearestCell(cells, 50, 50, 2.5, (t) => t <= 4)).toBeNull();
  });
  test("targets stay on the grid", () => {
    expect(clampToGrid(-3, 200, 128, 96)).toEqual({ x: 0, y: 95 });
  });
});

test("every control is described, and every cell type has a sprite file", () => {
  expect(CONTROLS.length).toBeGreaterThanOrEqual(8);
  for (const c of CONTROLS) expect(c.input.length * c.action.length).toBeGreaterThan(0);
  for (const s of CELL_SPRITES) {
    const file = new URL(`../../assets${s.url}`, import.meta.url);
    expect(existsSync(file), s.url).toBe(true);
    expect(readFileSync(file, "utf8")).toContain("<svg");
  }
});
