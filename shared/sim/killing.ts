// Killing: activated CD8 killers on cells that show their antigen, in proportion to the antigen's strength and to the
// killer's IL-2 signal (faster when two or more touch the same target), and NK cells on infected and MHC-low tumour
// cells, harder with more IL-2 signal; on tumour cells, only for the share of time this patient's tumour lets them in.
// Rates per hour.
// Marks victims dead (removed at the end of the tick). Called by step() after signalling.

import { anyInReach, bit, nearestOfTypes } from "./cellLists.ts";
import { CellType, CELL_TYPE_NAMES } from "./cellTypes.ts";
import { exhaustion } from "./exhaustion.ts";
import { uniform } from "./rng.ts";
import { CellFlag, markDead, perTick, Why, type World } from "./world.ts";

export const CTL_TARGETS = bit(CellType.infected) | bit(CellType.tumour) | bit(CellType.islet);
const NK_TARGETS = bit(CellType.infected) | bit(CellType.tumourHidden) | bit(CellType.tumour);

/**
 * world.targetOf[i] of a killer T cell that was not an activated killer when contactAntigen() looked (it found the
 * targets of those that were, in the same walk of the voxel lists): kill() looks for itself.
 */
export const NOT_LOOKED = -2;

function killerTarget(world: World, i: number): number {
  const c = world.cells, t = c.type[i];
  if (c.flags[i] & CellFlag.dead) return -1;
  const B = world.blocks;
  if (t === CellType.cd8 && c.flags[i] & CellFlag.activated) {
    return anyInReach(world, B.antigen, c.x[i], c.y[i]) ? nearestOfTypes(world, i, c.x[i], c.y[i], CTL_TARGETS) : -1;
  }
  if ((t === CellType.nkBright || t === CellType.nkDim) && c.flags[i] & CellFlag.canKill) {
    return anyInReach(world, B.threat, c.x[i], c.y[i]) ? nearestOfTypes(world, i, c.x[i], c.y[i], NK_TARGETS) : -1;
  }
  return -1;
}

export function kill(world: World): void {
  const c = world.cells, p = world.params, rng = world.rng.kill, dtH = world.dtH;
  const targetOf = world.targetOf, hits = world.hitCount;
  const n = c.count;
  const unsignalled = p.ctlUnsignalledPotency, selfStrength = p.selfAntigenStrength;
  const infiltration = world.patient.tumourInfiltration;
  hits.fill(0, 0, n);
  // killerTarget for every cell, with the tick's columns read once; only killers (activated CD8, killing NK) look
  const type = c.type, flags = c.flags;
  for (let i = 0; i < n; i++) {
    const t = type[i], f = flags[i];
    const looks = (t === CellType.cd8 && (f & CellFlag.activated) !== 0)
      || ((t === CellType.nkBright || t === CellType.nkDim) && (f & CellFlag.canKill) !== 0);
    // activated killers' targets were found by contactAntigen() this tick (targetOf), unless activated since
    const j = !looks ? -1
      : t === CellType.cd8 && !(f & CellFlag.dead) && targetOf[i] !== NOT_LOOKED ? targetOf[i]
      : killerTarget(world, i);
    targetOf[i] = j;
    if (j >= 0 && t === CellType.cd8 && hits[j] < 255) hits[j]++;
  }
  for (let i = 0; i < n; i++) {
    const j = targetOf[i];
    if (j < 0 || c.flags[j] & CellFlag.dead) continue;
    const tj = c.type[j];
    let rate: number;
    if (c.type[i] === CellType.cd8) {
      const shown = tj === CellType.islet ? selfStrength : tj === CellType.tumour ? c.strength[j] : 1;
      // perforin and granzyme B follow the killer's IL-2 signal (STAT5): a starved killer kills weakly
      // and an exhausted killer has lost part of it
      const potency = (unsignalled + (1 - unsignalled) * c.signal[i])
        * (1 - p.exhaustedKillingLoss * exhaustion(world, i));
      rate = (tj === CellType.islet ? p.selfKillPerHour : p.ctlKillPerHour) * shown * potency
        * (hits[j] >= 2 ? p.ctlCooperation : 1);
    } else {
      rate = p.nkKillPerHour * (1 + p.nkKillIl2Boost * c.pstat5[i]) * (tj === CellType.tumour ? p.nkMhcSparing : 1);
    }
    // a "cold" tumour keeps killers at its edge: they reach its cells for only part of the time
    if (tj === CellType.tumour || tj === CellType.tumourHidden) rate *= infiltration;
    c.why[i] = Why.killing;
    if (uniform(rng) < perTick(rate, dtH)) {
      markDead(world, j);
      c.kills[i]++;
      world.counters.kills++;
      world.events.push({
        tick: world.tick, kind: "kill", cellId: c.id[j], cellType: CELL_TYPE_NAMES[tj],
        byId: c.id[i], byType: CELL_TYPE_NAMES[c.type[i]],
        x: c.x[j], y: c.y[j],
      });
    }
  }
}
