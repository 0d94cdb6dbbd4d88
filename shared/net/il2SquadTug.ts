// The IL-2 tug-of-war per squad, for a class whose students each command their own clone: each squad's share of all
// the IL-2 immune cells captured over the same window as the cell-type bar (TUG_WINDOW_HOURS, windowOf in il2Tug.ts).
// A squad's capture is cumulative: what its living cells hold (cells.captured, which never falls: a daughter starts
// at 0) plus what its dead cells had taken (RoleLedger's capturedByDead). Cells in no squad count in the total only.
// Pure. Written to the HUD by server/rooms/il2SquadTugSync.ts; read by client/src/ui/il2SquadTugView.ts.

import { CellFlag, type World } from "../sim/index.ts";
import { isImmune } from "../sim/cellTypes.ts";
import { windowOf } from "./il2Tug.ts";

/**
 * A squad's share changes on the wire only when it moves by at least this many tenths of a percent (or reaches 0):
 * coarser than the cell-type bar's step, as squads are many and shown as whole percents.
 */
export const SQUAD_TUG_STEP_PERMILLE = 10;

/** The next value to send for a squad's share, in tenths of a percent: the old one unless it moved by the step. */
export function nextSquadPermille(old: number, share: number): number {
  const now = Math.round(Math.min(1, Math.max(0, share)) * 1000);
  if (now === old) return old;
  if (now === 0 || now === 1000 || old === 0 || Math.abs(now - old) >= SQUAD_TUG_STEP_PERMILLE) return now;
  return old;
}

/** IL-2 captured so far, keyed by squad number (as a string) and TOTAL, at one moment of the round. */
export interface SquadCaptureSample { tick: number; day: number; values: Record<string, number> }

/** The value key of the total in a squad sample (squads are keyed by their number as a string). */
const TOTAL = "all";

/**
 * IL-2 molecules captured so far by each squad (key: squad number) and by every immune cell (key "all"), as a sample
 * windowOf() can read. `capturedByDead(squad)` gives what the squad's dead cells had taken.
 */
export function squadCaptureSample(world: World, day: number, capturedByDead: (squad: number) => number, deadSquads: Iterable<number>): SquadCaptureSample {
  const c = world.cells, values: Record<string, number> = {};
  let total = 0;
  for (let i = 0; i < c.count; i++) {
    if (c.flags[i] & CellFlag.dead || !isImmune(c.type[i])) continue;
    const got = c.captured[i];
    total += got;
    const sq = c.squad[i];
    if (sq > 0) values[sq] = (values[sq] ?? 0) + got;
  }
  for (const sq of deadSquads) {
    const dead = capturedByDead(sq);
    if (dead <= 0) continue;
    total += dead;
    if (sq > 0) values[sq] = (values[sq] ?? 0) + dead;
  }
  values[TOTAL] = total;
  return { tick: world.tick, day, values };
}

/** Each squad's share (0..1) of all the IL-2 captured over the window ending at the latest sample; empty before any. */
export function squadShares(samples: readonly SquadCaptureSample[]): Map<number, number> {
  const { from, to } = windowOf(samples);
  const out = new Map<number, number>();
  if (!to) return out;
  const total = (to.values[TOTAL] ?? 0) - (from?.values[TOTAL] ?? 0);
  for (const key of Object.keys(to.values)) {
    if (key === TOTAL) continue;
    // A squad folded into another (a student left) loses its count: a fall is taken as nothing caught.
    const took = Math.max(0, to.values[key] - (from?.values[key] ?? 0));
    out.set(Number(key), total > 0 ? Math.min(1, took / total) : 0);
  }
  return out;
}

/** Keeps the squad samples a window needs: the newest, and the one at least the window before it. */
export function trimSamples(samples: SquadCaptureSample[], windowHours: number): void {
  const last = samples[samples.length - 1];
  if (!last) return;
  const start = last.day - windowHours / 24;
  let keepFrom = 0;
  for (let k = samples.length - 1; k >= 0; k--) if (samples[k].day <= start) { keepFrom = k; break; }
  if (keepFrom > 0) samples.splice(0, keepFrom);
}
