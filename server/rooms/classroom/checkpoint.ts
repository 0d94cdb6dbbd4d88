// A live class as a checkpoint keeps it, so that the class outlives a crash of the server: its code, the host
// secret's hash (never the secret), its settings and rounds so far, every seat (nickname, role, team, squads, and the
// reconnection token each device holds, which lets that device prove it is the same one), the bots' roles, the
// therapy cards, and the round in play as its seed, its log of what reached the model and, when it holds the whole
// round, its inputs log (the model and the bots are deterministic: they rebuild it, bots' memories included). Pure data and its check; ClassCheckpointer (classCheckpointer.ts) takes and saves
// them, resume.ts puts a class back from one.

import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { RoundSummary } from "../../../shared/net/classroom.ts";
import { SPEEDS, type Speed } from "../../../shared/net/messages.ts";
import { seatHoldProblem } from "../../../shared/net/seatHoldChoice.ts";
import { ROLES, type Role, type TherapyName } from "../../../shared/sim/index.ts";
import type { QuizPhase } from "../../../shared/quiz/quizScore.ts";
import type { RoundSetup, RoundSoFar } from "../TissueRoomBase.ts";

/** Bumped when the shape changes; a checkpoint of another version is not resumed. */
export const CHECKPOINT_VERSION = 1;

export interface StudentSeat { id: string; name: string; role: Role; team: number; squads: number[]; token: string | null }
export interface TeacherDevice { id: string; token: string | null }

export interface ClassCheckpoint {
  version: typeof CHECKPOINT_VERSION;
  code: string;
  hostSecretHash: string;
  phase: "lobby" | "playing" | "ended";
  /** state.round: the round's number in this class. */
  round: number;
  roundSetup: RoundSetup;
  roundStartedAt: string;
  locked: boolean;
  lateJoin: boolean;
  /** The teacher's seat hold as the class tells it (state.seatHoldMinutes; 0 or absent: the whole round). */
  seatHoldMinutes?: number;
  speed: Speed;
  summaries: RoundSummary[];
  removedSeats: string[];
  /** In joining order. */
  students: StudentSeat[];
  teachers: TeacherDevice[];
  /** Roles a bot plays in this round. */
  bots: Role[];
  /** Split squads of this round and the base squad each came from. */
  origin: [number, number][];
  cards: [TherapyName, number][];
  /** The state encoder's next id: a resumed room's new objects take ids above it, so devices' old ones never clash. */
  nextRefId: number;
  world: RoundSoFar;
  /** The quiz open when it was taken (absent: none). Its answers are in the results store, by nickname. */
  quizOpen?: QuizPhase;
}

/**
 * The host secret as a checkpoint keeps it: salted SHA-256, "sha256$salt$hash" (base64url). The secret is 32 random
 * bytes, so a fast hash guards a stolen file as well as a slow one would, and checking a guess costs the event loop
 * microseconds, not the ~20 ms of the results store's scrypt (a flood of guesses must not stall every room).
 */
export function hashForCheckpoint(secret: string): string {
  const salt = randomBytes(16);
  return `sha256$${salt.toString("base64url")}$${createHash("sha256").update(salt).update(secret).digest("base64url")}`;
}

/** True only when `sent` is the secret `stored` (from hashForCheckpoint) was made from. */
export function matchesCheckpointHash(sent: unknown, stored: string): sent is string {
  const [kind, salt, hash] = stored.split("$");
  if (typeof sent !== "string" || kind !== "sha256" || !salt || !hash) return false;
  const actual = createHash("sha256").update(Buffer.from(salt, "base64url")).update(sent).digest();
  const expected = Buffer.from(hash, "base64url");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === "string";
const isInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isSeatId = (v: unknown): v is string => isStr(v) && v.length > 0 && v.length <= 64;
const isToken = (v: unknown): v is string | null => v === null || (isStr(v) && v.length <= 128);

/** The checkpoint in `body`, or a sentence saying why it cannot be resumed (another version, or damaged). */
export function parseCheckpoint(body: string): { ok: true; value: ClassCheckpoint } | { ok: false; error: string } {
  let c: unknown;
  try {
    c = JSON.parse(body);
  } catch {
    return { ok: false, error: "not JSON" };
  }
  if (!isObj(c)) return { ok: false, error: "not an object" };
  if (c.version !== CHECKPOINT_VERSION) return { ok: false, error: `version ${String(c.version)}, this server resumes ${CHECKPOINT_VERSION}` };
  const w = c.world;
  const checks: [boolean, string][] = [
    [isStr(c.code) && /^[A-Z0-9]{4,12}$/.test(c.code), "code"],
    [isStr(c.hostSecretHash) && /^sha256\$[\w-]+\$[\w-]+$/.test(c.hostSecretHash), "hostSecretHash"],
    [c.phase === "lobby" || c.phase === "playing" || c.phase === "ended", "phase"],
    [isInt(c.round) && c.round >= 1, "round"],
    [isObj(c.roundSetup), "roundSetup"],
    [typeof c.locked === "boolean" && typeof c.lateJoin === "boolean", "locked/lateJoin"],
    [(SPEEDS as readonly unknown[]).includes(c.speed), "speed"],
    [c.seatHoldMinutes === undefined || c.seatHoldMinutes === 0 || seatHoldProblem(c.seatHoldMinutes) === null, "seatHoldMinutes"],
    [Array.isArray(c.summaries) && Array.isArray(c.removedSeats) && c.removedSeats.every(isSeatId), "summaries/removedSeats"],
    [Array.isArray(c.students) && c.students.every((s) => isObj(s) && isSeatId(s.id) && isStr(s.name) && (ROLES as readonly unknown[]).includes(s.role) && isInt(s.team) && Array.isArray(s.squads) && s.squads.every(isInt) && isToken(s.token)), "students"],
    [Array.isArray(c.teachers) && c.teachers.every((t) => isObj(t) && isSeatId(t.id) && isToken(t.token)), "teachers"],
    [Array.isArray(c.bots) && c.bots.every((r) => (ROLES as readonly unknown[]).includes(r)), "bots"],
    [Array.isArray(c.origin) && Array.isArray(c.cards) && isInt(c.nextRefId), "origin/cards/nextRefId"],
    [c.quizOpen === undefined || c.quizOpen === "pre" || c.quizOpen === "post", "quizOpen"],
    [isObj(w) && isInt(w.seed) && isInt(w.tick) && Array.isArray(w.ticks) && Array.isArray(w.pending) && Array.isArray(w.unsentEdits), "world"],
    [!isObj(w) || w.inputs === undefined || (Array.isArray(w.inputs) && w.inputs.every((l) => isObj(l) && isInt(l.tick) && l.tick <= (w.tick as number) && isObj(l.input) && isStr(l.input.kind))), "world.inputs"],
  ];
  const bad = checks.find(([ok]) => !ok);
  return bad ? { ok: false, error: `bad ${bad[1]}` } : { ok: true, value: c as unknown as ClassCheckpoint };
}
