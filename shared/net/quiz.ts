// The wire contract of the classroom quiz: a student's answer (one tier of one item, for the quiz the teacher opened),
// the teacher's quiz actions (with the host secret, like every teacher action), what each device is told (the quiz
// open now and its own answers) and the class's gain per objective (the teacher's only). Validators for every inbound
// payload. Called by the classroom room at the door (server/rooms/classroom/quizBook.ts), the client and tests.

import { QUIZ_PHASES, type GainRow, type QuizPhase, type QuizPick } from "../quiz/quizScore.ts";
import { ITEM_ID_PATTERN, MAX_OPTIONS, TIERS, quizItem, type Tier } from "../quiz/quizItems.ts";
import type { Checked } from "./messages.ts";

/** Client → server, classroom only. */
export const QuizClientMessage = {
  /** A student answers one tier of one item (QuizAnswer). */
  answer: "quizAnswer",
  /** The teacher opens or closes a quiz, or asks for the class's gains (QuizTeacherAction), with the host secret. */
  teacher: "quizTeacher",
} as const;

/** Server → client, classroom only. */
export const QuizServerMessage = {
  /** To each device: the quiz open now and this device's own answers (QuizStatus). On joining and on every change. */
  status: "quizStatus",
  /** To the teacher's connections only: the class's answers per objective before and after play (ClassQuiz). */
  gains: "quizGains",
} as const;

export interface QuizAnswer { phase: QuizPhase; itemId: string; tier: Tier; pick: number }

export type QuizTeacherAction = { action: "open"; phase: QuizPhase } | { action: "close" } | { action: "gains" };

export interface QuizStatus {
  /** The quiz students may answer now, or null. */
  open: QuizPhase | null;
  /** This device's own answers so far (never anyone else's). */
  mine: { pre: QuizPick[]; post: QuizPick[] };
}

export interface ClassQuiz {
  open: QuizPhase | null;
  /** Students in the class now. */
  students: number;
  /** Students who have answered every item, before play and after. */
  finished: { pre: number; post: number };
  rows: GainRow[];
}

type Obj = Record<string, unknown>;
const isPlainObject = (v: unknown): v is Obj =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
const isPhase = (v: unknown): v is QuizPhase => (QUIZ_PHASES as readonly unknown[]).includes(v);
const isTier = (v: unknown): v is Tier => (TIERS as readonly unknown[]).includes(v);
const sameKeys = (o: Obj, keys: readonly string[]) => Object.keys(o).length === keys.length && keys.every((k) => Object.hasOwn(o, k));

/** Checks a student's answer: a known item, a tier, and an index into that tier's options. */
export function checkQuizAnswer(payload: unknown): Checked<QuizAnswer> {
  if (!isPlainObject(payload) || !sameKeys(payload, ["phase", "itemId", "tier", "pick"])) return { ok: false, error: "an answer is { phase, itemId, tier, pick }" };
  const { phase, itemId, tier, pick } = payload;
  if (!isPhase(phase)) return { ok: false, error: `phase must be one of ${QUIZ_PHASES.join(", ")}` };
  if (typeof itemId !== "string" || !ITEM_ID_PATTERN.test(itemId)) return { ok: false, error: "itemId must name a quiz item" };
  const item = quizItem(itemId);
  if (!item) return { ok: false, error: "there is no quiz item with that id" };
  if (!isTier(tier)) return { ok: false, error: `tier must be one of ${TIERS.join(", ")}` };
  const n = tier === "choice" ? item.choices.length : item.reasons.length;
  if (!(Number.isInteger(pick) && (pick as number) >= 0 && (pick as number) < Math.min(n, MAX_OPTIONS))) return { ok: false, error: `pick must be a whole number from 0 to ${n - 1}` };
  return { ok: true, value: { phase, itemId, tier, pick: pick as number } };
}

/** Checks a teacher's quiz message and returns the action and the secret it carried (the room compares the secret). */
export function checkQuizTeacher(payload: unknown): Checked<{ secret: string; action: QuizTeacherAction }> {
  if (!isPlainObject(payload)) return { ok: false, error: "a quiz message must be an object" };
  const { secret, action } = payload;
  if (typeof secret !== "string" || secret.length === 0 || secret.length > 128) return { ok: false, error: "this needs the teacher's host secret" };
  if (action === "open") {
    if (!sameKeys(payload, ["secret", "action", "phase"])) return { ok: false, error: "an open action is { secret, action, phase }" };
    return isPhase(payload.phase) ? { ok: true, value: { secret, action: { action, phase: payload.phase } } } : { ok: false, error: `phase must be one of ${QUIZ_PHASES.join(", ")}` };
  }
  if (action === "close" || action === "gains") {
    if (!sameKeys(payload, ["secret", "action"])) return { ok: false, error: `a ${action} action is { secret, action }` };
    return { ok: true, value: { secret, action: { action } } };
  }
  return { ok: false, error: "action must be one of open, close, gains" };
}

const isPickList = (v: unknown): v is QuizPick[] =>
  Array.isArray(v) && v.length <= 200 && v.every((p) => isPlainObject(p) && typeof p.itemId === "string" && isTier(p.tier) && Number.isInteger(p.pick));

/** Checks a status message before the page uses it. */
export function checkQuizStatus(payload: unknown): Checked<QuizStatus> {
  if (!isPlainObject(payload)) return { ok: false, error: "a quiz status must be an object" };
  const { open, mine } = payload;
  if (open !== null && !isPhase(open)) return { ok: false, error: "open must be a quiz phase or null" };
  if (!isPlainObject(mine) || !isPickList(mine.pre) || !isPickList(mine.post)) return { ok: false, error: "mine must hold the pre and post answers" };
  return { ok: true, value: { open, mine: { pre: mine.pre, post: mine.post } } };
}

/** Checks the class's gains before the teacher's page draws them. */
export function checkClassQuiz(payload: unknown): Checked<ClassQuiz> {
  if (!isPlainObject(payload) || !Array.isArray(payload.rows) || !isPlainObject(payload.finished)) return { ok: false, error: "a class quiz is { open, students, finished, rows }" };
  const { open, students, finished, rows } = payload;
  if (open !== null && !isPhase(open)) return { ok: false, error: "open must be a quiz phase or null" };
  if (!Number.isInteger(students) || !Number.isInteger(finished.pre) || !Number.isInteger(finished.post)) return { ok: false, error: "counts must be whole numbers" };
  const tally = (t: unknown) => isPlainObject(t) && Number.isInteger(t.right) && Number.isInteger(t.of);
  const okRows = rows.length <= 7 && rows.every((r) => isPlainObject(r) && Number.isInteger(r.objective) && typeof r.name === "string" && tally(r.pre) && tally(r.post) &&
    Number.isInteger(r.paired) && (r.gain === null || (typeof r.gain === "number" && Number.isFinite(r.gain))));
  if (!okRows) return { ok: false, error: "rows must be the objectives' tallies" };
  return { ok: true, value: payload as unknown as ClassQuiz };
}
