// Saturable receptor uptake of IL-2 through two channels, high-affinity CD25·CD122·CD132 and intermediate CD122·CD132,
// linearised at the current concentration for the implicit field update, then each cell is handed what it removed.
// J = k_endo·[R_hi·C/(K_hi+C) + R_int·C/(K_int+C)] molecules/s. Called by step() around reactField.

import { CellType, isImmune } from "./cellTypes.ts";
import { pairedSites } from "./receptors.ts";
import { CellFlag, type World } from "./world.ts";

/** High-affinity sites: CD122 paired with the CD25 that anti-CD25 leaves free (never more than either chain). */
export function highAffinitySites(world: World, i: number): number {
  const c = world.cells;
  return pairedSites(c.cd25[i] * (1 - world.therapy.antiCd25), c.cd122[i], world.params.cd25PairingSites);
}

export function fillUptake(world: World): void {
  const c = world.cells, p = world.params, f = world.field;
  const up = f.uptake, conc = f.c;
  up.fill(0);
  const free = 1 - p.il2BlockFraction;
  const k = p.kEndoPerS * f.pmPerMolecule * free;
  // Per-tick constants read once; same arithmetic as
  // highAffinitySites() step by step.
  const kdHigh = p.kdHighPm, kdInt = p.kdIntPm, pairing = p.cd25PairingSites, unblocked = 1 - world.therapy.antiCd25;
  const type = c.type, flags = c.flags, voxel = c.voxel, cd25s = c.cd25, cd122s = c.cd122, uptakeRate = c.uptakeRate;
  for (let i = 0, n = c.count; i < n; i++) {
    if (!isImmune(type[i]) || flags[i] & CellFlag.dead) {
      uptakeRate[i] = 0;
      continue;
    }
    const v = voxel[i];
    const C = conc[v] * free;
    const cd25 = cd25s[i] * unblocked, cd122 = cd122s[i];
    const hi = pairedSites(cd25, cd122, pairing);
    const lo = cd122 - hi;
    const rate = k * (hi / (kdHigh + C) + lo / (kdInt + C));
    uptakeRate[i] = rate;
    up[v] += rate;
  }
}

/** Each cell internalised k_i·Σ dt·C over the tick's sub-steps; the ledger keeps the total and each type's share. */
export function handOutUptake(world: World): void {
  const c = world.cells, exposure = world.field.exposure, pm = world.field.pmPerMolecule;
  const byType = world.ledger.capturedByType, type = c.type, uptakeRate = c.uptakeRate, voxel = c.voxel, captured = c.captured;
  // each immune type's sum (cd4 … nkDim, in cell order within each), indexed by type rather than chosen by a switch
  // that cells of mixed types in index order would keep mispredicting; only immune cells have a rate
  const sums = new Float64Array(CellType.nkDim + 1);
  let total = 0;
  for (let i = 0; i < c.count; i++) {
    const rate = uptakeRate[i];
    if (rate === 0) continue;
    const molecules = (rate * exposure[voxel[i]]) / pm;
    captured[i] += molecules;
    total += molecules;
    const t = type[i];
    sums[t <= CellType.nkDim ? t : CellType.nkDim] += molecules;
  }
  world.ledger.internalised += total;
  byType[CellType.cd4] += sums[CellType.cd4];
  byType[CellType.cd8] += sums[CellType.cd8];
  byType[CellType.treg] += sums[CellType.treg];
  byType[CellType.nkBright] += sums[CellType.nkBright];
  byType[CellType.nkDim] += sums[CellType.nkDim];
}
