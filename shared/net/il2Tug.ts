// The IL-2 tug-of-war as the wire carries it: which groups pull (helpers, killers, Tregs, NK cells, as the model's
// il2.captureShare.* metrics name them), the window they are measured over, and the shares computed from the model's
// cumulative il2.captured.* metrics between two samples. Shares travel as whole tenths of a percent (0-1000).
// Pure. Used by the server's sync (server/rooms/il2TugSync.ts), the HUD bar, the projector and the kiosk.

import type { MetricName, MetricSample } from "../sim/index.ts";

export const TUG_GROUPS = ["cd4", "cd8", "treg", "nk"] as const;
export type TugGroup = (typeof TUG_GROUPS)[number];

/** Which captured-IL-2 metrics make up each group (NK cells: both kinds). */
const CAPTURED: Record<TugGroup, readonly MetricName[]> = {
  cd4: ["il2.captured.cd4"],
  cd8: ["il2.captured.cd8"],
  treg: ["il2.captured.treg"],
  nk: ["il2.captured.nkBright", "il2.captured.nkDim"],
};

/** The shares are of the IL-2 captured over this many simulated hours before the latest sample. */
export const TUG_WINDOW_HOURS = 6;

/** A share changes on the wire only when it moves by at least this many tenths of a percent (or reaches 0). */
export const TUG_STEP_PERMILLE = 5;

export type TugShares = Record<TugGroup, number>;

/** Each group's share (0..1) of the IL-2 captured between `from` and `to`; all 0 when nothing was captured. */
export function sharesBetween(from: MetricSample | undefined, to: MetricSample): TugShares {
  const took = {} as TugShares;
  let total = 0;
  for (const g of TUG_GROUPS) {
    let n = 0;
    for (const m of CAPTURED[g]) n += (to.values[m] ?? 0) - (from?.values[m] ?? 0);
    took[g] = Math.max(0, n);
    total += took[g];
  }
  for (const g of TUG_GROUPS) took[g] = total > 0 ? took[g] / total : 0;
  return took;
}

/** The sample at least TUG_WINDOW_HOURS before the last one (the first sample if the round is younger), and the last. */
export function windowOf<S extends { day: number }>(history: readonly S[]): { from: S | undefined; to: S | undefined } {
  const to = history[history.length - 1];
  if (!to) return { from: undefined, to };
  const startDay = to.day - TUG_WINDOW_HOURS / 24;
  // the history is in time order: search back from the end (a window is a few dozen samples)
  let k = history.length - 1;
  while (k > 0 && history[k].day > startDay) k--;
  return { from: history[k].day <= startDay && k < history.length - 1 ? history[k] : undefined, to };
}

/** The shares over the window ending at the latest sample (the round's start if it is younger than the window). */
export function latestShares(history: readonly MetricSample[]): TugShares | undefined {
  const { from, to } = windowOf(history);
  return to ? sharesBetween(from, to) : undefined;
}

/** The next value to send for a share, in tenths of a percent: the old one unless it moved by TUG_STEP_PERMILLE. */
export function nextPermille(old: number, share: number): number {
  const now = Math.round(Math.min(1, Math.max(0, share)) * 1000);
  if (now === old) return old;
  if (now === 0 || now === 1000 || old === 0 || Math.abs(now - old) >= TUG_STEP_PERMILLE) return now;
  return old;
}
