// The classroom quiz at the door: the teacher opens the pre-quiz (in the lobby, before the first round) or the
// post-quiz (after a round's debrief) and closes it, with the host secret; each student answers for themselves (the
// room knows who sent it: no name travels in the message), each tier once, only for the quiz open now. Answers are kept
// in memory for the class's gain (by seat, bounded; a student back on their former seat with its proof keeps their
// sheet; a class resumed after a restart reads them back from the store) and saved per nickname in the results store.
// Students are told only their own answers; the class's gain goes to the teacher's connections alone. Created by ClassroomRoom, which forwards the messages.

import type { Client } from "@colyseus/core";
import { QuizServerMessage, QuizClientMessage, checkQuizAnswer, checkQuizTeacher, type ClassQuiz, type QuizStatus } from "../../../shared/net/quiz.ts";
import { quizItem } from "../../../shared/quiz/quizItems.ts";
import { finished, gainRows, isRight, type QuizPhase, type QuizPick } from "../../../shared/quiz/quizScore.ts";
import type { QuizAnswerRecord } from "../../results/quizAnswers.ts";
import type { ResultsStore } from "../../results/resultsStore.ts";
import { getResultsStore } from "../../results/activeStore.ts";
import type { ClassParts } from "./classParts.ts";

/** What the quiz needs of its room. */
export interface QuizRoomPort {
  code: string;
  /** The room's phase: lobby, playing or ended. */
  phase(): string;
  /** Rounds the class has finished. */
  roundsPlayed(): number;
  secretMatches(secret: string): boolean;
  /** The student's nickname now, or null when this connection is not a student's. */
  studentName(sessionId: string): string | null;
  /** The students' connections, and the teacher's. */
  studentIds(): readonly string[];
  teacherIds(): Iterable<string>;
  /** The message budget: whether one more message from this client may be acted on this second. */
  allow(sessionId: string): boolean;
  refuse(client: Client, message: string, error: string): void;
  send(sessionId: string, type: string, payload: unknown): void;
  store(): ResultsStore;
  /** Something the class's checkpoint keeps changed (the quiz open). */
  changed(): void;
}

interface Sheet { nickname: string; pre: QuizPick[]; post: QuizPick[] }

/** How many sheets a class keeps (more than a class's size, over a lesson); past it a departed student's oldest goes. */
export const QUIZ_SHEETS_KEPT = 400;

export class QuizBook {
  open: QuizPhase | null = null;
  /** By seat (connection) id: a renamed student keeps their sheet; a proven return to a former seat takes it along. */
  private readonly sheets = new Map<string, Sheet>();
  private gainsChanged = false;
  private readonly port: QuizRoomPort;

  constructor(port: QuizRoomPort) {
    this.port = port;
  }

  /** A student's answer: checked, from this student only, once per tier, for the quiz open now; saved, then acknowledged. */
  answer(client: Client, payload: unknown): void {
    const p = this.port, type = QuizClientMessage.answer;
    if (!p.allow(client.sessionId)) return p.refuse(client, type, "too many answers at once: wait a moment");
    const nickname = p.studentName(client.sessionId);
    if (nickname === null) return p.refuse(client, type, "only students answer the quiz");
    const checked = checkQuizAnswer(payload);
    if (!checked.ok) return p.refuse(client, type, checked.error);
    const a = checked.value;
    if (this.open !== a.phase) return p.refuse(client, type, this.open ? `the ${this.open}-quiz is open now, not the ${a.phase}-quiz` : "no quiz is open now: wait for your teacher");
    const sheet = this.sheetOf(client.sessionId, nickname);
    const picks = sheet[a.phase];
    if (picks.some((x) => x.itemId === a.itemId && x.tier === a.tier)) return p.refuse(client, type, "you have already answered that; your first answer stands");
    if (a.tier === "reason" && !picks.some((x) => x.itemId === a.itemId && x.tier === "choice")) return p.refuse(client, type, "choose an answer before its reason");
    const pick: QuizPick = { itemId: a.itemId, tier: a.tier, pick: a.pick };
    picks.push(pick);
    p.store().saveQuizAnswer({ code: p.code, phase: a.phase, nickname, itemId: a.itemId, objective: quizItem(a.itemId)!.objective, tier: a.tier, pick: a.pick, right: isRight(pick) })
      .catch((err: unknown) => console.error(`[classroom ${p.code}] could not save a quiz answer:`, err));
    this.gainsChanged = true;
    p.send(client.sessionId, QuizServerMessage.status, this.statusFor(client.sessionId));
  }

  /** A teacher's quiz action (open, close, the gains now), with the host secret. */
  teacher(client: Client, payload: unknown): void {
    const p = this.port, type = QuizClientMessage.teacher;
    if (!p.allow(client.sessionId)) return p.refuse(client, type, "too many messages at once: wait a moment");
    const checked = checkQuizTeacher(payload);
    if (!checked.ok) return p.refuse(client, type, checked.error);
    if (!p.secretMatches(checked.value.secret)) return p.refuse(client, type, "only the teacher can do that: the host secret does not match");
    const a = checked.value.action;
    if (a.action === "gains") return p.send(client.sessionId, QuizServerMessage.gains, this.classQuiz());
    if (a.action === "close") this.setOpen(null);
    else {
      const error = this.mayOpen(a.phase);
      if (error) return p.refuse(client, type, error);
      this.setOpen(a.phase);
    }
    this.sendGains();
  }

