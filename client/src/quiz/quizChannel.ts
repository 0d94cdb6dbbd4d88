// The classroom quiz's messages as one device sees them: the quiz open now and this device's own answers (every
// device), the class's gains (the teacher's only); sending an answer (a student) or a quiz action with the host secret
// (the teacher). Attached by ClassroomSession to each room it gets; used by classQuiz.ts.

import type { Room } from "@colyseus/sdk";
import { QuizClientMessage, QuizServerMessage, checkClassQuiz, checkQuizStatus, type ClassQuiz, type QuizAnswer, type QuizStatus, type QuizTeacherAction } from "../../../shared/net/quiz.ts";

export class QuizChannel {
  status: QuizStatus = { open: null, mine: { pre: [], post: [] } };
  gains: ClassQuiz | null = null;
  private room: Room | null = null;
  private readonly statusCbs = new Set<(s: QuizStatus) => void>();
  private readonly gainsCbs = new Set<(g: ClassQuiz) => void>();
  private readonly secret: () => string | null;

  constructor(secret: () => string | null) {
    this.secret = secret;
  }

  attach(room: Room): void {
    this.room = room;
    room.onMessage(QuizServerMessage.status, (payload: unknown) => {
      const c = checkQuizStatus(payload);
      if (!c.ok) return console.warn(`quiz status refused: ${c.error}`);
      this.status = c.value;
      for (const cb of [...this.statusCbs]) cb(c.value);
    });
    room.onMessage(QuizServerMessage.gains, (payload: unknown) => {
      const c = checkClassQuiz(payload);
      if (!c.ok) return console.warn(`quiz gains refused: ${c.error}`);
      this.gains = c.value;
      for (const cb of [...this.gainsCbs]) cb(c.value);
    });
  }

  answer(a: QuizAnswer): void {
    this.room?.send(QuizClientMessage.answer, a);
  }

  /** A teacher's quiz action, with the host secret (nothing is sent without one). */
  teacher(action: QuizTeacherAction): void {
    const secret = this.secret();
    if (secret) this.room?.send(QuizClientMessage.teacher, { ...action, secret });
  }

  onStatus(cb: (s: QuizStatus) => void): () => void { this.statusCbs.add(cb); return () => this.statusCbs.delete(cb); }
  onGains(cb: (g: ClassQuiz) => void): () => void { this.gainsCbs.add(cb); return () => this.gainsCbs.delete(cb); }
}
