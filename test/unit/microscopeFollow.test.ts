// The microscope staying with its cell (client/src/ui/microscopeFollow.ts, with microscopePlace.ts): it is placed
// again as the cell moves, keeps its side, the leader line reaches the cell, and a dead cell is named in words.

import { describe, expect, test } from "vitest";
import { goneWords, inSight, leaderLine, movedSince, RING_PX, sideOf } from "../../client/src/ui/microscopeFollow.ts";
import { placeMicroscope } from "../../client/src/ui/microscopePlace.ts";

describe("following the inspected cell", () => {
  test("the panel is placed again once the cell has moved a pixel, not while it holds still", () => {
    expect(movedSince({ x: 100, y: 100 }, { x: 100.4, y: 99.8 })).toBe(false);
    expect(movedSince({ x: 100, y: 100 }, { x: 101.2, y: 100 })).toBe(true);
    expect(movedSince({ x: 100, y: 100 }, null), "the cell left the tissue").toBe(true);
    expect(movedSince(null, null)).toBe(false);
  });

  test("a cell gliding across a laptop's tissue keeps the panel beside it, on the side it started, until that side runs out", () => {
    let side: "left" | "right" = "right";
    const sides: string[] = [];
    for (let x = 200; x <= 1300; x += 50) {
      const cell = { x, y: 400 };
      const p = placeMicroscope(1366, 768, 64, 500, cell, side);
      const now = sideOf(p, cell);
      expect(now, `cell at x=${x}: the panel does not cover it`).not.toBeNull();
      if (now) side = now;
      sides.push(side);
      // the panel's middle stays at the cell's height
      expect(Math.abs(p.top + 250 - 400)).toBeLessThanOrEqual(1);
    }
    // Right of the cell while it fits, then left, with one change of side only.
    expect(sides[0]).toBe("right");
    expect(sides.at(-1)).toBe("left");
    expect(sides.filter((s, i) => i > 0 && s !== sides[i - 1])).toHaveLength(1);
    // Coming back, it stays left of the cell as long as that fits (no jumping back at the first chance).
    const back = placeMicroscope(1366, 768, 64, 500, { x: 800, y: 300 }, "left");
    expect(sideOf(back, { x: 800, y: 300 })).toBe("left");
  });

  test("the leader line runs from the panel's edge to the ring around the cell", () => {
    const cell = { x: 400, y: 350 };
    const p = placeMicroscope(1366, 768, 64, 300, cell);
    const line = leaderLine(p, 300, cell)!;
    expect(line.x).toBe(p.left); // the panel is right of the cell: the line leaves its left edge
    const end = { x: line.x + Math.cos((line.angleDeg * Math.PI) / 180) * line.length, y: line.y + Math.sin((line.angleDeg * Math.PI) / 180) * line.length };
    expect(Math.hypot(end.x - cell.x, end.y - cell.y)).toBeCloseTo(RING_PX, 5);
    expect(leaderLine({ ...p, sheet: true }, 300, cell), "a sheet has no leader").toBeNull();
  });

  test("the marks show only while the cell is in the drawn tissue and above the sheet", () => {
    const box = { x: 8, y: 120, width: 359, height: 270 };
    expect(inSight({ x: 100, y: 200 }, box)).toBe(true);
    expect(inSight({ x: 100, y: 500 }, box), "panned out of view").toBe(false);
    expect(inSight({ x: 100, y: 300 }, box, 280), "under the sheet").toBe(false);
  });

  test("a dead cell is named in words", () => {
    expect(goneWords("CD4 helper T cell")).toMatch(/^This CD4 helper T cell has died/);
    expect(goneWords("NK cell, CD56dim")).toMatch(/^This NK cell has died/);
    expect(goneWords(undefined)).toMatch(/^This cell has died/);
  });
});
