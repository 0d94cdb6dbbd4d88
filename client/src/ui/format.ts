// Number and clock formatting for the HUD, the microscope and the debrief: simulated days as "Day 2, 14:00", IL-2
// in pM or nM, shares as percentages. Pure functions (tested in Node by test/unit/uiFormat.test.ts).

/** The clock ("Day 1, 00:00" at the start): one day count everywhere, defined in shared/net/dayClock.ts. */
export { formatClock } from "../../../shared/net/dayClock.ts";

/**
 * IL-2 concentration, picking pM or nM so the number stays short: "0.3 pM", "42 pM", "1.5 nM"; traces below
 * 0.01 pM read "<0.01 pM" (never "1.2e-7 pM", and the phone's top bar keeps its width).
 */
export function formatPm(pm: number): string {
  if (!Number.isFinite(pm) || pm <= 0) return "0 pM";
  if (pm < 0.01) return "<0.01 pM";
  if (pm >= 1000) return `${trim(pm / 1000)} nM`;
  return `${trim(pm)} pM`;
}

/** Mean and peak IL-2 for the top bar, the unit said once when both share it: "0.3 / 5 pM", "0.8 pM / 1.5 nM". */
export function formatPmPair(meanPm: number, peakPm: number): string {
  const a = formatPm(meanPm), b = formatPm(peakPm);
  const unit = (t: string) => t.slice(-2);
  return unit(a) === unit(b) ? `${a.slice(0, -3)} / ${b}` : `${a} / ${b}`;
}

/** Two significant figures below 10, whole numbers above. */
export function trim(v: number): string {
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 10) return String(Math.round(v));
  if (a >= 1) return (Math.round(v * 10) / 10).toString();
  return Number(v.toPrecision(2)).toString();
}

/** A 0..1 share as a whole percentage ("12%"); shares below 1% but above 0 show as "<1%". */
export function formatShare(share: number): string {
  if (!Number.isFinite(share) || share <= 0) return "0%";
  if (share < 0.01) return "<1%";
  return `${Math.round(share * 100)}%`;
}

/** Whole counts with thousands separators ("1,204"). */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** Ticks until a card is ready, as simulated hours ("ready in 5 h"), or "ready". */
export function formatCooldown(readyTick: number, tick: number, ticksPerHour: number): string {
  const left = readyTick - tick;
  if (left <= 0) return "ready";
  const hours = left / ticksPerHour;
  return hours >= 1 ? `ready in ${Math.ceil(hours)} h` : `ready in ${Math.max(1, Math.ceil(hours * 60))} min`;
}
