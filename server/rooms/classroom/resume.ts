// Brings live classes back after the server stopped without closing them (a crash, a kill, a restart): at start-up,
// before the server listens, each stored checkpoint (checkpoint.ts) younger than CHECKPOINT_MAX_AGE_HOURS becomes a
// classroom room again under its own code; the room rebuilds its round by replaying the log to the tick reached,
// paused, and holds every seat for the device that had it (the class's seat hold, seatHold.ts), which comes back with the reconnection token it already
// holds (the SDK's own reconnection after a drop, or a reloaded page's stored token); the teacher also comes back
// with the host secret; the quiz's sheets come back from the results store. Called by server/main.ts
// (resumeLiveClasses) and ClassroomRoom.onCreate (takeResume, restoreClass, restoreQuiz).

import { randomUUID } from "node:crypto";
import type { Client } from "@colyseus/core";
import { ROLE_SQUADS } from "../../../shared/sim/index.ts";
import type { CheckpointStore } from "../../results/checkpointStore.ts";
import type { QuizAnswerRecord } from "../../results/quizAnswers.ts";
import type { ResultsStore } from "../../results/resultsStore.ts";
import { matchesCheckpointHash, parseCheckpoint, type ClassCheckpoint } from "./checkpoint.ts";
import { encoderRoot, type ClassInternals } from "./classCheckpointer.ts";

/** A checkpoint not saved for this long belongs to a class that is over: it is deleted, not resumed. */
export const CHECKPOINT_MAX_AGE_HOURS = 12;

/** Checkpoints handed to a room being created, by a one-time ticket only this process knows (never a client's option). */
const tickets = new Map<string, ClassCheckpoint>();

/** The checkpoint a room is being created to resume, or null for a new class. */
export function takeResume(options: unknown): ClassCheckpoint | null {
  const ticket = (options as { resumeTicket?: unknown } | null)?.resumeTicket;
  if (typeof ticket !== "string") return null;
  const checkpoint = tickets.get(ticket) ?? null;
  tickets.delete(ticket);
  return checkpoint;
}

/**
 * Recreates every stored class (`create` makes a classroom room with the given options: matchMaker.createRoom);
 * returns the codes resumed. A checkpoint that cannot be resumed is logged and deleted.
 */
export async function resumeClasses(store: CheckpointStore, create: (options: object) => Promise<unknown>, log: (line: string) => void = console.log): Promise<string[]> {
  const expired = store.deleteOlderThan(CHECKPOINT_MAX_AGE_HOURS);
  if (expired > 0) log(`Deleted ${expired} class checkpoint(s) older than ${CHECKPOINT_MAX_AGE_HOURS} h.`);
  const resumed: string[] = [];
  for (const row of store.list()) {
    const parsed = parseCheckpoint(row.body);
    if (!parsed.ok) {
      log(`Could not resume class ${row.code} (${parsed.error}); its checkpoint is deleted.`);
      store.delete(row.code);
      continue;
    }
    const ticket = randomUUID();
    tickets.set(ticket, parsed.value);
    try {
      await create({ resumeTicket: ticket });
      resumed.push(row.code);
    } catch (err) {
      log(`Could not resume class ${row.code}: ${(err as Error).message}; its checkpoint is deleted.`);
      store.delete(row.code);
    } finally {
      tickets.delete(ticket);
    }
  }
  return resumed;
}

/** Call first in onCreate: objects the resumed room makes get ids above any the class's devices still hold. */
export function skipRefIds(c: Pick<ClassInternals, "state">, checkpoint: ClassCheckpoint): void {
  const root = encoderRoot(c.state);
  if (root && checkpoint.nextRefId > root.nextUniqueId) root.nextUniqueId = checkpoint.nextRefId;
}

/**
 * Puts the class back as the checkpoint has it: settings, rounds so far, the round replayed to its tick and paused
 * (a round that had ended opens the next round's lobby), every seat with its nickname, role, team and squads, bots
 * where they played, and a reconnection held for each device. Returns a line for the log.
 */
