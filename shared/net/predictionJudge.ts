// Judges a prediction from the round's own metrics (never from a stored answer): which choice happened, the numbers
// that show it, and one line tying it to IL-2. Directions and thresholds only, so it holds whatever the model's
// numbers. Pure; called by the server's prediction desk at the end of a round, and by tests.

import type { MetricName, MetricSample } from "../sim/index.ts";
import { onDay } from "./dayClock.ts";
import { shareOfLine } from "./leakShare.ts";
import { choiceText, SMALLER_SHARE, type PredictionQuestion } from "./predictions.ts";

export interface PredictionResult {
  question: string;
  questionText: string;
  predicted: string;
  predictedText: string;
  /** The choice that happened; null when this run cannot tell (no high dose was given, no IL-2 was captured). */
  happened: string | null;
  happenedText: string;
  right: boolean | null;
  /** What happened, in numbers from this run. */
  numbers: string;
  /** One line tying what happened to IL-2. */
  explain: string;
}

/** What happened for one question in this run: the choice (or null) and the numbers, and the explanation. */
export interface Observed { happened: string | null; numbers: string; explain: string }

const val = (s: MetricSample | undefined, name: MetricName) => s?.values[name] ?? 0;

const round = (x: number) => Math.round(x);
const pctOf = (x: number) => `${Math.round(x * 100)}%`;

/** Leak rise (score) below which high-dose IL-2 counts as leaving the meter flat. */
export const LEAK_FLAT = 0.05;
/** Change in the share of Tregs hearing IL-2 within which low-dose IL-2 counts as leaving it about the same. */
export const SHARE_SAME = 0.05;
/** Change in killer T cells within which high-dose IL-2 counts as leaving them about the same (±10%). */
export const SAME_BAND = 0.1;

export function observe(q: PredictionQuestion, history: readonly MetricSample[]): Observed {
  const last = history.at(-1);
  switch (q.id) {
    case "clearance": {
      let peak = 0, peakDay = 0;
      for (const s of history) if (val(s, "threat.burden") > peak) { peak = val(s, "threat.burden"); peakDay = s.day; }
      const end = val(last, "threat.burden");
      const happened = peak === 0 ? null : end === 0 ? "cleared" : end <= SMALLER_SHARE * peak ? "smaller" : "growing";
      return {
        happened,
        numbers: `${round(end)} ${q.cells ?? "threat cells"} at the end; ${round(peak)} at the worst (${onDay(peakDay)}).`,
        explain: "Killer T cells clear the threat faster once IL-2 has made their clone divide and signal (pSTAT5): helpers clustered at dendritic cells make that IL-2, scattered ones fizzle.",
      };
    }
    case "islets": {
      const lost = val(last, "tissue.damage");
      return {
        happened: lost < 0.05 ? "little" : lost < 0.2 ? "some" : "much",
        numbers: `${pctOf(lost)} of the islet tissue was lost.`,
        explain: "Tregs soak up IL-2 near the islets, so self-reactive killer T cells that are only weakly switched on are starved of it: the islets are spared.",
      };
    }
    case "il2Winner": {
      const took: Record<string, number> = {
        cd4: val(last, "il2.captured.cd4"), cd8: val(last, "il2.captured.cd8"), treg: val(last, "il2.captured.treg"),
        nk: val(last, "il2.captured.nkBright") + val(last, "il2.captured.nkDim"),
      };
      const total = Object.values(took).reduce((a, b) => a + b, 0);
      if (total <= 0) return { happened: null, numbers: "No cell captured any IL-2 in this round.", explain: WINNER_WHY.none };
      const winner = Object.keys(took).reduce((a, b) => (took[b] > took[a] ? b : a));
      const parts = q.choices.map((c) => `${c.text} ${pctOf(took[c.id] / total)}`);
      return { happened: winner, numbers: `Shares of all the IL-2 captured: ${parts.join(", ")}.`, explain: WINNER_WHY[winner] };
    }
    case "highDoseLeak":
    case "highDoseKillers": {
      const at = history.findIndex((s) => val(s, "therapy.highDosePm") > 0);
      if (at < 0) return { happened: null, numbers: "No high-dose IL-2 was given in this round, so there is nothing to compare.", explain: q.id === "highDoseLeak" ? LEAK_WHY : KILLERS_WHY };
      const dose = history[at];
      if (q.id === "highDoseLeak") {
        const before = at > 0 ? val(history[at - 1], "toxicity.leak") : 0;
        let top = before;
        for (let i = at; i < history.length; i++) top = Math.max(top, val(history[i], "toxicity.leak"));
        const happened = top >= 1 ? "over" : top - before >= LEAK_FLAT ? "rise" : "flat";
        return { happened, numbers: `The leak meter went from ${shareOfLine(before)} of the dose-limiting line before the first dose (${onDay(dose.day)}) to ${shareOfLine(top)} at its highest.`, explain: LEAK_WHY };
      }
      let j = at;
      while (j + 1 < history.length && history[j + 1].day <= dose.day + 2) j++;
      if (j === at) return { happened: null, numbers: "The round ended too soon after the first dose to tell.", explain: KILLERS_WHY };
      const n0 = val(dose, "count.cd8"), n1 = val(history[j], "count.cd8");
      const change = n0 > 0 ? n1 / n0 - 1 : n1 > 0 ? 1 : 0;
      const happened = change > SAME_BAND ? "more" : change < -SAME_BAND ? "fewer" : "same";
      return { happened, numbers: `Killer T cells: ${round(n0)} at the first dose (${onDay(dose.day)}), ${round(n1)} on ${onDay(history[j].day)}.`, explain: KILLERS_WHY };
    }
    case "lowDoseTregs": {
      const at = history.findIndex((s) => val(s, "therapy.lowDosePm") > 0);
      if (at < 0) return { happened: null, numbers: "No low-dose IL-2 was given in this round, so there is nothing to compare.", explain: LOW_DOSE_WHY };
      const d0 = history[at].day;
      const mean = (from: number, to: number) => {
        const xs = history.filter((s) => s.day >= from && s.day < to).map((s) => val(s, "pstat5.treg"));
        return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
      };
      const before = mean(d0 - 1, d0), after = mean(d0, d0 + 1);
      if (before === null || after === null || history.at(-1)!.day < d0 + 0.5) {
        return { happened: null, numbers: "The round ended too soon after the first dose (or it came at the very start) to compare.", explain: LOW_DOSE_WHY };
      }
      const happened = after - before > SHARE_SAME ? "more" : before - after > SHARE_SAME ? "fewer" : "same";
      return { happened, numbers: `Tregs hearing IL-2: ${pctOf(before)} in the day before the first dose (${onDay(d0)}), ${pctOf(after)} in the day after.`, explain: LOW_DOSE_WHY };
    }
  }
}

