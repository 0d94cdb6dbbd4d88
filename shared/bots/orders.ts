// Building commands: targetCells split into chunks the wire accepts, and sending groups of cells to points.
// Only cells whose destination really changes are named, so a bot does not keep resetting cells already on their way.
// Called by the role policies.

import { MAX_SELECTED_CELLS, type Command } from "../sim/index.ts";
import type { Point } from "./clusters.ts";
import { dist2 } from "./clusters.ts";
import type { SeenCell } from "./observe.ts";

/** The cap on ids in one targetCells command. */
export const MAX_IDS = MAX_SELECTED_CELLS;

export function targetCells(ids: readonly number[], at: Point): Command[] {
  const out: Command[] = [];
  for (let k = 0; k < ids.length; k += MAX_IDS) {
    out.push({ kind: "targetCells", cellIds: ids.slice(k, k + MAX_IDS), x: at.x, y: at.y });
  }
  return out;
}

/**
 * Sends each cell to the point `assign` gives it, naming only cells farther than `slack` voxels from that point.
 * Points that are the same object share one command.
 */
export function sendCells(cells: readonly SeenCell[], assign: (c: SeenCell) => Point | undefined, slack: number): Command[] {
  const groups = new Map<Point, number[]>();
  const s2 = slack * slack;
  for (const c of cells) {
    const p = assign(c);
    if (!p || dist2(c, p) <= s2) continue;
    let g = groups.get(p);
    if (!g) groups.set(p, (g = []));
    g.push(c.id);
  }
  const out: Command[] = [];
  for (const [p, ids] of groups) out.push(...targetCells(ids, p));
  return out;
}

/** Index of the point nearest to c. */
export function nearestIndex(c: { x: number; y: number }, points: readonly Point[]): number {
  let best = -1, bd = Infinity;
  for (let k = 0; k < points.length; k++) {
    const d = dist2(c, points[k]);
    if (d < bd) { bd = d; best = k; }
  }
  return best;
}
