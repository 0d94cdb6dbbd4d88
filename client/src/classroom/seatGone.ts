// What a class's page says when its device comes back and the class no longer has its seat: the class itself has
// ended (its code no longer works), or the seat was let go (away longer than the class keeps a seat, the round ended
// meanwhile, or the teacher removed the student). A plain sentence and the way back: a student joins again with the
// class's code, which this page keeps (nothing to type again; the server gives the nickname back if nobody has it:
// server/rooms/classroom/formerNames.ts); the teacher returns with the host secret. Used by classroomUi.ts.

import type { ClassroomSession } from "../net/ClassroomSession.ts";
import { el } from "../ui/dom.ts";

export interface SeatGoneWords { title: string; text: string; action: string | null }

/**
 * The words for a seat gone (`gone`) in class `code`; `name` is the student's nickname, `holdMinutes` the class's hold
 * (0: the whole round), `awayMs` how long the device was away: shorter than the hold, the round's end let it go.
 */
export function seatGoneWords(gone: "class" | "seat", code: string, teacher: boolean, name: string, holdMinutes: number, awayMs: number): SeatGoneWords {
  if (gone === "class") {
    return teacher
      ? { title: "The class has ended", text: `Class ${code} is no longer open, so its code no longer works. Open a new class from the menu; the results of its rounds are under Teach a class.`, action: null }
      : { title: "The class has ended", text: `Class ${code} ended while your device was away, so its code no longer works. Thank you for playing!`, action: null };
  }
  if (teacher) {
    return { title: "This page lost its place in the class", text: `Class ${code} may still be going. Return to it to see the class again; nothing of the class is lost.`, action: `Return to class ${code}` };
  }
  const why = holdMinutes > 0 && awayMs >= holdMinutes * 60_000
    ? `Your device was away longer than the ${holdMinutes} minute${holdMinutes === 1 ? "" : "s"} class ${code} keeps a seat`
    : `The round in class ${code} ended while your device was away`;
  const nick = name ? `you keep your nickname, ${name}, if nobody else has it` : "you get a nickname again";
  return {
    title: "Your seat was let go",
    text: `${why}, so your cells went to a classmate or a bot. Join again with the class code, which this page kept for you: ${nick}. (If your teacher took you out of the class, this device cannot join it again.)`,
    action: `Join class ${code} again`,
  };
}

/** The message for this page if its seat is gone after a drop, with its button; null if the page left for another reason. */
export function seatGoneMessage(doc: Document, s: ClassroomSession, name: string, awayMs: number, ways: { rejoin(): void; returnToClass(): void }): { title: string; text: string; more: HTMLElement[] } | null {
  const gone = s.seatGone();
  if (!gone) return null;
  const w = seatGoneWords(gone, s.code, s.isTeacher(), name, s.state?.seatHoldMinutes ?? 0, awayMs);
  const more: HTMLElement[] = [];
  if (w.action) {
    const b = el(doc, "button", { type: "button", id: "seat-gone-rejoin", text: w.action });
    b.addEventListener("click", () => (s.isTeacher() ? ways.returnToClass() : ways.rejoin()));
    more.push(b);
  }
  return { title: w.title, text: w.text, more };
}
