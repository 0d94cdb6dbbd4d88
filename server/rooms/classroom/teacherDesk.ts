// The teacher's actions on a class, checked at the door with the host secret: the class's rules say whether an action
// may be taken now (shared/round/teacherActions.ts; dealing and ending now are Round's verbs), then this desk makes it
// on the room's roster, seats, clock and state. Also the lesson plan's and the sandbox's view of the class, whose
// actions end in the same moves. Called by ClassroomRoom (teacher, lesson and sandbox messages; server drain's "end").

import {
  CLASS_CLOSED_TEXT, ClassroomClientMessage, ClassroomServerMessage, MAX_CLASS_ROUNDS, REMOVED_TEXT, type ClassClosed, type TeacherAction,
} from "../../../shared/net/classroom.ts";
import { autoBalance, newRoundDropsRound, teacherRefusal } from "../../../shared/round/index.ts";
import type { Role } from "../../../shared/sim/index.ts";
import type { SandboxRoom } from "../sandboxDesk.ts";
import type { ClassParts } from "./classParts.ts";
import type { LessonRoom } from "./lessonDesk.ts";
import { SEAT_RELEASED_TEXT } from "./seatHold.ts";

/** Carries out one teacher action; a sentence when it cannot be done now (and then nothing changed). */
export function actAsTeacher(c: ClassParts, a: TeacherAction): string | null {
  const studentRole = (id: string): Role | null => (c.roster.isStudent(id) ? c.seats.byId.get(id)!.role : null);
  const refused = teacherRefusal(a, { phase: c.phase, studentRole });
  if (refused) return refused;
  switch (a.action) {
    case "start":
      if (c.summaries.length >= MAX_CLASS_ROUNDS) return `this class has played ${MAX_CLASS_ROUNDS} rounds, as many as one class keeps: open a new class to play more`;
      startPlaying(c);
      c.quiz.roundStarts();
      return null;
    case "pause":
    case "resume":
      c.setPaused(a.action === "pause");
      return null;
    case "speed":
      c.setSpeed(a.speed);
      return null;
    case "end":
      endByTeacher(c);
      return null;
    case "close":
      closeClass(c);
      return null;
    case "newRound":
      if (newRoundDropsRound(c.phase)) c.holds.releaseAll(c.roster.order, SEAT_RELEASED_TEXT); // no debrief: seats let go here
      backToLobby(c);
      return null;
    case "autoBalance":
      for (const [id, role] of autoBalance(c.roster.students())) {
        if (c.seats.byId.get(id)!.role !== role) c.seats.setRole(id, role);
      }
      return null;
    case "assign": {
      if (c.seats.byId.get(a.seatId)!.role === a.role) return null;
      if (c.phase !== "lobby") {
        const tooMany = c.roleChanges.take(c.facts.tick);
        if (tooMany) return tooMany;
        c.roster.handOver(a.seatId, c.facts, c.phase === "playing");
      }
      c.seats.setRole(a.seatId, a.role);
      if (c.phase !== "lobby") c.roster.seatInPlay(a.seatId);
      return null;
    }
    case "team":
      c.seats.setTeam(a.seatId, a.team);
      return null;
    case "rename":
      c.seats.setName(a.seatId, c.roster.freshNickname());
      return null;
    case "kick":
      kick(c, a.seatId);
      return null;
    case "lock":
    case "unlock":
      c.setLocked(a.action === "lock");
      return null;
    case "lateJoin":
      c.state.lateJoin = a.on;
      return null;
    case "deal":
      return c.base.roundInput({ kind: "deal", therapy: a.therapy, clinicianSeated: c.roster.countRole("clinician") > 0 }, (error) => {
        for (const id of c.teachers) {
          const client = c.client(id);
          if (client) c.base.refuse(client, ClassroomClientMessage.teacher, error);
        }
      });
    case "scenario":
      c.roundSetup = { scenarioId: a.scenarioId, days: a.days };
      c.startRound(c.facts.seed);
      return null;
  }
}

/** Whether this action makes a new world (budgeted per class and per address: worldRebuilds.ts). */
export function teacherRebuilds(a: TeacherAction, c: Pick<ClassParts, "phase">): boolean {
  return (a.action === "newRound" && c.phase !== "lobby") || (a.action === "scenario" && c.phase === "lobby");
}

/** The lesson desk's view of the class (lessonDesk.ts): a new round as the teacher's, a plan round set up in the lobby. */
export function lessonRoom(c: ClassParts): LessonRoom {
  return {
    phase: c.phase,
    newRound: () => actAsTeacher(c, { action: "newRound" }),
    setUp: (r) => {
      c.roundSetup = { scenarioId: r.scenarioId, days: r.days, variant: r.variant };
      c.startRound(c.facts.seed);
      c.setSpeed(r.speed);
    },
  };
}

/** The sandbox desk's view of the class (sandboxDesk.ts): its therapy buttons deal as the teacher does, while playing. */
export function sandboxRoom(c: ClassParts): SandboxRoom {
  return {
    get params() { return c.facts.params; },
    get liveChanges() { return c.facts.liveChanges; },
    get variant() { return c.roundSetup.variant; },
    set variant(v) { c.roundSetup = { ...c.roundSetup, variant: v }; },
    edit: (e) => c.base.editWorld(e),
    giveTherapy: (therapy) =>
      (c.phase === "playing" ? actAsTeacher(c, { action: "deal", therapy }) : "therapies are given while the round runs"),
  };
}

/** Lobby → playing: each role's students split its squads, bots take roles nobody has, the clock runs. */
function startPlaying(c: ClassParts): void {
  c.roster.startRound(c.facts);
  c.roundStartedAt = new Date().toISOString();
  c.setPaused(false);
  c.state.phase = "playing";
}

/** Ends the running round now: the model's steps in flight dropped, the outcome judged at this tick (Round.endNow),
 * then the debrief (TissueRoomBase.endRound). */
function endByTeacher(c: ClassParts): void {
  c.base.endNow();
}

/**
 * The teacher closes the class: a running round ends (its results are saved), every page is told in a sentence,
 * then everyone is disconnected and the room closes; its code then answers like any ended class's.
 */
function closeClass(c: ClassParts): void {
  if (c.closed) return;
  if (c.phase === "playing") endByTeacher(c);
  c.closed = true;
  const notice: ClassClosed = { reason: CLASS_CLOSED_TEXT };
  c.broadcast(ClassroomServerMessage.closed, notice);
  void c.room.disconnect();
}

/** A fresh world with the same students, back in the lobby (bots leave until the next start). */
function backToLobby(c: ClassParts): void {
  c.roster.toLobby();
  c.base.restartWorld();
  c.setPaused(false);
  c.state.phase = "lobby";
}

/** A student removed: their squads go on under a classmate or a bot, their device is told and closed. */
function kick(c: ClassParts, seatId: string): void {
  const kicked = c.client(seatId);
  c.roster.vacate(seatId, c.facts, c.phase);
  if (kicked) c.remove(kicked); // connected: told, then closed
  // Away: the wait for the device ends now, so its reconnection token is refused; when it joins by code again
  // with its former seat's id, it is told it was removed.
  c.holds.release(seatId, REMOVED_TEXT);
  c.removedSeats.add(seatId);
}
