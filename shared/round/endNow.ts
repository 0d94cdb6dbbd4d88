// Ending a round before its time (the teacher's "end round", a class closed mid-round): the outcome is what the model
// would judge at this tick (the threat may have just been cleared, the tissue just lost), else endedByTeacher, never
// "time is up" (the round had time left). Called by Round.endNow.

import { dayOf, sampleMetrics, type Outcome, type World } from "../sim/index.ts";
import { judgeOutcome } from "../sim/outcome.ts";

/** The outcome of a round ended now: the model's judgement at this tick, or endedByTeacher while it is undecided. */
export function outcomeEndedNow(world: World): Outcome {
  const judged = judgeOutcome(world, { ...sampleMetrics(world), day: dayOf(world) });
  return judged === "ongoing" ? "endedByTeacher" : judged;
}
