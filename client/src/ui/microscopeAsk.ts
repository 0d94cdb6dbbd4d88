// When the microscope asks the room about its open cell again (inspectPanel.ts): on a state change that moved the
// round on (a paused round asks nothing), once the last answer is in and a second has passed since the last question,
// so a person can read the numbers and the room answers one question at a time; a question unanswered for long was
// lost (a dropped connection) and is asked again. Pure: times in ms from any clock (test/unit/microscopeAsk.test.ts).

/** The shortest wait between two questions about the open cell, ms. */
export const ASK_EVERY_MS = 1000;
/** A question unanswered this long, ms, counts as lost. */
export const UNANSWERED_MS = 5000;

/** The last question: the state's tick and the time when it went out. */
export interface Asked { tick: number; at: number }

/** Whether to ask again now, at the state's `tick` and time `at`, given the last question and whether it was answered. */
export function askAgain(asked: Asked, answered: boolean, tick: number, at: number): boolean {
  if (tick === asked.tick) return false; // the round has not moved: the answer would be the same
  return at - asked.at >= (answered ? ASK_EVERY_MS : UNANSWERED_MS);
}
