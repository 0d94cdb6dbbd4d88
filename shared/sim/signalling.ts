// From IL-2 on the receptor to the cell's decisions: bound complexes → share of CD122 engaged → pSTAT5 (Hill) →
// a leaky integral (the signal) and banked division progress; pSTAT5 and antigen set CD25 (feedback).
// Concentrations pM, receptors in sites, time constants in hours. Called by step() after the field is updated.

import { CellType, isImmune } from "./cellTypes.ts";
import { highAffinitySites } from "./uptake.ts";
import { CellFlag, type World } from "./world.ts";

export function hill(x: number, half: number, n: number): number {
  if (x <= 0) return 0;
  const r = x / half;
  const xn = n === 3 ? r * r * r : n === 2 ? r * r : Math.pow(r, n);
  return xn / (1 + xn);
}

/** IL-2 bound to cell i's receptors (sites) at IL-2 concentration C (pM), with CD122-biased IL-2 at Cb (pM). */
export function boundSites(world: World, i: number, C: number, Cb: number): number {
  const p = world.params;
  const hi = highAffinitySites(world, i);
  const lo = world.cells.cd122[i] - hi;
  const b = Cb / p.cd122BiasedKdPm;
  const aHi = C / p.kdHighPm + b, aLo = C / p.kdIntPm + b;
  return (hi * aHi) / (1 + aHi) + (lo * aLo) / (1 + aLo);
}

/** pSTAT5 (0..1) from the share of the cell's CD122 that is engaged. */
export function pstat5FromBound(world: World, i: number, bound: number): number {
  const cd122 = world.cells.cd122[i];
  if (cd122 <= 0) return 0;
  return hill(bound / cd122, world.params.pstat5HalfEngaged, world.params.pstat5Hill);
}

export function signal(world: World): void {
  const c = world.cells, p = world.params, conc = world.field.c;
  const free = 1 - p.il2BlockFraction;
  const Cb = world.therapy.biasedPm;
  const dtH = world.dtH;
  const fSignal = 1 - Math.exp(-dtH / p.signalTauHours);
  const fCd25 = 1 - Math.exp(-dtH / p.cd25TauHours);
  for (let i = 0; i < c.count; i++) {
    const t = c.type[i];
    if (!isImmune(t) || c.flags[i] & CellFlag.dead) continue;
    const C = conc[c.voxel[i]] * free;
    const bound = boundSites(world, i, C, Cb);
    const s = pstat5FromBound(world, i, bound);
    c.bound[i] = bound;
    c.pstat5[i] = s;
    c.signal[i] += (s - c.signal[i]) * fSignal;
    const activated = (c.flags[i] & CellFlag.activated) !== 0;
    c.progress[i] += s * dtH;

    let cd25Target = c.cd25Rest[i];
    let cd122Target = c.cd122Rest[i];
    if (t === CellType.treg) {
      cd25Target = c.cd25Rest[i] * (1 + p.tregCd25Amplification * s);
    } else if (activated) {
      // helpers and killers: an on/off switch held by antigen or by strong pSTAT5
      const base = t === CellType.cd4 ? p.cd4Cd25 : p.cd8Cd25;
      const variation = base > 0 ? c.cd25Rest[i] / base : 1;
      const hours = (world.tick - c.activatedTick[i]) * dtH;
      const induced = hours >= p.cd25InductionDelayHours ? p.cd25AntigenDrive * c.antigen[i] : 0;
      const drive = Math.max(induced, hill(s, 0.5, p.cd25FeedbackHill));
      cd25Target = c.cd25Rest[i] + (p.activatedCd25 * variation - c.cd25Rest[i]) * drive;
      cd122Target = Math.max(c.cd122Rest[i], p.activatedCd122 * variation);
    }
    c.cd25[i] += (cd25Target - c.cd25[i]) * fCd25;
    c.cd122[i] += (cd122Target - c.cd122[i]) * fCd25;
  }
}
