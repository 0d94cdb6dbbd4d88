// A finished classroom round's record for the results store: the round's facts and its students' results (the rules
// are pure in shared/report/roundResults.ts and seatMeasures.ts; this file only assembles the store's record).
// Called by roundEnd.ts at round end.

import type { RoundSummary } from "../../../shared/net/classroom.ts";
import type { Measure } from "../../../shared/report/roleLedger.ts";
import { roundDays, studentResults, type StudentAtEnd } from "../../../shared/report/roundResults.ts";
import type { RoundEnding } from "../../../shared/report/roundEnding.ts";
import type { RoundRecord } from "../../results/resultsStore.ts";

export { roundSummary, squadWords } from "../../../shared/report/roundResults.ts";

/** The round's end as the record reads it: its simulated day, the facts the measures need and the ledger's tallies
 * (a RoundEnding, made where the model is: shared/report/roundEnding.ts). */
export type RoundEndFacts = Pick<RoundEnding, "day" | "facts" | "counts">;

export function roundRecord(
  code: string, summary: RoundSummary, end: RoundEndFacts, startedAt: string, endedAt: string,
  students: readonly StudentAtEnd[], predictions: (id: string) => Measure[] = () => [],
): RoundRecord {
  return {
    code, round: summary.round, scenarioId: summary.scenarioId, outcome: summary.outcome, startedAt, endedAt,
    days: roundDays(end.day), summary, players: studentResults(students, end.counts, end.facts, predictions),
  };
}
