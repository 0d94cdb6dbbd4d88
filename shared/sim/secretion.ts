// IL-2 secretion by activated helpers with its real timing: none for ~1 h, a burst peaking at ~6-8 h and fading by
// ~22 h, then a sustained trickle while antigen lasts; no antigen, no IL-2 (it stops within ~0.5 h of losing it).
// Molecules per second into the cell's voxel. Called by step() after antigen contact.

import { CellType } from "./cellTypes.ts";
import { exhaustion } from "./exhaustion.ts";
import type { Params } from "./params.ts";
import { CellFlag, type World } from "./world.ts";

/** Secretion relative to the peak, by hours since activation. */
export function secretionTiming(p: Params, hours: number, sustained = p.secretionSustainedFraction): number {
  if (hours < p.secretionStartHours) return 0;
  if (hours < p.secretionPeakHours) {
    return (hours - p.secretionStartHours) / (p.secretionPeakHours - p.secretionStartHours);
  }
  const plateauEnd = p.secretionPeakHours + p.secretionPlateauHours;
  if (hours < plateauEnd) return 1;
  if (hours < p.secretionEndHours) {
    const f = (hours - plateauEnd) / (p.secretionEndHours - plateauEnd);
    return 1 - f * (1 - sustained);
  }
  return sustained;
}

/**
 * Secretion after the burst, relative to the peak: the sustained trickle, raised toward the peak as far as
 * secretionFeedback says for a helper that gets no IL-2 signal of its own (IL-2 shuts off its own production through
 * STAT5, Villarino 2007). The shut-off is half complete at secretionFeedbackHalfSignal, so a helper that senses a little
 * IL-2 falls to the trickle while one whose CD25 is blocked keeps secreting (docs/model.md 2.11). With the feedback at
 * 0 exactly the trickle.
 */
export function sustainedShare(p: Params, signal: number): number {
  const s = p.secretionSustainedFraction;
  if (!(p.secretionFeedback > 0)) return s;
  const h = p.secretionFeedbackHalfSignal;
  const shutOff = h > 0 ? (signal * signal) / (h * h + signal * signal) : signal;
  return s + p.secretionFeedback * (1 - s) * (1 - shutOff);
}

/** Molecules/s a cell secretes now. */
export function secretionRate(world: World, i: number): number {
  const c = world.cells, p = world.params;
  if (c.type[i] !== CellType.cd4 || !(c.flags[i] & CellFlag.activated) || c.antigen[i] <= 0.01) return 0;
  const hours = (world.tick - c.activatedTick[i]) * world.dtH;
  const s = c.strength[i];
  const strong = 1 + (p.secretionStrongFold - 1) * s * s;
  // exhausted helpers lose IL-2 first of all their functions (Wherry 2011)
  return p.secretionMoleculesPerS * strong * c.antigen[i] * (1 - c.suppression[i]) * (1 - exhaustion(world, i))
    * secretionTiming(p, hours, sustainedShare(p, c.signal[i]));
}

export function secrete(world: World): void {
  const c = world.cells, src = world.field.source;
  src.fill(0);
  for (let i = 0; i < c.count; i++) {
    if (c.type[i] !== CellType.cd4 || c.flags[i] & CellFlag.dead) continue;
    const r = secretionRate(world, i);
    if (r > 0) src[c.voxel[i]] += r;
  }
}
