// What the room tells this device about the lesson: its own predictions (and after the round, what happened), the
// class's tally (teacher only), the lesson plan's round, the sandbox's settings. Handlers are registered when the
// session attaches to a room (GameSession.attach), so nothing sent on joining is missed; panels subscribe here.

import type { Room } from "@colyseus/sdk";
import { LESSON_MESSAGE, LESSON_STATUS_MESSAGE, type LessonAction, type LessonStatus } from "../../../shared/net/lessonPlans.ts";
import { MY_PREDICTIONS_MESSAGE, PREDICT_MESSAGE, PREDICTION_TALLY_MESSAGE, type MyPredictions, type PredictionTally } from "../../../shared/net/predictionWire.ts";
import { SANDBOX_MESSAGE, SANDBOX_SETTINGS_MESSAGE, type SandboxPayload, type SandboxSettings } from "../../../shared/net/sandboxControls.ts";

export class LessonInbox {
  mine: MyPredictions | null = null;
  tally: PredictionTally | null = null;
  lesson: LessonStatus | null = null;
  sandbox: SandboxSettings | null = null;
  private room: Room<any, any> | null = null;
  private readonly listeners = new Set<() => void>();

  attach(room: Room<any, any>): void {
    this.room = room;
    room.onMessage(MY_PREDICTIONS_MESSAGE, (m: MyPredictions) => { this.mine = m; this.changed(); });
    room.onMessage(PREDICTION_TALLY_MESSAGE, (t: PredictionTally) => { this.tally = t; this.changed(); });
    room.onMessage(LESSON_STATUS_MESSAGE, (s: LessonStatus) => { this.lesson = s; this.changed(); });
    room.onMessage(SANDBOX_SETTINGS_MESSAGE, (s: SandboxSettings) => { this.sandbox = s; this.changed(); });
  }

  /** Calls `cb` after every message; returns its remover. */
  onChange(cb: () => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  predict(question: string, choice: string): void { this.room?.send(PREDICT_MESSAGE, { question, choice }); }
  /** A class's teacher sends the host secret with it; a solo player sends none. */
  sandboxChange(payload: SandboxPayload, secret?: string | null): void { this.room?.send(SANDBOX_MESSAGE, secret ? { secret, ...payload } : payload); }
  lessonAction(secret: string, action: LessonAction): void { this.room?.send(LESSON_MESSAGE, { secret, ...action }); }

  private changed(): void {
    for (const cb of [...this.listeners]) {
      try { cb(); } catch (e) { console.error(e); }
    }
  }
}

const inboxes = new WeakMap<object, LessonInbox>();

/** The inbox of a session (made on first use). */
export function lessonInbox(session: object): LessonInbox {
  let box = inboxes.get(session);
  if (!box) { box = new LessonInbox(); inboxes.set(session, box); }
  return box;
}

/** Called by GameSession.attach for every room it attaches to. */
export function attachLessonInbox(session: object, room: Room<any, any>): void {
  lessonInbox(session).attach(room);
}
