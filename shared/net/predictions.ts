// Predict, observe, explain: the questions a player may answer before a round (or before a therapy takes effect),
// each with a few choices the run can judge from its own metrics (predictionJudge.ts), and when each may be answered.
// Pure; words are the ones players see. Called by the server's prediction desk, the client's prediction panel and tests.

import type { Outcome, Scenario } from "../sim/index.ts";
import { daysLong } from "./dayClock.ts";
import { GROUP_WORDS } from "./groupWords.ts";
import { TUG_GROUPS } from "./il2Tug.ts";

/** Share of the peak below which the threat counts as smaller than at its worst (predictionJudge.ts; said in the choices). */
export const SMALLER_SHARE = 0.9;
const WITHIN = `${Math.round((1 - SMALLER_SHARE) * 100)}%`;

export type QuestionId = "clearance" | "islets" | "il2Winner" | "highDoseLeak" | "highDoseKillers" | "lowDoseTregs";

export interface PredictionChoice { id: string; text: string }

export interface PredictionQuestion {
  id: QuestionId;
  /** A few words for a table heading or a CSV column ("who takes the IL-2"). */
  short: string;
  text: string;
  choices: readonly PredictionChoice[];
  /** "round": answered before the round (or in its first tenth); a therapy: before its first dose is given. */
  before: "round" | "highDose" | "lowDose";
  /** What the threat's cells are called in this scenario ("infected cells"), for the numbers. */
  cells?: string;
}

/** A round question may be answered until this share of the round has passed (a solo round starts at once)... */
export const ROUND_QUESTION_OPEN_SHARE = 0.1;
/** ...but for at least half a simulated day (36 s at speed 1), and never past the middle of the round. */
export const ROUND_QUESTION_MIN_OPEN_DAYS = 0.5;

/** Simulated days from the start during which a round question may still be answered. */
export const roundQuestionOpenDays = (roundDays: number): number =>
  Math.min(Math.max(ROUND_QUESTION_OPEN_SHARE * roundDays, ROUND_QUESTION_MIN_OPEN_DAYS), roundDays / 2);

const WINNER: readonly PredictionChoice[] = TUG_GROUPS.map((id) => ({ id, text: GROUP_WORDS[id] }));

/** The three choices of a question about a change: more, about the same, fewer (in the question's own words). */
const moreSameFewer = (more: string, fewer: string): readonly PredictionChoice[] => [
  { id: "more", text: more },
  { id: "same", text: "About the same" },
  { id: "fewer", text: fewer },
];

/** The questions this scenario offers for a round of `days` simulated days, in the order the panel shows them. */
export function questionsFor(scenario: Pick<Scenario, "threat">, days: number): PredictionQuestion[] {
  const out: PredictionQuestion[] = [];
  const span = daysLong(days);
  const kind = scenario.threat.kind;
  if (kind === "virus" || kind === "tumour") {
    const what = kind === "virus" ? "infection" : "tumour";
    const cells = kind === "virus" ? "infected cells" : "tumour cells";
    out.push({
      id: "clearance", short: `${what} cleared`, before: "round", cells,
      text: `Will the ${what} be cleared within the round's ${span}?`,
      choices: [
        { id: "cleared", text: `Yes: no ${cells} left` },
        { id: "smaller", text: `No, but at least ${WITHIN} fewer ${cells} than at the worst` },
        { id: "growing", text: `No: within ${WITHIN} of its worst, or growing` },
      ],
    });
  }
  if (kind === "self") {
    out.push({
      id: "islets", short: "islet tissue lost", before: "round",
      text: `How much of the islet tissue will be lost within the round's ${span}?`,
      choices: [
        { id: "little", text: "Less than 5%" },
        { id: "some", text: "From 5% to 20%" },
        { id: "much", text: "More than 20%" },
      ],
    });
  }
  out.push({ id: "il2Winner", short: "who takes the IL-2", before: "round", text: "Which cells will capture the most IL-2 this round?", choices: WINNER });
  if (kind === "tumour" || kind === "none") {
    out.push({
      id: "highDoseLeak", short: "high dose: leak", before: "highDose",
      text: "What will high-dose IL-2 do to the vascular leak meter?",
      choices: [
        { id: "over", text: "Push it over the dose-limiting line" },
        { id: "rise", text: "Raise it, but not over the dose-limiting line" },
        { id: "flat", text: "Leave it flat" },
      ],
    });
    out.push({
      id: "highDoseKillers", short: "high dose: killers", before: "highDose",
      text: "What will high-dose IL-2 do to the number of killer T cells in the two days after the first dose?",
      choices: moreSameFewer("More killer T cells", "Fewer killer T cells"),
    });
  }
  if (kind === "self" || kind === "none") {
    out.push({
      id: "lowDoseTregs", short: "low dose: Tregs", before: "lowDose",
      text: "What will low-dose IL-2 do to the share of Tregs hearing IL-2 (pSTAT5-positive) in the day after the first dose?",
      choices: moreSameFewer("More Tregs hear it", "Fewer Tregs hear it"),
    });
  }
  return out;
}

/** What the questions' closing reads of a round now: its outcome, its simulated day, the doses given so far by therapy
 * (the round's figures carry them: server/rooms/model/roundView.ts). */
export interface RoundNow { readonly outcome: Outcome; readonly day: number; readonly doses: Readonly<Partial<Record<string, number>>> }

/** Null while the question may still be answered in the round as it is `now`; otherwise a sentence saying why not. */
export function closedBecause(q: PredictionQuestion, now: RoundNow, roundDays: number, started: boolean): string | null {
  if (now.outcome !== "ongoing") return "the round is over";
  if (q.before === "round") {
    return started && now.day >= roundQuestionOpenDays(roundDays) ? "predictions about the round are made before it gets going" : null;
  }
  const given = (now.doses[q.before] ?? 0) > 0;
  return given ? `${q.before === "highDose" ? "high" : "low"}-dose IL-2 has already been given: predictions come before the dose` : null;
}

export const choiceText = (q: PredictionQuestion, id: string | null): string => q.choices.find((c) => c.id === id)?.text ?? "";
