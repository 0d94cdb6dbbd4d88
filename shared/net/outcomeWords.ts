// The round's outcomes as the wire carries them (the model's Outcome names, plus `endedByTeacher`, which the game server
// sets when a teacher ends a round the model had not decided) and in words for people. Used by the HUD, the debrief,
// the screen-reader summary and the rounds table; isOutcome checks a name that arrives from elsewhere.

import type { Outcome } from "../sim/world.ts";

export const OUTCOME_WORDS: Record<Outcome, string> = {
  ongoing: "",
  cleared: "Threat cleared",
  overrun: "Threat overran the tissue",
  protected: "Tissue protected",
  lost: "Tissue lost",
  timeUp: "Time is up",
  endedByTeacher: "The teacher ended the round",
};

export const OUTCOMES = Object.keys(OUTCOME_WORDS) as Outcome[];

export function isOutcome(name: unknown): name is Outcome {
  return typeof name === "string" && Object.hasOwn(OUTCOME_WORDS, name);
}

/** The words for an outcome; an unknown name (a newer server) is shown as it is. */
export function outcomeWords(name: string): string {
  return isOutcome(name) ? OUTCOME_WORDS[name] : name;
}
