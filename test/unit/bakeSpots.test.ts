// Where the baked tissue is redrawn (client/src/play/bakeSpots.ts): wiped spots and throttled stamps.

import { describe, expect, test } from "vitest";
import { DirtySpots, spotRect } from "../../client/src/play/bakeSpots.ts";

describe("spotRect", () => {
  test("covers the cell's drawn square at the texture's scale, rounded outward", () => {
    // A 1.9-voxel cell at (5, 7), 8 pixels per voxel: 15.2 px wide around (40, 56).
    const r = spotRect(5, 7, 1.9, 8);
    expect(r.x).toBeLessThanOrEqual(40 - 7.6);
    expect(r.y).toBeLessThanOrEqual(56 - 7.6);
    expect(r.x + r.width).toBeGreaterThanOrEqual(40 + 7.6);
    expect(r.y + r.height).toBeGreaterThanOrEqual(56 + 7.6);
    expect([r.x, r.y, r.width, r.height].every(Number.isInteger)).toBe(true);
  });

  test("stays inside its lattice site: it does not reach the next site's cell (spacing 2)", () => {
    const a = spotRect(5, 5, 1.9, 8);
    const b = spotRect(7, 5, 1.9, 8);
    // b's cell starts at 7 * 8 - 7.6 = 48.4 px; a's wipe ends before that pixel.
    expect(a.x + a.width).toBeLessThanOrEqual(Math.floor(48.4));
    expect(a.x + a.width).toBeLessThanOrEqual(b.x);
  });
});

describe("DirtySpots", () => {
  test("wipes come out on the next take; stamps at most once per interval", () => {
    const q = new DirtySpots<number>(250);
    q.clear({ x: 0, y: 0, width: 4, height: 4 });
    q.stamp(1);
    const first = q.take(1000);
    expect(first.clears.length).toBe(1);
    expect(first.stamps).toEqual([1]);

    q.stamp(2);
    q.clear({ x: 8, y: 8, width: 4, height: 4 });
    const soon = q.take(1100);
    expect(soon.clears.length).toBe(1); // wipes are not held back
    expect(soon.stamps).toEqual([]); // stamps wait for the interval
    expect(q.pendingStamps).toBe(1);

    const later = q.take(1250);
    expect(later.stamps).toEqual([2]);
    expect(q.take(2000)).toEqual({ clears: [], stamps: [] });
  });

  test("a cell stamped twice is stamped once; a forgotten cell is not stamped", () => {
    const q = new DirtySpots<number>(100);
    q.stamp(3); q.stamp(3); q.stamp(4);
    q.forget(4);
    expect(q.take(0).stamps).toEqual([3]);
  });

  test("a longer interval (reduced effects) holds stamps longer", () => {
    const q = new DirtySpots<number>(250);
    q.stamp(1);
    expect(q.take(0).stamps).toEqual([1]);
    q.intervalMs = 1000;
    q.stamp(5);
    expect(q.take(500).stamps).toEqual([]); // would have been due at 250 ms before
    expect(q.take(1000).stamps).toEqual([5]);
  });
});
