// Picking several cells from the keyboard (the box drag's equivalent): Space adds or removes the player's own cell
// nearest the keyboard cursor, A picks all the player's cells in view (of the picked squad, if one is). Pure; voxels.
// Used by PlayView and its tests.

import type { Box, CellPoint } from "./selection.ts";
import { cellsInBox } from "./selection.ts";
import type { WorldFit } from "./layout.ts";
import { screenToVoxel } from "./layout.ts";
import { MAX_SELECTED_CELLS } from "../../../shared/sim/commands.ts";

/** How far from the cursor Space looks for one of your cells, voxels (cells sit ~2 voxels apart). */
export const KEY_PICK_RADIUS = 4;

/** The player's own cell nearest (x, y) within `radius` voxels, or null. */
export function nearestOwnCell(
  cells: Iterable<CellPoint>, x: number, y: number, radius: number, squads: readonly number[],
): CellPoint | null {
  let best: CellPoint | null = null, bestD = Infinity;
  for (const c of cells) {
    if (!squads.includes(c.squad)) continue;
    const d = Math.hypot(c.x - x, c.y - y);
    if (d <= radius && d < bestD) { best = c; bestD = d; }
  }
  return best;
}

/** The picked list with `id` added, or removed if it was there. */
export function togglePicked(picked: readonly number[], id: number): number[] {
  return picked.includes(id) ? picked.filter((p) => p !== id) : [...picked, id].slice(0, MAX_SELECTED_CELLS);
}

/** The tissue shown in the fitted area at the current view, as a box in voxels. */
export function boxInView(base: WorldFit, view: WorldFit): Box {
  const a = screenToVoxel(view, base.x, base.y), b = screenToVoxel(view, base.x + base.width, base.y + base.height);
  return { x0: a.x, y0: a.y, x1: b.x, y1: b.y };
}

/** All the player's cells in view: of `squad` when one is picked, else of every squad the player commands. */
export function ownCellsInView(
  cells: Iterable<CellPoint>, box: Box, mySquads: readonly number[], squad: number | null,
): number[] {
  const squads = squad !== null && mySquads.includes(squad) ? [squad] : mySquads;
  return cellsInBox(cells, box, squads, MAX_SELECTED_CELLS);
}