  /** Why this quiz cannot be opened now, or null. */
  private mayOpen(phase: QuizPhase): string | null {
    const p = this.port;
    if (p.phase() === "playing") return "the quiz is given between rounds: end the round first";
    if (phase === "pre" && p.roundsPlayed() > 0) return "the pre-quiz comes before the first round; after a round, give the post-quiz";
    if (phase === "pre" && p.phase() !== "lobby") return "the pre-quiz is given in the lobby";
    if (phase === "post" && p.roundsPlayed() === 0) return "the post-quiz comes after a round: play one first";
    return null;
  }

  /**
   * A student came back to their former seat with its proof (formerNames.ts) on a new seat: their sheet moves along, so
   * they see their answers, answer each tier once still, and count once in the class's gains.
   */
  seatReturned(formerSeat: string, seatId: string): void {
    const s = this.sheets.get(formerSeat);
    if (!s || this.sheets.has(seatId)) return;
    this.sheets.delete(formerSeat);
    this.sheets.set(seatId, s);
  }

  /**
   * A class resumed after a restart (resume.ts): each student's sheet again from the answers the results store kept
   * (saved per nickname), on the seat that has the nickname now, and the quiz that was open. The first answer to a
   * tier stands, as at the door.
   */
  restore(answers: readonly QuizAnswerRecord[], seatOf: ReadonlyMap<string, string>, open: QuizPhase | null): void {
    for (const a of answers) {
      const seat = seatOf.get(a.nickname);
      if (seat === undefined) continue;
      const picks = this.sheetOf(seat, a.nickname)[a.phase];
      if (!picks.some((x) => x.itemId === a.itemId && x.tier === a.tier)) picks.push({ itemId: a.itemId, tier: a.tier, pick: a.pick });
    }
    this.open = open;
  }

  /** A round starts: an open quiz closes (its answers stay). */
  roundStarts(): void {
    if (this.open) this.setOpen(null);
  }

  /** A (re)joining device is told the quiz open now and its own answers; a teacher's, the class's gains too. */
  catchUp(client: Client): void {
    this.port.send(client.sessionId, QuizServerMessage.status, this.statusFor(client.sessionId));
    if ([...this.port.teacherIds()].includes(client.sessionId)) this.port.send(client.sessionId, QuizServerMessage.gains, this.classQuiz());
  }

  /** Sends the class's gains to the teacher's connections if answers came in since the last time (the dashboard's rate). */
  flushGains(): void {
    if (this.gainsChanged) this.sendGains();
  }

  statusFor(sessionId: string): QuizStatus {
    const s = this.sheets.get(sessionId);
    return { open: this.open, mine: { pre: [...(s?.pre ?? [])], post: [...(s?.post ?? [])] } };
  }

  /** The class's answers per objective, before and after play (for the teacher only). */
  classQuiz(): ClassQuiz {
    const sheets = [...this.sheets.values()];
    return {
      open: this.open,
      students: this.port.studentIds().length,
      finished: { pre: sheets.filter((s) => finished(s.pre)).length, post: sheets.filter((s) => finished(s.post)).length },
      rows: gainRows(sheets),
    };
  }

  private sheetOf(sessionId: string, nickname: string): Sheet {
    let s = this.sheets.get(sessionId);
    if (s) return s;
    if (this.sheets.size >= QUIZ_SHEETS_KEPT) {
      const here = new Set(this.port.studentIds());
      for (const id of this.sheets.keys()) if (!here.has(id)) { this.sheets.delete(id); break; }
    }
    this.sheets.set(sessionId, (s = { nickname, pre: [], post: [] }));
    return s;
  }

  private setOpen(phase: QuizPhase | null): void {
    this.open = phase;
    this.port.changed();
    for (const id of [...this.port.studentIds(), ...this.port.teacherIds()]) this.port.send(id, QuizServerMessage.status, this.statusFor(id));
  }

  private sendGains(): void {
    this.gainsChanged = false;
    const gains = this.classQuiz();
    for (const id of this.port.teacherIds()) this.port.send(id, QuizServerMessage.gains, gains);
  }
}

/** The quiz's view of a class: who is a student or a teacher, the secret, the budget, the store. */
export function classQuizPort(c: ClassParts): QuizRoomPort {
  return {
    code: c.code,
    phase: () => c.phase,
    roundsPlayed: () => c.summaries.length,
    secretMatches: (secret) => c.isHostSecret(secret),
    studentName: (id) => (c.roster.isStudent(id) ? c.seats.nameOf(id) : null),
    studentIds: () => c.roster.order,
    teacherIds: () => c.teachers,
    allow: (id) => c.base.allow(id),
    refuse: (client, message, error) => c.base.refuse(client, message, error),
    send: (id, type, payload) => c.client(id)?.send(type, payload),
    store: () => (c.record.keep(), getResultsStore()), // only saveQuizAnswer: an answer is a result
    changed: () => c.checkpoints.changed(),
  };
}
