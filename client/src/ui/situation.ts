// The short text description of the situation that the screen-reader live region speaks every few seconds:
// what changed since the last description, in plain words. Pure (test/unit/uiSituation.test.ts). Used by hud.ts.

import { formatClock, formatPm, formatShare } from "./format.ts";

export interface SituationFigures {
  day: number;
  helpers: number;
  killers: number;
  tregs: number;
  nk: number;
  threat: number;
  damage: number; // 0..1
  leak: number; // 1 is the dose-limiting line
  il2MeanPm: number;
  il2MaxPm: number;
  paused: boolean;
  outcome: string;
}

/** A trend word for a count: rising/falling only beyond a 10% (and at least 2) change, so noise stays quiet. */
export function trend(now: number, before: number | undefined): string {
  if (before === undefined) return "";
  const change = now - before;
  if (Math.abs(change) < Math.max(2, before * 0.1)) return "steady";
  return change > 0 ? "rising" : "falling";
}

/** One or two sentences: clock, threat and its trend, the T-cell armies, IL-2, damage and leak if notable. */
export function describeSituation(now: SituationFigures, before?: SituationFigures): string {
  const parts: string[] = [];
  parts.push(`${formatClock(now.day)}${now.paused ? ", paused" : ""}.`);
  if (now.outcome !== "ongoing") parts.push(`Round over: ${now.outcome}.`);
  const threatTrend = trend(now.threat, before?.threat);
  parts.push(`Threat ${now.threat} cells${threatTrend ? `, ${threatTrend}` : ""}.`);
  const killerTrend = trend(now.killers, before?.killers);
  parts.push(`Killers ${now.killers}${killerTrend ? ` (${killerTrend})` : ""}, helpers ${now.helpers}, Tregs ${now.tregs}, NK ${now.nk}.`);
  parts.push(`IL-2 peak ${formatPm(now.il2MaxPm)}.`);
  if (now.damage >= 0.01) parts.push(`Tissue lost ${formatShare(now.damage)}.`);
  if (now.leak >= 0.5) parts.push(now.leak >= 1 ? "Vascular leak past the dose-limiting line." : `Vascular leak at ${formatShare(now.leak)} of the limit.`);
  return parts.join(" ");
}
