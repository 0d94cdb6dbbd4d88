// Selection maths for commanding: a dragged box (voxels) to the player's own cells inside it, and a click to the
// nearest cell. Pure; used by CommandInput and tests.

import { MAX_SELECTED_CELLS } from "../../../shared/sim/commands.ts";

export interface CellPoint { id: number; x: number; y: number; squad: number; type: number }
export interface Box { x0: number; y0: number; x1: number; y1: number }

/** A box from two corners in any order. */
export function normaliseBox(ax: number, ay: number, bx: number, by: number): Box {
  return { x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
}

/** Ids of cells inside the box that belong to one of `squads` (only the player's own cells can be commanded). */
export function cellsInBox(
  cells: Iterable<CellPoint>, box: Box, squads: readonly number[], max = MAX_SELECTED_CELLS,
): number[] {
  const out: number[] = [];
  for (const c of cells) {
    if (out.length >= max) break;
    if (c.x >= box.x0 && c.x <= box.x1 && c.y >= box.y0 && c.y <= box.y1 && squads.includes(c.squad)) out.push(c.id);
  }
  return out;
}

/** The cell nearest to (x, y) within `radius` voxels, preferring immune cells (they sit over tissue); null if none. */
export function nearestCell(
  cells: Iterable<CellPoint>, x: number, y: number, radius: number, isImmune: (type: number) => boolean,
): CellPoint | null {
  let best: CellPoint | null = null, bestScore = Infinity;
  for (const c of cells) {
    const d = Math.hypot(c.x - x, c.y - y);
    if (d > radius) continue;
    const score = d + (isImmune(c.type) ? 0 : radius); // an immune cell within reach beats any tissue cell
    if (score < bestScore) { best = c; bestScore = score; }
  }
  return best;
}

/** Clamps a point to the grid (voxels), for commands and the keyboard cursor. */
export function clampToGrid(x: number, y: number, width: number, height: number): { x: number; y: number } {
  return { x: Math.min(width - 1, Math.max(0, x)), y: Math.min(height - 1, Math.max(0, y)) };
}
