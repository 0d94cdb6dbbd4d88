// What a class's pages say when the teacher acts during a round: the words for pause, resume, a speed change, a card
// dealt to the clinician and a dose given, worked out from two readings of the room's state; the teacher's page
// gets a confirmation of each action, a student's page a notice. Pure (no DOM): classVeil.ts shows the words.

import type { TherapyName } from "../../../shared/sim/therapyNames.ts";
import { THERAPY_WORDS } from "../../../shared/report/contrasts.ts";

/** The parts of a class room's state (TissueState) the notices read. */
export interface ClassReading {
  phase: string;
  round: number;
  paused: boolean;
  speed: number;
  tick: number;
  /** By therapy name: when the card can next be played (tick) and doses given so far. */
  cards: Record<string, { readyTick: number; doses: number }>;
  /** Names of the seats playing the clinician (people or bots). */
  clinicians: string[];
}

export const VEIL_TITLE = "Paused by your teacher";
export const VEIL_TEXT = "The tissue waits until your teacher resumes the round. Learn still opens.";

/** Whether this page shows the "Paused by your teacher" veil: a student's page while the class's round is paused. */
export function showsVeil(now: ClassReading | null, teacher: boolean): boolean {
  return !teacher && now !== null && now.phase === "playing" && now.paused;
}

const therapyWords = (name: string): string => THERAPY_WORDS[name as TherapyName] ?? name;

/**
 * The lines to show and speak for what changed between `before` and `now` (empty on the first reading, across a
 * new round, and outside a running round: nothing happened then, the page simply arrived).
 */
export function classNotices(before: ClassReading | null, now: ClassReading, teacher: boolean): string[] {
  if (!before || before.round !== now.round || now.phase !== "playing" || before.phase !== "playing") return [];
  const out: string[] = [];
  if (!before.paused && now.paused) {
    // A student's page has the veil, which is announced itself.
    if (teacher) out.push(`Round paused. Your students see "${VEIL_TITLE}".`);
  } else if (before.paused && !now.paused) {
    out.push(teacher ? "Round resumed." : "Your teacher resumed the round.");
  }
  if (before.speed !== now.speed) {
    out.push(teacher
      ? `Speed ${now.speed}×.`
      : `Your teacher set the speed to ${now.speed}×: the tissue's time runs ${now.speed === 1 ? "at normal speed" : `${now.speed} times as fast`}.`);
  }
  for (const [name, card] of Object.entries(now.cards)) {
    const was = before.cards[name];
    if (!was) continue;
    const words = therapyWords(name);
    const given = card.doses - was.doses;
    if (given > 0) {
      out.push(given === 1 ? `A dose of ${words} was given.` : `${given} doses of ${words} were given.`);
    } else if (card.readyTick !== was.readyTick && card.readyTick <= now.tick) {
      // The teacher's deal readies the clinician's card now (ClassroomRoom "deal"); a play gives a dose instead.
      const who = now.clinicians.length === 1 ? `${now.clinicians[0]} (the clinician)` : "the clinician";
      out.push(teacher ? `Card dealt to ${who}: ${words}.` : `Your teacher dealt ${who} a card: ${words}, ready to play.`);
    }
  }
  return out;
}
