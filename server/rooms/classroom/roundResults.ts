// What a finished classroom round leaves behind: its summary for the comparison chart (a few debrief series) and
// the record for the results store (one entry per student with their measures). Called by ClassroomRoom at round end.

import type { RoundSeriesName, RoundSummary } from "../../../shared/net/classroom.ts";
import type { Debrief } from "../../../shared/net/messages.ts";
import { measuresOf, type RoundEnding } from "../../../shared/report/roundEnding.ts";
import type { MetricName, Role } from "../../../shared/sim/index.ts";
import type { PlayerResult, RoundRecord } from "../../results/resultsStore.ts";

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

export function squadWords(squads: readonly number[]): string {
  return squads.length ? squads.map((n) => `Squad ${n}`).join(", ") : "therapy cards";
}

export function roundRecord(
  code: string, summary: RoundSummary, ending: RoundEnding, startedAt: string, endedAt: string,
  students: readonly { name: string; role: Role; squads: number[] }[],
): RoundRecord {
  const players: PlayerResult[] = students.map((s) => ({
    nickname: s.name, role: s.role, squads: squadWords(s.squads), measures: measuresOf(ending, s.role, s.squads),
  }));
  return {
    code, round: summary.round, scenarioId: summary.scenarioId, outcome: summary.outcome, startedAt, endedAt,
    days: Math.round(ending.day * 1000) / 1000, summary, players,
  };
}
