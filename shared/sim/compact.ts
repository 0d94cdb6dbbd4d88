// End of tick: removes dead cells, keeping the rest in ascending id order, and re-points the tissue lattice.
// Called by step() when anything died this tick.

import { rebuildLattice } from "./lattice.ts";
import { CellFlag, type Cells, type World } from "./world.ts";

type Column = { [i: number]: number; copyWithin(target: number, start: number, end: number): unknown };

function columns(cells: Cells): Column[] {
  const out: Column[] = [];
  for (const value of Object.values(cells)) if (ArrayBuffer.isView(value)) out.push(value as unknown as Column);
  return out;
}

export function compact(world: World): void {
  const c = world.cells, flags = c.flags;
  let first = -1;
  for (let i = 0; i < c.count; i++) {
    if (flags[i] & CellFlag.dead) {
      first = i;
      break;
    }
  }
  if (first < 0) return;
  const cols = columns(c);
  let w = first;
  let removed = 0;
  for (let r = first; r < c.count; r++) {
    if (flags[r] & CellFlag.dead) {
      removed++;
      continue;
    }
    if (w !== r) for (let k = 0; k < cols.length; k++) cols[k][w] = cols[k][r];
    w++;
  }
  c.count = w;
  world.counters.deaths += removed;
  rebuildLattice(world);
}
