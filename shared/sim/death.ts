// Death by IL-2 deprivation: an activated effector (past its antigen-driven phase, not memory, once antigen is gone),
// or a Treg, NK or resting T cell that IL-2 made divide, whose integrated signal stays low, dies at its type's rate.
// Resting cells are kept by signals the model does not simulate (IL-7, IL-15). Rates per day. Called by step().

import { CellType, CELL_TYPE_NAMES } from "./cellTypes.ts";
import { uniform } from "./rng.ts";
import { CellFlag, markDead, perTick, Why, type World } from "./world.ts";

function deprivationRatePerDay(world: World, i: number): number {
  const c = world.cells, p = world.params, t = c.type[i];
  if (c.signal[i] >= p.deprivationSignalLevel) return 0;
  const activated = (c.flags[i] & CellFlag.activated) !== 0;
  if ((t === CellType.cd4 || t === CellType.cd8) && activated) {
    if (c.flags[i] & CellFlag.memory) return 0;
    if ((world.tick - c.activatedTick[i]) * world.dtH < p.firstDivisionHours) return 0;
    // while antigen persists in the tissue, inflammation keeps effectors alive; once it is gone, they contract
    if (world.antigenPresent || (world.tick - c.lastAntigenTick[i]) * world.dtH < p.antigenSurvivalHours) return 0;
    return p.effectorDeprivationPerDay;
  }
  if (c.divisions[i] === 0) return 0;
  if (t === CellType.treg) return p.tregDeprivationPerDay;
  return p.expandedDeprivationPerDay;
}

export function deprive(world: World): void {
  const c = world.cells, rng = world.rng.death, dtH = world.dtH;
  // read once: a cell at or above this signal is never deprived (the first test in deprivationRatePerDay)
  const level = world.params.deprivationSignalLevel;
  const type = c.type, flags = c.flags, signal = c.signal, divisions = c.divisions;
  for (let i = 0; i < c.count; i++) {
    const t = type[i];
    if (t > CellType.nkDim || flags[i] & CellFlag.dead || signal[i] >= level) continue;
    // and a cell that is not an activated helper or killer, and never divided, is kept (the function's last test)
    if (!((t === CellType.cd4 || t === CellType.cd8) && flags[i] & CellFlag.activated) && divisions[i] === 0) continue;
    const rate = deprivationRatePerDay(world, i);
    if (rate === 0) continue;
    if (c.why[i] !== Why.killing && c.why[i] !== Why.engagedAntigen) c.why[i] = Why.starving;
    if (uniform(rng) < perTick(rate / 24, dtH)) {
      markDead(world, i);
      world.events.push({ tick: world.tick, kind: "death", cellId: c.id[i], cellType: CELL_TYPE_NAMES[c.type[i]], cause: "IL-2 deprivation", x: c.x[i], y: c.y[i] });
    }
  }
}
