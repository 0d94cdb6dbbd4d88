// The wire contract of a classroom session: join codes, the teacher's actions (each carries the host secret),
// the teacher-only messages, and validators for all of them. Called by the classroom room at the door, by the
// client's teacher and student pages, and by tests. Words here are the ones teachers and students see.

import { ROLES, isRole, isTherapyName, type MetricName, type MetricSample, type Outcome, type Role, type TherapyName } from "../sim/index.ts";
import { SCENARIOS } from "../scenarios/index.ts";
import { SPEEDS, type Checked, type Speed } from "./messages.ts";
import { MIN_ROUND_DAYS } from "./roomOptions.ts";

/** Letters and digits that cannot be mistaken for each other when read from the back of a room (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;
/** Most students in one session (design.md: up to ~40). */
export const MAX_STUDENTS = 40;
/**
 * Most rounds one class plays to their end (a lesson plays a few, a day of lessons a few dozen): each ended round's
 * summary is kept, sent to every device after each round, checkpointed and saved, so a class must not grow them
 * without end. Past it the teacher opens a new class.
 */
export const MAX_CLASS_ROUNDS = 100;

/** Upper-cases a typed code and drops spaces and dashes; null if what is left is not a possible code. */
export function normalizeJoinCode(input: unknown): string | null {
  if (typeof input !== "string" || input.length > 20) return null;
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** Client → server, classroom only. */
export const ClassroomClientMessage = {
  /** A teacher action (TeacherAction), always with the host secret. */
  teacher: "teacher",
} as const;

/** Server → client, classroom only. */
export const ClassroomServerMessage = {
  /** To the teacher only, on creating or re-joining: the code, the host secret and the join link (SessionInfo). */
  session: "session",
  /** To the teacher only, every ~2 s: who is connected and what each is doing (Dashboard). */
  dashboard: "dashboard",
  /** To everyone after each round: the session's rounds so far, for comparing them on one chart (RoundSummary[]). */
  rounds: "rounds",
  /** To a removed student, just before the room closes their connection. */
  removed: "removed",
  /** To everyone when the teacher closes the class (ClassClosed), just before the room disconnects them and closes. */
  closed: "closed",
  /** To a device that (re)joins a round already under way: the round's chart history so far (RoundHistory). */
  history: "history",
} as const;

/** What every page is told when the teacher closes the class. */
export interface ClassClosed { reason: string }
export const CLASS_CLOSED_TEXT = "Your teacher closed the class.";
/** What a removed student's page is told (and shows again if it tries to rejoin the same class). */
export const REMOVED_TEXT = "Your teacher removed you from this class.";

export interface SessionInfo { code: string; hostSecret: string; joinPath: string }

export interface DashboardRow {
  seatId: string;
  name: string;
  role: Role;
  /** The squad numbers the seat commands (none for the clinician). */
  squads: number[];
  connected: boolean;
  bot: string;
  /** What the player did last, in plain words ("sent the killers to 40, 66"), and when (simulated day). */
  lastAction: string;
  lastActionDay: number;
  commands: number;
}
export interface Dashboard { rows: DashboardRow[] }

/** The series a class compares across rounds (server/rooms/classroom/roundResults.ts names them from the debrief's). */
export const ROUND_SERIES_NAMES = ["threat", "damage", "il2MeanPm", "cd8", "treg"] as const;
export type RoundSeriesName = (typeof ROUND_SERIES_NAMES)[number];

export interface RoundSummary {
  round: number;
  scenarioId: string;
  outcome: Outcome;
  days: number[];
  /**
   * A few series for the comparison chart, by RoundSeriesName; typed as open keys because rounds saved by older
   * versions (server/results) may carry other names, which the chart shows as they come.
   */
  series: Partial<Record<RoundSeriesName, number[]>> & Record<string, number[] | undefined>;
}

/** Options to create a classroom session (the teacher's page sends them). */
export interface ClassroomCreateOptions {
  mode: "classroom"; scenarioId?: string; days?: number;
  /** How long an away student's seat is kept, minutes; left out: the whole round (shared/net/seatHoldChoice.ts). */
  seatHoldMinutes?: number;
}
/**
 * Options to join: students send nothing but the code (in the URL) and, from a tab that had a seat in this class, that
 * seat's id (so a student removed while their device was away is told) and the reconnection token the tab was given
 * for it (`seatProof`: seat ids are in every device's state, the token only in that tab, so only it gets the seat's
 * nickname back); a teacher coming back sends the secret.
 */
export interface ClassroomJoinOptions { hostSecret?: string; formerSeat?: string; seatProof?: string }
/** Longest seatProof (a reconnection token as the SDK holds it, "roomId:token"). */
export const SEAT_PROOF_MAX_LENGTH = 128;

/**
 * Teams within a role: students of one role in the same team share one clone of the role's cells; team 0 is on their
 * own (their own clone). Set in the lobby.
 */
export const MAX_TEAMS = 6;

export type TeacherAction =
  | { action: "start" | "pause" | "resume" | "end" | "newRound" | "autoBalance" | "lock" | "unlock" | "close" }
  | { action: "speed"; speed: Speed }
  | { action: "lateJoin"; on: boolean }
  | { action: "assign"; seatId: string; role: Role }
  | { action: "team"; seatId: string; team: number }
  | { action: "rename"; seatId: string }
  | { action: "kick"; seatId: string }
  | { action: "deal"; therapy: TherapyName }
  | { action: "scenario"; scenarioId: string; days?: number };

const SIMPLE = ["start", "pause", "resume", "end", "newRound", "autoBalance", "lock", "unlock", "close"] as const;
const FIELDS: Record<string, readonly string[]> = {
  ...Object.fromEntries(SIMPLE.map((a) => [a, []])),
  speed: ["speed"], lateJoin: ["on"], assign: ["seatId", "role"], team: ["seatId", "team"], rename: ["seatId"], kick: ["seatId"], deal: ["therapy"],
  scenario: ["scenarioId", "days"],
};

type Obj = Record<string, unknown>;
const isPlainObject = (v: unknown): v is Obj =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
const isSeatId = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= 64;

/** Checks a teacher message's shape and returns the action and the secret it carried (the room compares the secret). */
export function checkTeacherAction(payload: unknown): Checked<{ secret: string; action: TeacherAction }> {
  if (!isPlainObject(payload)) return { ok: false, error: "a teacher message must be an object" };
  const { secret, action } = payload;
  if (typeof secret !== "string" || secret.length === 0 || secret.length > 128) return { ok: false, error: "this needs the teacher's host secret" };
  if (typeof action !== "string" || !Object.hasOwn(FIELDS, action)) return { ok: false, error: `action must be one of ${Object.keys(FIELDS).join(", ")}` };
  const extra = Object.keys(payload).filter((k) => k !== "secret" && k !== "action" && !FIELDS[action].includes(k));
  if (extra.length) return { ok: false, error: `a ${action} action has no field ${extra.slice(0, 3).join(", ")}` };
  const p = payload;
  const ok = (a: TeacherAction): Checked<{ secret: string; action: TeacherAction }> => ({ ok: true, value: { secret, action: a } });
  switch (action) {
    case "speed":
      return (SPEEDS as readonly unknown[]).includes(p.speed) ? ok({ action, speed: p.speed as Speed }) : { ok: false, error: `speed must be one of ${SPEEDS.join(", ")}` };
    case "lateJoin":
      return typeof p.on === "boolean" ? ok({ action, on: p.on }) : { ok: false, error: "on must be true or false" };
    case "assign":
      if (!isSeatId(p.seatId)) return { ok: false, error: "seatId must name a seat" };
      return isRole(p.role) ? ok({ action, seatId: p.seatId, role: p.role }) : { ok: false, error: `role must be one of ${ROLES.join(", ")}` };
    case "team":
      if (!isSeatId(p.seatId)) return { ok: false, error: "seatId must name a seat" };
      return Number.isInteger(p.team) && (p.team as number) >= 0 && (p.team as number) <= MAX_TEAMS
        ? ok({ action, seatId: p.seatId, team: p.team as number })
        : { ok: false, error: `team must be a whole number from 0 (on their own) to ${MAX_TEAMS}` };
    case "rename":
    case "kick":
      return isSeatId(p.seatId) ? ok({ action, seatId: p.seatId }) : { ok: false, error: "seatId must name a seat" };
    case "deal":
      return isTherapyName(p.therapy) ? ok({ action, therapy: p.therapy }) : { ok: false, error: "therapy must be a therapy card's name" };
    case "scenario": {
      if (typeof p.scenarioId !== "string" || !Object.hasOwn(SCENARIOS, p.scenarioId)) return { ok: false, error: `unknown scenario; scenarios: ${Object.keys(SCENARIOS).join(", ")}` };
      const max = SCENARIOS[p.scenarioId].days;
      if (p.days !== undefined && !(typeof p.days === "number" && Number.isFinite(p.days) && p.days >= MIN_ROUND_DAYS && p.days <= max)) {
        return { ok: false, error: `days must be a number from ${MIN_ROUND_DAYS} to ${max}` };
      }
      return ok({ action, scenarioId: p.scenarioId, ...(p.days !== undefined ? { days: p.days as number } : {}) });
    }
    default:
      return ok({ action: action as (typeof SIMPLE)[number] });
  }
}

/** Most points in one history message: about 10 minutes of the live charts' own sampling, ~15 KB on the wire. */
export const HISTORY_MAX_POINTS = 600;

/**
 * A round's chart history so far, as the live charts draw it: per point the simulated day, threat cells, killer T
 * cells and the fraction of tissue lost (the model's metrics samples, every metricsEveryTicks ticks).
 */
export interface RoundHistory { round: number; days: number[]; threat: number[]; cd8: number[]; damage: number[] }

const roundTo = (v: number, digits: number): number => {
  const f = 10 ** digits;
  return Number.isFinite(v) ? Math.round(v * f) / f : 0;
};

/**
 * The history message for a round: at most `maxPoints` samples, evenly spread and always with the first and last.
 * `threatMetric`: what counts as the threat (debrief.ts threatMetricOf: activated self-reactive killers in autoimmunity).
 */
export function roundHistory(round: number, samples: readonly MetricSample[], maxPoints = HISTORY_MAX_POINTS, threatMetric: MetricName = "threat.burden"): RoundHistory {
  const n = samples.length, k = Math.min(n, Math.max(2, Math.floor(maxPoints)));
  const h: RoundHistory = { round, days: [], threat: [], cd8: [], damage: [] };
  let last = -1;
  for (let i = 0; i < k; i++) {
    const at = k === 1 ? 0 : Math.round((i * (n - 1)) / (k - 1));
    if (at === last) continue;
    last = at;
    const v = samples[at].values;
    h.days.push(roundTo(samples[at].day, 4));
    h.threat.push(roundTo(v[threatMetric] ?? 0, 2));
    h.cd8.push(roundTo(v["count.cd8"] ?? 0, 2));
    h.damage.push(roundTo(v["tissue.damage"] ?? 0, 5));
  }
  return h;
}

/** Checks a history message before the charts use it: four series of equal length, finite numbers, days not falling. */
export function checkRoundHistory(payload: unknown): Checked<RoundHistory> {
  if (!isPlainObject(payload)) return { ok: false, error: "a history must be an object" };
  const { round, days, threat, cd8, damage } = payload;
  if (typeof round !== "number" || !Number.isInteger(round) || round < 0) return { ok: false, error: "round must be a whole number" };
  const series = [days, threat, cd8, damage];
  if (!series.every((a) => Array.isArray(a) && a.length <= HISTORY_MAX_POINTS && a.every((x) => typeof x === "number" && Number.isFinite(x)))) {
    return { ok: false, error: `days, threat, cd8 and damage must be lists of at most ${HISTORY_MAX_POINTS} numbers` };
  }
  const d = days as number[];
  if (!series.every((a) => (a as number[]).length === d.length)) return { ok: false, error: "the four series must have the same length" };
  for (let i = 1; i < d.length; i++) if (d[i] < d[i - 1]) return { ok: false, error: "days must not go backwards" };
  return { ok: true, value: { round, days: d, threat: threat as number[], cd8: cd8 as number[], damage: damage as number[] } };
}
