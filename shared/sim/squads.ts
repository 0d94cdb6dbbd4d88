// Splitting and merging squads: a squad's living cells shared out among new squad numbers (a classroom gives each
// student of a role their own clone), and a squad's cells folded back into another. Pure and deterministic (cell
// order only). Called by the classroom room when a round starts and when a student leaves.

import { CellFlag, type World } from "./world.ts";

/**
 * Shares the living cells of `squad` out among `into` in turn, by cell order (so each part gets the same mix of
 * cells, wherever they sit); dead cells keep their number. Returns how many cells each part got, in `into` order.
 * A number of `into` may be `squad` itself (that part keeps its cells' number).
 */
export function splitSquad(world: World, squad: number, into: readonly number[]): number[] {
  const counts = into.map(() => 0);
  if (into.length === 0) return counts;
  const c = world.cells;
  let k = 0;
  for (let i = 0; i < c.count; i++) {
    if (c.squad[i] !== squad || c.flags[i] & CellFlag.dead) continue;
    c.squad[i] = into[k];
    counts[k]++;
    k = (k + 1) % into.length;
  }
  return counts;
}

/** Moves every cell of squad `from` (living or dead) into squad `to`; returns how many moved. */
export function mergeSquad(world: World, from: number, to: number): number {
  const c = world.cells;
  let moved = 0;
  for (let i = 0; i < c.count; i++) {
    if (c.squad[i] !== from) continue;
    c.squad[i] = to;
    moved++;
  }
  return moved;
}
