// A finished classroom round's record for the results store: the round's facts and its students' results (the rules
// are pure in shared/report/roundResults.ts and seatMeasures.ts; this file only assembles the store's record).
// Called by roundEnd.ts at round end.

import type { RoundSummary } from "../../../shared/net/classroom.ts";
import type { Measure, RoleLedger } from "../../../shared/report/roleLedger.ts";
import { roundDays, studentResults, type StudentAtEnd } from "../../../shared/report/roundResults.ts";
import { measureFacts, type MeasureFacts } from "../../../shared/report/seatMeasures.ts";
import { dayOf, type World } from "../../../shared/sim/index.ts";
import type { RoundRecord } from "../../results/resultsStore.ts";

export { roundSummary, squadWords } from "../../../shared/report/roundResults.ts";

/** The round's end as the record reads it: its simulated day and the facts the measures need (made where the world is). */
export interface RoundEndFacts { day: number; facts: MeasureFacts }

/** The round's end facts from a world (the room's, today; the model's thread could send them). */
export const roundEndFacts = (world: World): RoundEndFacts => ({ day: dayOf(world), facts: measureFacts(world) });

export function roundRecord(
  code: string, summary: RoundSummary, end: RoundEndFacts, ledger: RoleLedger, startedAt: string, endedAt: string,
  students: readonly StudentAtEnd[], predictions: (id: string) => Measure[] = () => [],
): RoundRecord {
  return {
    code, round: summary.round, scenarioId: summary.scenarioId, outcome: summary.outcome, startedAt, endedAt,
    days: roundDays(end.day), summary, players: studentResults(students, ledger, end.facts, predictions),
  };
}
