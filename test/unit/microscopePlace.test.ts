// Where the microscope opens (client/src/ui/microscopePlace.ts): beside the cell inside the window and below the top
// bar on wide screens, a bottom sheet on narrow ones; never off-screen, never under the bar.

import { describe, expect, test } from "vitest";
import { placeMicroscope, SHEET_BELOW_PX } from "../../client/src/ui/microscopePlace.ts";

const inside = (p: { left: number; top: number; width: number }, h: number, vw: number, vh: number, topPx: number) =>
  p.left >= 0 && p.left + p.width <= vw && p.top >= topPx && p.top + h <= vh;

describe("the microscope's place", () => {
  test("on a 1366 × 768 laptop it opens right of a cell on the left, left of a cell on the right", () => {
    const a = placeMicroscope(1366, 768, 64, 500, { x: 200, y: 300 });
    expect(a.sheet).toBe(false);
    expect(a.left).toBeGreaterThan(200);
    const b = placeMicroscope(1366, 768, 64, 500, { x: 1200, y: 300 });
    expect(b.left + b.width).toBeLessThan(1200);
    for (const p of [a, b]) expect(inside(p, 500, 1366, 768, 64)).toBe(true);
  });
  test("a cell near the bottom or top still gives a panel wholly inside the window, below the bar", () => {
    for (const y of [-50, 0, 70, 400, 760, 2000]) {
      const p = placeMicroscope(1366, 768, 64, 560, { x: 600, y });
      expect(inside(p, Math.min(560, p.maxHeight), 1366, 768, 64), `cell at y=${y}`).toBe(true);
    }
  });
  test("content taller than the window scrolls inside a panel that fits", () => {
    const p = placeMicroscope(1366, 768, 64, 2000, { x: 600, y: 400 });
    expect(p.maxHeight).toBeLessThanOrEqual(768 - 64);
    expect(inside(p, p.maxHeight, 1366, 768, 64)).toBe(true);
  });
  test("on a 375 × 667 phone it is a full-width sheet along the bottom, at most about half the height", () => {
    const p = placeMicroscope(375, 667, 150, 800, { x: 100, y: 300 });
    expect(p.sheet).toBe(true);
    expect(p).toMatchObject({ left: 0, width: 375 });
    expect(p.top + Math.min(800, p.maxHeight)).toBe(667);
    expect(p.top).toBeGreaterThanOrEqual(150);
    expect(p.maxHeight).toBeLessThanOrEqual(Math.round(667 * 0.55));
  });
  test("the sheet starts below the switch width, and a tablet at 768 px gets the panel beside the cell", () => {
    expect(placeMicroscope(SHEET_BELOW_PX - 1, 900, 64, 300, null).sheet).toBe(true);
    const t = placeMicroscope(768, 1024, 64, 520, { x: 384, y: 500 });
    expect(t.sheet).toBe(false);
    expect(inside(t, 520, 768, 1024, 64)).toBe(true);
  });
  test("with the cell off screen it sits in the top-right corner under the bar", () => {
    const p = placeMicroscope(1920, 1080, 64, 400, null);
    expect(p.top).toBeGreaterThanOrEqual(64);
    expect(p.left + p.width).toBeLessThanOrEqual(1920);
  });
});
