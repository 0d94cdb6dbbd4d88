// What a class does when its round ends (the model decided, or the teacher ended it): the class moves to its debrief,
// the round's summary joins the comparison chart, the teacher's devices get the predictions' tally, the round's
// results are saved (each student's measures and predictions), then the seats kept for away students are let go.
// Called by ClassroomRoom.onRoundEnd, after the debrief is built.

import type { RoundEnding } from "../../../shared/report/roundEnding.ts";
import { ClassroomServerMessage } from "../../../shared/net/classroom.ts";
import type { Debrief } from "../../../shared/net/messages.ts";
import { PREDICTION_TALLY_MESSAGE } from "../../../shared/net/predictionWire.ts";
import { getResultsStore } from "../../results/activeStore.ts";
import type { ClassParts } from "./classParts.ts";
import { roundRecord, roundSummary } from "./roundResults.ts";
import { SEAT_RELEASED_TEXT } from "./seatHold.ts";

export function classRoundEnded(c: ClassParts, debrief: Debrief, ending: RoundEnding): void {
  c.state.phase = "ended";
  const summary = roundSummary(c.state.round, debrief);
  c.summaries.push(summary);
  c.broadcast(ClassroomServerMessage.rounds, c.summaries, true);
  const students = c.roster.order.map((id) => ({ name: c.seats.nameOf(id), ...c.seats.byId.get(id)! }));
  const tally = c.predictions.tally(c.roster.order, c.facts.history);
  for (const id of c.teachers) c.client(id)?.send(PREDICTION_TALLY_MESSAGE, tally, { afterNextPatch: true });
  try {
    const record = roundRecord(c.code, summary, ending, c.roundStartedAt, new Date().toISOString(), students, (id) => c.predictions.measures(id));
    c.record.keep();
    const failed = (err: unknown): void => console.error(`[classroom ${c.code}] could not save round ${summary.round}:`, err);
    getResultsStore().saveRound(record).catch(failed);
  } catch (err) {
    console.error(`[classroom ${c.code}] could not save round ${summary.round}:`, err);
  }
  c.holds.releaseAll(c.roster.order, SEAT_RELEASED_TEXT); // after the results: the away student's part is in them
}