/** The full result for a player who chose `predicted`. */
export function judge(q: PredictionQuestion, predicted: string, history: readonly MetricSample[]): PredictionResult {
  const o = observe(q, history);
  return {
    question: q.id, questionText: q.text, predicted, predictedText: choiceText(q, predicted),
    happened: o.happened, happenedText: o.happened ? choiceText(q, o.happened) : "This run cannot tell",
    right: o.happened === null ? null : o.happened === predicted, numbers: o.numbers, explain: o.explain,
  };
}

const WINNER_WHY: Record<string, string> = {
  cd4: "Switched-on helpers make the IL-2 and, through pSTAT5, more CD25 for themselves: they sit in their own IL-2 cloud holding the high-affinity receptor.",
  cd8: "Switched-on killer T cells make CD25 too; once IL-2 has made their clone divide, their many cells together take most of the IL-2 around them.",
  treg: "Tregs carry the high-affinity receptor (CD25 with CD122 and CD132) all the time, so they catch IL-2 even where there is very little: a sink that leaves less for weakly switched-on cells.",
  nk: "NK cells carry many CD122 chains (most in the intermediate receptor, which needs a lot of IL-2), so they take a big share where IL-2 is high, as after a high dose.",
  none: "No helper was switched on by antigen, so nobody made IL-2 for the others to capture.",
};
const LEAK_WHY = "High-dose IL-2 floods every receptor, including those on the cells lining blood vessels: they leak, and the ward holds back the next dose while the meter is over the dose-limiting line.";
const LOW_DOSE_WHY = "Low-dose IL-2 stays in the range only the high-affinity receptor hears: Tregs carry it all the time, so they signal (pSTAT5) and, over weeks, multiply, while resting killer T cells and most NK cells (the CD56dim ones), which need far more IL-2, barely notice.";
const KILLERS_WHY = "At high dose even the intermediate receptor (CD122 with CD132) on killer T cells is filled, so they get a strong pSTAT5 signal to survive, divide and kill.";
