// End of tick: removes dead cells, keeping the rest in ascending id order, and re-points the tissue lattice.
// Deferred until dead cells are a sixteenth of the arrays (every process skips dead cells, and the survivors' order
// is the same either way, so when it runs changes nothing but speed). Called by step() every tick.

import { rebuildLattice } from "./lattice.ts";
import { CellFlag, type Cells, type World } from "./world.ts";

type Column = { copyWithin(target: number, start: number, end: number): unknown };

function columns(cells: Cells): Column[] {
  const out: Column[] = [];
  for (const value of Object.values(cells)) if (ArrayBuffer.isView(value)) out.push(value as unknown as Column);
  return out;
}

/** Dead cells that may wait in the arrays before a compaction, at the least. */
const MIN_DEAD_BEFORE_COMPACTION = 64;

export function compact(world: World, force = false): void {
  const c = world.cells, flags = c.flags;
  if (!force && world.deadCount < Math.max(MIN_DEAD_BEFORE_COMPACTION, c.count >> 4)) return;
  world.deadCount = 0;
  let first = -1;
  for (let i = 0; i < c.count; i++) {
    if (flags[i] & CellFlag.dead) {
      first = i;
      break;
    }
  }
  if (first < 0) return;
  const cols = columns(c);
  // each run of live cells moves down in one copy per column (the same values, element by element, as one by one)
  let w = first, r = first;
  const n = c.count;
  while (r < n) {
    while (r < n && flags[r] & CellFlag.dead) r++;
    const start = r;
    while (r < n && !(flags[r] & CellFlag.dead)) r++;
    if (r > start) {
      for (let k = 0; k < cols.length; k++) cols[k].copyWithin(w, start, r);
      w += r - start;
    }
  }
  c.count = w;
  rebuildLattice(world);
}
