// The rules of a class's round for the teacher's actions, pure: in which phase each action may be taken, who it may
// name, and the sentence a teacher reads when it may not; and what each phase allows the round (the model runs and
// students command only while playing). The room's teacher desk
// (server/rooms/classroom/teacherDesk.ts) asks here first and only then acts; dealing and ending now are Round's
// verbs (Round.deal, Round.endNow), squad splits planSquads and autoBalance (squadSplit.ts).

import type { Role } from "../sim/index.ts";

/** A class's phases: the lobby (roles, teams, scenario), a round being played, its debrief. */
export type ClassPhase = "lobby" | "playing" | "ended";

/** An action as these rules read it (shared/net/classroom.ts TeacherAction is one). */
export interface TeacherVerb { readonly action: string; readonly seatId?: string; readonly team?: number }

/** What the rules read of the class. */
export interface ClassFacts {
  readonly phase: ClassPhase;
  /** The role of the student in this seat, or null when no student sits there. */
  studentRole(seatId: string): Role | null;
}

/** Phases an action may be taken in, and the sentence when it is taken in another (actions not named: any phase). */
const WHEN: Record<string, { phases: readonly ClassPhase[]; otherwise: string }> = {
  start: { phases: ["lobby"], otherwise: "the round has already started: end it or begin a new round first" },
  pause: { phases: ["playing"], otherwise: "the round is not running" },
  resume: { phases: ["playing"], otherwise: "the round is not running" },
  end: { phases: ["playing"], otherwise: "the round is not running" },
  newRound: { phases: ["playing", "ended"], otherwise: "the class is already in the lobby: start the round" },
  autoBalance: { phases: ["lobby"], otherwise: "roles can be balanced in the lobby, before the round starts" },
  team: { phases: ["lobby"], otherwise: "teams are made in the lobby, before the round starts" },
  deal: { phases: ["playing"], otherwise: "therapy cards are dealt while the round runs" },
  scenario: { phases: ["lobby"], otherwise: "the scenario can be changed in the lobby, before the round starts" },
};

/** Why the teacher may not take this action now (a sentence), or null when it may. */
export function teacherRefusal(a: TeacherVerb, facts: ClassFacts): string | null {
  const role = a.seatId === undefined ? null : facts.studentRole(a.seatId);
  if (a.seatId !== undefined && role === null) return "there is no student in that seat"; // assign, team, rename, kick
  const when = WHEN[a.action];
  if (when && !when.phases.includes(facts.phase)) return when.otherwise;
  if (a.action === "team" && role === "clinician" && a.team !== 0) {
    return "clinicians play their cards for the whole class: they have no team";
  }
  return null;
}

/** Whether the model runs in this phase: only while playing (the lobby holds it; the debrief shows a finished round). */
export function roundRuns(phase: ClassPhase): boolean {
  return phase === "playing";
}

/** Why a student's command is refused in this phase, or null (after the round, Round.admit refuses it itself). */
export function classCommandRefusal(phase: ClassPhase): string | null {
  return phase === "lobby" ? "the round has not started yet: wait for your teacher" : null;
}

/** A new round started while one runs ends that round here, with no debrief: its away students' seats are let go. */
export function newRoundDropsRound(phase: ClassPhase): boolean {
  return phase === "playing";
}
