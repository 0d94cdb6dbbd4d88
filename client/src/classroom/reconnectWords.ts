// The words of the reconnecting screen (reconnectVeil.ts): what a page says while its device is away from its class,
// how far it has got in coming back ("Trying to reach your class… attempt 3"), and how long the class keeps the
// student's seat (the teacher's choice, state.seatHoldMinutes: shared/net/seatHoldChoice.ts). Of the class and the
// student's device, never of the network's inner parts. Pure: tested by test/unit/reconnectWords.test.ts.

import type { ReturnProgress } from "../net/GameSession.ts";

export const RECONNECT_TITLE = "Reconnecting to your class…";

/** How long the seat is kept, as the end of a sentence: "until the round ends", "for up to 10 minutes", "". */
function keptFor(phase: string, holdMinutes: number): string {
  if (holdMinutes > 0) return ` for up to ${holdMinutes} minute${holdMinutes === 1 ? "" : "s"}`;
  return phase === "playing" ? " until the round ends" : "";
}

/** The words while away: a student's seat and cells are kept (for the class's hold); the teacher's page just comes back. */
export function reconnectText(code: string, teacher: boolean, phase: string, holdMinutes = 0): string {
  return teacher
    ? `This page lost its connection to class ${code}. The class goes on; the page keeps trying and shows it again as soon as it can.`
    : `Your device lost its connection to class ${code}. Your seat and your cells are kept for you${keptFor(phase, holdMinutes)}: this page keeps trying by itself. If it takes long, check the Wi-Fi.`;
}

/** The progress line: "Trying to reach your class… attempt 3", or the wait before the next attempt. */
export function progressText(p: ReturnProgress): string {
  if (p.trying) return p.attempt > 0 ? `Trying to reach your class… attempt ${p.attempt}` : "Trying to reach your class…";
  const s = Math.max(1, Math.round(p.nextInMs / 1000));
  return p.attempt > 1
    ? `Attempt ${p.attempt - 1} did not reach the class. Next try in ${s} second${s === 1 ? "" : "s"}, or press Try now.`
    : `Next try in ${s} second${s === 1 ? "" : "s"}, or press Try now.`;
}

/** The Try now button's words: what pressing it does, and that it is already trying. */
export function tryNowLabel(trying: boolean): string {
  return trying ? "Trying…" : "Try now";
}

export const NOT_ANSWERING_TITLE = "The game server is not answering";
/** How long a page stays away before the card says the server is not answering, ms (a Wi-Fi blip is shorter; a device that knows it is offline keeps saying so). */
export const NOT_ANSWERING_MS = 8000;

/** The words once the server has been silent a while: the class is kept, the page comes back by itself, or the menu. */
export function notAnsweringText(code: string, teacher: boolean): string {
  return teacher
    ? `Class ${code} is kept. This page shows it again by itself as soon as it reaches the server; or go back to the menu, where Teach a class offers the way back.`
    : `Class ${code} and your seat are kept. This page takes you back by itself as soon as it reaches the server; or go back to the menu and join again with the code ${code}.`;
}

/** A restart's words (the server's own sentence), and what this page does about it. */
export function restartText(notice: string, teacher: boolean): string {
  return `${notice} ${teacher ? "This page shows the class again by itself when it is back." : "This page takes you back to your seat by itself when it is back."}`;
}
