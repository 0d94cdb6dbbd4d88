// New clones arriving: naive helpers that recognise the antigen keep entering from the blood next to the dendritic
// cells that show it, as in a lymph node draining a lasting inflammation, where T cells enter through high endothelial
// venules all the time and the few that recognise a dendritic cell's antigen are primed there (von Andrian & Mempel
// 2003; Mempel 2004). Each one then makes its own burst of IL-2 (secretion.ts), so IL-2 production goes on for as
// long as antigen is shown instead of ending with the first cohort. Off (rate 0) unless a scenario turns it on.
// Called by step() before the cell lists are built.

import { CellType } from "./cellTypes.ts";
import { uniform } from "./rng.ts";
import { addCell, roomBeside } from "./spawn.ts";
import { CellFlag, type World } from "./world.ts";

/** Dendritic cells showing less antigen than this (a faded threat) draw no new clones. */
const SHOWS_ANTIGEN = 0.05;

export function admitNewClones(world: World): void {
  const rate = world.params.helperInflowPerHour;
  if (rate <= 0) return;
  const c = world.cells, rng = world.rng.place;
  const chance = 1 - Math.exp(-rate * world.dtH);
  const n = c.count;
  for (let i = 0; i < n; i++) {
    if (c.type[i] !== CellType.dendritic || c.flags[i] & CellFlag.dead || c.strength[i] < SHOWS_ANTIGEN) continue;
    if (uniform(rng) >= chance) continue;
    const at = roomBeside(world, c.x[i], c.y[i], rng);
    if (!at) continue;
    addCell(world, CellType.cd4, at[0], at[1], -1, rng);
    world.crowd[(at[1] | 0) * world.field.width + (at[0] | 0)]++;
  }
}
