// Death of immune cells, once per tick:
// - by IL-2 deprivation: an activated effector (past its first division time, not memory, out of antigen contact for a
//   while), or a Treg, NK or resting T cell that IL-2 made divide, whose integrated signal stays low, dies at its type's rate;
// - programmed contraction: an effector that has spent its division destiny is a short-lived effector and dies at
//   its own rate whatever IL-2 or antigen it has (memory cells excepted);
// - activation-induced death: a divided effector that signals on IL-2 while antigen restimulates it may die (Fas).
// Resting cells are kept by signals the model does not simulate (IL-7, IL-15). Rates per day. Called by step().

import { CellType, CELL_TYPE_NAMES } from "./cellTypes.ts";
import { uniform } from "./rng.ts";
import { CellFlag, markDead, perTick, Why, type World } from "./world.ts";

/** Death rate per day of an activated helper or killer: programmed contraction, activation-induced death and deprivation added up. */
function effectorRatePerDay(world: World, i: number): number {
  const c = world.cells, p = world.params;
  if (c.flags[i] & CellFlag.memory) return 0;
  if ((world.tick - c.activatedTick[i]) * world.dtH < p.firstDivisionHours) return 0;
  const spent = c.autoDivisions[i] === 0 && c.il2Divisions[i] === 0;
  let rate = spent ? p.terminalEffectorDeathPerDay : 0;
  // IL-2 primes a cycling effector for death when antigen stimulates it again (activation-induced cell death)
  if (c.divisions[i] > 0) rate += p.aicdPerDay * c.pstat5[i] * c.antigen[i];
  // TCR signals keep an effector alive for a while after each antigen contact; out of contact, it needs IL-2
  const inContact = (world.tick - c.lastAntigenTick[i]) * world.dtH < p.antigenSurvivalHours;
  if (!inContact && c.signal[i] < p.deprivationSignalLevel) rate += p.effectorDeprivationPerDay;
  return rate;
}

/** Death rate per day of a deprived Treg, NK cell or resting T cell that IL-2 made divide (deprive() checks both). */
function deprivationRatePerDay(world: World, i: number): number {
  const p = world.params;
  return world.cells.type[i] === CellType.treg ? p.tregDeprivationPerDay : p.expandedDeprivationPerDay;
}

export function deprive(world: World): void {
  const c = world.cells, rng = world.rng.death, dtH = world.dtH;
  const level = world.params.deprivationSignalLevel;
  const type = c.type, flags = c.flags, signal = c.signal, divisions = c.divisions;
  // many cells share a rate (the same spent-effector rate, say): the last rate's chance is kept, not worked out again
  let lastRate = -1, lastChance = 0;
  for (let i = 0; i < c.count; i++) {
    const t = type[i];
    if (t > CellType.nkDim || flags[i] & CellFlag.dead) continue;
    const effector = (t === CellType.cd4 || t === CellType.cd8) && (flags[i] & CellFlag.activated) !== 0;
    // a cell that is not an effector is at risk only when deprived and once IL-2 has made it divide
    if (!effector && (signal[i] >= level || divisions[i] === 0)) continue;
    const rate = effector ? effectorRatePerDay(world, i) : deprivationRatePerDay(world, i);
    if (rate === 0) continue;
    const deprived = signal[i] < level;
    if (deprived && c.why[i] !== Why.killing && c.why[i] !== Why.engagedAntigen) c.why[i] = Why.starving;
    if (rate !== lastRate) {
      lastRate = rate;
      lastChance = perTick(rate / 24, dtH);
    }
    if (uniform(rng) < lastChance) {
      markDead(world, i);
      const cause = deprived ? "IL-2 deprivation" : "programmed contraction or activation-induced death";
      world.events.push({ tick: world.tick, kind: "death", cellId: c.id[i], cellType: CELL_TYPE_NAMES[c.type[i]], cause, x: c.x[i], y: c.y[i] });
    }
  }
}
