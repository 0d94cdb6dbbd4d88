// What a finished round leaves behind, pure: its summary for a class's comparison chart (a few debrief series), each
// student's measures (their seat's, then their predictions'), the squads in words and the round's length in days.
// Called by server/rooms/classroom/roundResults.ts, which puts them in the results store's record.

import type { RoundSeriesName, RoundSummary } from "../net/classroom.ts";
import type { Debrief } from "../net/messages.ts";
import type { MetricName, Role } from "../sim/index.ts";
import type { Measure } from "./roleLedger.ts";
import { seatMeasures, type MeasureFacts, type SquadCounts } from "./seatMeasures.ts";

/** The series compared across rounds (names as in the debrief) and their chart names. */
const SUMMARY_SERIES: Partial<Record<MetricName, RoundSeriesName>> = {
  "threat.burden": "threat",
  "count.cd8Activated": "threat", // the threat in autoimmunity (debrief.ts threatMetricOf)
  "tissue.damage": "damage",
  "il2.meanPm": "il2MeanPm",
  "count.cd8": "cd8",
  "count.treg": "treg",
};

export function roundSummary(round: number, debrief: Debrief): RoundSummary {
  const series: RoundSummary["series"] = {};
  for (const s of debrief.series) {
    const name = SUMMARY_SERIES[s.name];
    if (name) series[name] = s.values;
  }
  return { round, scenarioId: debrief.scenarioId, outcome: debrief.outcome, days: debrief.days, series };
}

/** A student's squads in words ("Squad 1, Squad 5"), or what a clinician commands. */
export function squadWords(squads: readonly number[]): string {
  return squads.length ? squads.map((n) => `Squad ${n}`).join(", ") : "therapy cards";
}

/** The round's length in simulated days, to a thousandth. */
export const roundDays = (day: number): number => Math.round(day * 1000) / 1000;

/** A student at the round's end as the results read them. */
export interface StudentAtEnd { readonly id: string; readonly name: string; readonly role: Role; readonly squads: readonly number[] }

/** Each student's row: nickname, role, squads in words, and their seat's measures followed by their predictions'. */
export function studentResults(
  students: readonly StudentAtEnd[], counts: SquadCounts, facts: MeasureFacts, predictions: (id: string) => Measure[],
): { nickname: string; role: Role; squads: string; measures: Measure[] }[] {
  return students.map((s) => ({
    nickname: s.name, role: s.role, squads: squadWords(s.squads),
    measures: [...seatMeasures(counts, facts, s.role, s.squads), ...predictions(s.id)],
  }));
}
