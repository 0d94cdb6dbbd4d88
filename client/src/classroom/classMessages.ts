// The classroom messages read here rather than in ClassroomSession: "closed" (the teacher closed the class: the words
// to show) and "history" (a round's chart history sent on (re)joining mid-round, checked by shared/net before use).
// Bound to the session's room, and again when a reconnection brings a new room object. Started by classroomUi.ts.

import { ClassroomServerMessage, checkRoundHistory, type ClassClosed, type RoundHistory } from "../../../shared/net/classroom.ts";
import type { ClassroomSession } from "../net/ClassroomSession.ts";

/** What the live charts need: the latest history and word of the next. */
export interface HistorySource {
  readonly history: RoundHistory | null;
  onHistory(cb: (h: RoundHistory) => void): () => void;
}

export interface ClassWatch extends HistorySource {
  /** The words of the teacher's close, once it came; null while the class is open. */
  readonly closedText: string | null;
  onClosed(cb: (text: string) => void): () => void;
}

const watches = new WeakMap<ClassroomSession, ClassWatch>();

/** The watch of this session's classroom messages, started on first call (call it as soon as the session exists). */
export function watchClass(session: ClassroomSession): ClassWatch {
  const known = watches.get(session);
  if (known) return known;
  const historyCbs = new Set<(h: RoundHistory) => void>();
  const closedCbs = new Set<(text: string) => void>();
  const watch = {
    history: null as RoundHistory | null,
    closedText: null as string | null,
    onHistory: (cb: (h: RoundHistory) => void) => { historyCbs.add(cb); return () => { historyCbs.delete(cb); }; },
    onClosed: (cb: (text: string) => void) => { closedCbs.add(cb); return () => { closedCbs.delete(cb); }; },
  };
  let bound: unknown = null;
  const bind = () => {
    const room = session.room;
    if (room === bound) return; // the SDK's own reconnection keeps the room object and its handlers
    bound = room;
    room.onMessage(ClassroomServerMessage.history, (payload: unknown) => {
      const checked = checkRoundHistory(payload);
      if (!checked.ok) return console.warn(`history refused: ${checked.error}`);
      watch.history = checked.value;
      for (const cb of [...historyCbs]) cb(checked.value);
    });
    room.onMessage(ClassroomServerMessage.closed, (payload: unknown) => {
      const reason = (payload as Partial<ClassClosed> | null)?.reason;
      watch.closedText = typeof reason === "string" && reason ? reason : "The class is closed.";
      for (const cb of [...closedCbs]) cb(watch.closedText);
    });
  };
  bind();
  session.onReconnect(bind);
  watches.set(session, watch);
  return watch;
}
