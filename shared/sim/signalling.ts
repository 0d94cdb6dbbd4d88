// From IL-2 on the receptor to the cell's decisions: IL-2-bound receptors → pSTAT5 (Hill in the number bound, with
// each type's own sensitivity) → a leaky integral (the signal) and banked division progress; pSTAT5 and antigen set
// CD25 (feedback). Concentrations pM, receptors in sites, time constants in hours. Called by step() after the field.

import { CellType, isImmune } from "./cellTypes.ts";
import type { Params } from "./params.ts";
import { pairedSites } from "./receptors.ts";
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

/**
 * Bound receptors that give half-maximal pSTAT5, by type: resting cells of each type have their own (set so that each
 * type's measured EC50 comes out of its own receptor numbers), an activated helper or killer (a blast) the blasts'.
 */
export function pstat5HalfBound(p: Params, type: number, activated: boolean): number {
  if (activated) return p.pstat5HalfBoundBlast;
  switch (type) {
    case CellType.treg: return p.pstat5HalfBoundTreg;
    case CellType.cd4: return p.pstat5HalfBoundCd4;
    case CellType.cd8: return p.pstat5HalfBoundCd8;
    case CellType.nkBright: return p.pstat5HalfBoundNkBright;
    default: return p.pstat5HalfBoundNkDim;
  }
}

/** pSTAT5 (0..1) of cell i with `bound` IL-2-bound receptors. */
export function pstat5FromBound(world: World, i: number, bound: number): number {
  const c = world.cells, t = c.type[i];
  const activated = (t === CellType.cd4 || t === CellType.cd8) && (c.flags[i] & CellFlag.activated) !== 0;
  return hill(bound, pstat5HalfBound(world.params, t, activated), world.params.pstat5Hill);
}

export function signal(world: World): void {
  const c = world.cells, p = world.params, conc = world.field.c;
  const free = 1 - p.il2BlockFraction;
  const Cb = world.therapy.biasedPm;
  const dtH = world.dtH;
  const fSignal = 1 - Math.exp(-dtH / p.signalTauHours);
  const fCd25 = 1 - Math.exp(-dtH / p.cd25TauHours);
  // per-tick constants, read once; the arithmetic below is boundSites and pstat5FromBound step by step, so results are identical
  const unblocked = 1 - world.therapy.antiCd25, pairing = p.cd25PairingSites;
  const kdHigh = p.kdHighPm, kdInt = p.kdIntPm, b = Cb / p.cd122BiasedKdPm;
  const pstat5N = p.pstat5Hill;
  const tregAmp = p.tregCd25Amplification, cd4Cd25 = p.cd4Cd25, cd8Cd25 = p.cd8Cd25;
  const delayHours = p.cd25InductionDelayHours, antigenDrive = p.cd25AntigenDrive, feedbackN = p.cd25FeedbackHill;
  const activatedCd25 = p.activatedCd25, activatedCd122 = p.activatedCd122, tick = world.tick;
  const type = c.type, flags = c.flags, voxel = c.voxel, cd25 = c.cd25, cd122 = c.cd122;
  const cd25Rest = c.cd25Rest, cd122Rest = c.cd122Rest, sig = c.signal, progress = c.progress;
  for (let i = 0; i < c.count; i++) {
    const t = type[i];
    if (!isImmune(t) || flags[i] & CellFlag.dead) continue;
    const C = conc[voxel[i]] * free;
    const r122 = cd122[i], r25 = cd25[i] * unblocked;
    const hi = pairedSites(r25, r122, pairing);
    const lo = r122 - hi;
    const aHi = C / kdHigh + b, aLo = C / kdInt + b;
    const bound = (hi * aHi) / (1 + aHi) + (lo * aLo) / (1 + aLo);
    const blast = (t === CellType.cd4 || t === CellType.cd8) && (flags[i] & CellFlag.activated) !== 0;
    const s = hill(bound, pstat5HalfBound(p, t, blast), pstat5N);
    c.bound[i] = bound;
    c.pstat5[i] = s;
    sig[i] += (s - sig[i]) * fSignal;
    progress[i] += s * dtH;

    let cd25Target = cd25Rest[i];
    let cd122Target = cd122Rest[i];
    if (t === CellType.treg) {
      cd25Target = cd25Rest[i] * (1 + tregAmp * s);
    } else if (blast) {
      // helpers and killers: an on/off switch held by antigen (in proportion to its strength) or by strong pSTAT5
      const base = t === CellType.cd4 ? cd4Cd25 : cd8Cd25;
      const variation = base > 0 ? cd25Rest[i] / base : 1;
      const hours = (tick - c.activatedTick[i]) * dtH;
      const a = c.antigen[i];
      const induced = hours >= delayHours ? antigenDrive * a * a : 0;
      const drive = Math.max(induced, hill(s, 0.5, feedbackN));
      cd25Target = cd25Rest[i] + (activatedCd25 * variation - cd25Rest[i]) * drive;
      // CD122 rises on activation too, on the same delay as antigen-induced CD25
      if (hours >= delayHours) cd122Target = Math.max(cd122Rest[i], activatedCd122 * variation);
    }
    cd25[i] += (cd25Target - cd25[i]) * fCd25;
    cd122[i] += (cd122Target - cd122[i]) * fCd25;
  }
}
