// The short text description of the situation that the screen-reader live region speaks every few seconds:
// what changed since the last description, in plain words, and not before the round's first real figures have
// arrived (a first summary of all zeros says nothing true). Pure (test/unit/uiFormat.test.ts). Used by liveRegion.ts.

import { outcomeWords } from "../../../shared/net/outcomeWords.ts";
import { formatClock, formatPm, formatShare } from "./format.ts";

export interface SituationFigures {
  day: number;
  cd4: number;
  cd8: number;
  treg: number;
  nk: number;
  threat: number;
  /** How the threat is named aloud ("Threat", counted in cells; in autoimmunity, the activated self-reactive killers). */
  threatName?: string;
  damage: number; // 0..1
  leak: number; // 1 is the dose-limiting line
  il2MeanPm: number;
  il2MaxPm: number;
  paused: boolean;
  outcome: string;
  /** The IL-2 tug-of-war's sentence (il2TugWords.ts), once some IL-2 has been captured. */
  il2Tug?: string;
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
  if (now.outcome !== "ongoing") {
    const words = outcomeWords(now.outcome);
    parts.push(`Round over: ${words.charAt(0).toLowerCase()}${words.slice(1)}.`);
  }
  const threatTrend = trend(now.threat, before?.threat);
  parts.push(`${now.threatName ? `${now.threatName}: ${now.threat}` : `Threat ${now.threat} cells`}${threatTrend ? `, ${threatTrend}` : ""}.`);
  const killerTrend = trend(now.cd8, before?.cd8);
  parts.push(`Killer T cells ${now.cd8}${killerTrend ? ` (${killerTrend})` : ""}, helper T cells ${now.cd4}, Tregs ${now.treg}, NK cells ${now.nk}.`);
  parts.push(`IL-2 peak ${formatPm(now.il2MaxPm)}.`);
  if (now.il2Tug) parts.push(now.il2Tug);
  if (now.damage >= 0.01) parts.push(`Tissue lost ${formatShare(now.damage)}.`);
  if (now.leak >= 0.5) parts.push(now.leak >= 1 ? "Vascular leak past the dose-limiting line." : `Vascular leak at ${formatShare(now.leak)} of the limit.`);
  return parts.join(" ");
}

/**
 * True once the synced state holds the round's figures: the room has sent its cells and the model's first metrics
 * sample (a round has immune cells; before the first sample every HUD figure is still its default 0).
 */
export function hasFirstFigures(st: { cellCount: number; hud?: { cd4: number; cd8: number; treg: number; nk: number } } | undefined | null): boolean {
  const hud = st?.hud;
  return !!st && !!hud && st.cellCount > 0 && hud.cd4 + hud.cd8 + hud.treg + hud.nk > 0;
}