export function restoreClass(c: ClassInternals, cp: ClassCheckpoint): string {
  const playing = cp.phase === "playing";
  c.state.round = cp.phase === "ended" ? cp.round + 1 : cp.round;
  c.state.locked = cp.locked;
  c.state.lateJoin = cp.lateJoin;
  if (cp.seatHoldMinutes) c.state.seatHoldMinutes = c.holds.choose(cp.seatHoldMinutes); // the teacher's seat hold, as before
  c.summaries.push(...cp.summaries);
  for (const id of cp.removedSeats) c.removedSeats.add(id);
  c.roundSetup = cp.roundSetup;
  c.roundStartedAt = cp.roundStartedAt;
  c.setSpeed(cp.speed);
  const fresh = { seed: (cp.world.seed + 1) >>> 0, tick: 0, ticks: [], pending: [], unsentEdits: [] };
  const tick = c.resumeRound(cp.phase === "ended" ? fresh : cp.world);

  for (const s of cp.students) {
    if (s.token === null) continue; // no device could prove it is this one
    c.seats.addPerson(s.id, s.role, false, s.name);
    c.seats.setTeam(s.id, s.team);
    c.seats.setSquads(s.id, playing ? s.squads : [...ROLE_SQUADS[s.role]]);
    c.seats.setConnected(s.id, false);
    c.roster.restoreStudent(s.id);
    c.formerNames.token(s.id, `${cp.code}:${s.token}`); // the token the device still holds: its proof of the seat
  }
  if (playing) {
    c.roster.restoreOrigins(cp.origin);
    // Replayed from the round's inputs, the model's bots are back already, with their memories: the room's seats
    // take them without a new input (which would seat new bots there).
    const watch = cp.world.inputs ? c.bots.watch : null;
    if (watch) c.bots.watch = null;
    for (const role of cp.bots) {
      c.seats.addBot(role, c.difficulty);
      c.bots.seat(role, c.difficulty, c.facts.seed, c.facts.dtS);
    }
    if (watch) c.bots.watch = watch;
    c.cards = new Map(cp.cards);
  }
  c.state.phase = playing ? "playing" : "lobby";
  c.setPaused(playing); // the teacher resumes it

  const devices = [...cp.students, ...cp.teachers].filter((d): d is typeof d & { token: string } => d.token !== null);
  for (const t of cp.teachers) if (t.token !== null) c.teachers.add(t.id);
  for (const { id, token } of devices) {
    // Colyseus holds a seat for a dropped device by its reconnection token: the same is done for the device that had
    // this seat before the restart, with the token it still holds.
    const standIn = { sessionId: id, reconnectionToken: token } as unknown as Client;
    // Held as a live drop is (seatHold.ts): released by time, the round's end or a removal, then gone as if it had left.
    c.holds.hold(standIn, undefined, () => c.leftForGood(id));
  }
  // The state hash lets anyone check the round against a replay of its log (test/server/classResume.test.ts): asked of
  // the model, which holds the round's world (it answers once its replay is done).
  const round = c.state.round;
  if (playing) void c.lookAtModel().then((look) => look && console.log(`Class ${cp.code}: round ${round} rebuilt at tick ${look.tick} (state hash ${look.hash})`));
  const what = playing ? `round ${round} paused at tick ${tick}` : `round ${round} in the lobby`;
  return `Resumed class ${cp.code}: ${what}, ${devices.length} device(s) awaited.`;
}

/**
 * The class's quiz as it was: each restored student's sheet from the answers the results store kept (by nickname),
 * and the quiz open then; without it a resumed class's students could answer again and the teacher's gains start
 * empty. A store that cannot answer leaves the sheets empty (the answers stay stored) and says so in the log.
 */
export async function restoreQuiz(c: Pick<ClassInternals, "quiz">, cp: ClassCheckpoint, store: Pick<ResultsStore, "quizAnswers">): Promise<void> {
  const seatOf = new Map(cp.students.filter((s) => s.token !== null).map((s) => [s.name, s.id]));
  let answers: QuizAnswerRecord[] = [];
  try {
    if (seatOf.size > 0) answers = await store.quizAnswers(cp.code);
  } catch (err) {
    console.error(`[classroom ${cp.code}] could not read the quiz answers back; the students' sheets start empty:`, err);
  }
  c.quiz.restore(answers, seatOf, cp.quizOpen ?? null);
}

/** The tokens of the devices a resumed class awaits, by seat: its next checkpoints keep them until each comes back. */
export function heldTokens(cp: ClassCheckpoint): [string, string][] {
  return [...cp.students, ...cp.teachers].flatMap((d): [string, string][] => (d.token === null ? [] : [[d.id, d.token]]));
}

/** Whether `sent` is the secret whose hash a resumed class kept (it then knows the secret again). */
export function provesSecret(sent: unknown, hash: string): sent is string {
  return matchesCheckpointHash(sent, hash);
}
