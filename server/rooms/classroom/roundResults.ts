// A finished classroom round's record for the results store: the round's facts and its students' results (the rules
// are pure in shared/report/roundResults.ts and seatMeasures.ts; this file only assembles the store's record).
// Called by roundEnd.ts at round end.

import type { RoundSummary } from "../../../shared/net/classroom.ts";
import type { Measure, RoleLedger } from "../../../shared/report/roleLedger.ts";
import { roundDays, studentResults, type StudentAtEnd } from "../../../shared/report/roundResults.ts";
import { measureFacts } from "../../../shared/report/seatMeasures.ts";
import { dayOf, type World } from "../../../shared/sim/index.ts";
import type { RoundRecord } from "../../results/resultsStore.ts";

export { roundSummary, squadWords } from "../../../shared/report/roundResults.ts";

export function roundRecord(
  code: string, summary: RoundSummary, world: World, ledger: RoleLedger, startedAt: string, endedAt: string,
  students: readonly StudentAtEnd[], predictions: (id: string) => Measure[] = () => [],
): RoundRecord {
  return {
    code, round: summary.round, scenarioId: summary.scenarioId, outcome: summary.outcome, startedAt, endedAt,
    days: roundDays(dayOf(world)), summary, players: studentResults(students, ledger, measureFacts(world), predictions),
  };
}
