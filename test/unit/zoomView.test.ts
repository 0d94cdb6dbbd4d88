// Zoom and pan of the tissue (client/src/play/zoomView.ts): bounded from the whole tissue to MAX_ZOOM, never past the
// tissue's edges, and screen px map to the right voxel at any zoom (commands land where they are aimed).

import { describe, expect, test } from "vitest";
import { fitWorld, screenToVoxel } from "../../client/src/play/layout.ts";
import {
  clampView, keepInView, MAX_ZOOM, panBy, pinchView, refit, viewFit, voxelToScreen, wholeTissue, zoomAbout,
} from "../../client/src/play/zoomView.ts";

const base = fitWorld(1366, 768, 128, 96); // the laptop: tissue left of the side panel, below the top bar

describe("zoom bounds and clamping", () => {
  test("the whole tissue is the fit itself", () => {
    expect(viewFit(base, wholeTissue(base))).toEqual(base);
  });
  test("zoom stays between the whole tissue and MAX_ZOOM", () => {
    const c = { x: base.x + 100, y: base.y + 100 };
    expect(zoomAbout(base, wholeTissue(base), 40, c.x, c.y).zoom).toBe(MAX_ZOOM);
    expect(zoomAbout(base, wholeTissue(base), 0.2, c.x, c.y).zoom).toBe(1);
    expect(clampView(base, { zoom: Number.NaN, x: 0, y: 0 }).zoom).toBe(1);
  });
  test("panning stops at the tissue's edges: the fitted area always shows tissue", () => {
    const z3 = zoomAbout(base, wholeTissue(base), 3, base.x, base.y);
    for (const [dx, dy] of [[5000, 5000], [-5000, -5000], [5000, -5000], [-5000, 5000]] as const) {
      const v = panBy(base, z3, dx, dy);
      const f = viewFit(base, v);
      expect(f.x).toBeLessThanOrEqual(base.x + 1e-9);
      expect(f.y).toBeLessThanOrEqual(base.y + 1e-9);
      expect(f.x + f.width).toBeGreaterThanOrEqual(base.x + base.width - 1e-9);
      expect(f.y + f.height).toBeGreaterThanOrEqual(base.y + base.height - 1e-9);
    }
    // At zoom 1 nothing can move.
    expect(panBy(base, wholeTissue(base), 300, -200)).toEqual(wholeTissue(base));
  });
});

describe("screen to voxel through a zoomed view", () => {
  test("zooming about a point keeps the voxel under it", () => {
    const sx = base.x + base.width * 0.3, sy = base.y + base.height * 0.6;
    const before = screenToVoxel(base, sx, sy);
    const v = zoomAbout(base, wholeTissue(base), 4, sx, sy);
    const after = screenToVoxel(viewFit(base, v), sx, sy);
    expect(after.x).toBeCloseTo(before.x, 9);
    expect(after.y).toBeCloseTo(before.y, 9);
  });
  test("at 2x about the tissue's centre, the centre stays and a point 100 px right is 100/(2·scale) voxels away", () => {
    const cx = base.x + base.width / 2, cy = base.y + base.height / 2;
    const f = viewFit(base, zoomAbout(base, wholeTissue(base), 2, cx, cy));
    expect(screenToVoxel(f, cx, cy).x).toBeCloseTo(64, 9);
    expect(screenToVoxel(f, cx, cy).y).toBeCloseTo(48, 9);
    expect(screenToVoxel(f, cx + 100, cy).x).toBeCloseTo(64 + 100 / (2 * base.scale), 9);
  });
  test("voxelToScreen is screenToVoxel's inverse at any zoom", () => {
    const v = zoomAbout(base, wholeTissue(base), 5.5, base.x + 10, base.y + 400);
    const p = voxelToScreen(base, v, 17.25, 80.5);
    const back = screenToVoxel(viewFit(base, v), p.x, p.y);
    expect(back.x).toBeCloseTo(17.25, 9);
    expect(back.y).toBeCloseTo(80.5, 9);
  });
});

describe("keeping the keyboard cursor in view, resizing and pinching", () => {
  test("a cursor past the right edge pans the view until it is inside by the margin", () => {
    const v = zoomAbout(base, wholeTissue(base), 4, base.x, base.y); // looking at the top-left corner
    const p0 = voxelToScreen(base, v, 60, 10);
    expect(p0.x).toBeGreaterThan(base.x + base.width);
    const moved = keepInView(base, v, 60, 10, 40);
    const p = voxelToScreen(base, moved, 60, 10);
    expect(p.x).toBeCloseTo(base.x + base.width - 40, 6);
    expect(moved.zoom).toBe(4);
    // Already in view: unchanged.
    expect(keepInView(base, moved, 60, 10, 40)).toEqual(moved);
  });
  test("after a resize the same voxel is at the centre at the same zoom", () => {
    const cx = base.x + base.width / 2, cy = base.y + base.height / 2;
    const v = panBy(base, zoomAbout(base, wholeTissue(base), 3, cx, cy), 120, -60);
    const centre = screenToVoxel(viewFit(base, v), cx, cy);
    const phone = fitWorld(375, 667, 128, 96, 120);
    const w = refit(base, v, phone);
    const c2 = screenToVoxel(viewFit(phone, w), phone.x + phone.width / 2, phone.y + phone.height / 2);
    expect(w.zoom).toBe(3);
    expect(c2.x).toBeCloseTo(centre.x, 6);
    expect(c2.y).toBeCloseTo(centre.y, 6);
  });
  test("fingers spreading to twice their distance zoom 2x, and the voxel between them follows their midpoint", () => {
    const start = { ax: base.x + 200, ay: base.y + 200, bx: base.x + 300, by: base.y + 200 };
    const now = { ax: base.x + 170, ay: base.y + 220, bx: base.x + 370, by: base.y + 220 };
    const v0 = wholeTissue(base);
    const under = screenToVoxel(base, base.x + 250, base.y + 200);
    const v = pinchView(base, v0, start, now);
    expect(v.zoom).toBeCloseTo(2, 9);
    const after = screenToVoxel(viewFit(base, v), base.x + 270, base.y + 220);
    expect(after.x).toBeCloseTo(under.x, 6);
    expect(after.y).toBeCloseTo(under.y, 6);
  });
});
