// The seat hold: how long a class keeps a seat for a device that dropped (a sleeping Chromebook, a lost network, a
// server restart), and the seats it is keeping now. A student's seat (nickname, role, team, squads) is kept for the
// whole round: it is released when the round ends, when the teacher removes the student, or after the class's
// hold: the teacher's choice in the class setup (shared/net/seatHoldChoice.ts; SeatHolds.choose), never longer than
// the server's longest hold (CLASS_SEAT_HOLD_MINUTES, default 120 minutes: longer than a lesson, so that a class
// nobody comes back to does not live for ever). A held seat counts against the class's size. The same hold serves a live drop
// (ClassroomRoom.onDrop) and a class resumed after a restart (resume.ts). Units: seconds unless named.

import type { Client, Deferred } from "@colyseus/core";

/** The environment variable that sets a class's longest seat hold, in minutes. */
export const SEAT_HOLD_ENV = "CLASS_SEAT_HOLD_MINUTES";
/** The longest seat hold by default, minutes: longer than a lesson of two or three rounds. */
export const DEFAULT_SEAT_HOLD_MINUTES = 120;
/** Bounds of the setting, minutes: at least a few minutes of sleep; at most a school day. */
export const SEAT_HOLD_MINUTES_RANGE = [2, 600] as const;

/** The longest seat hold, seconds, from the server's environment (a bad value is reported and the default used). */
export function seatHoldSeconds(env: Record<string, string | undefined> = process.env, warn: (line: string) => void = console.warn): number {
  const raw = env[SEAT_HOLD_ENV];
  if (raw === undefined || raw.trim() === "") return DEFAULT_SEAT_HOLD_MINUTES * 60;
  const minutes = Number(raw);
  const [lo, hi] = SEAT_HOLD_MINUTES_RANGE;
  if (!Number.isFinite(minutes) || minutes < lo || minutes > hi) {
    warn(`${SEAT_HOLD_ENV}=${raw} is not a number of minutes from ${lo} to ${hi}: seats are held ${DEFAULT_SEAT_HOLD_MINUTES} minutes at most.`);
    return DEFAULT_SEAT_HOLD_MINUTES * 60;
  }
  return Math.round(minutes * 60);
}

/**
 * The hold a class uses, given the teacher's choice (minutes, or undefined for the whole round: shared/net/seatHoldChoice.ts)
 * and the server's longest hold (seconds): the shorter of the two. Returns the seconds to hold and the minutes to tell
 * the class (the state's seatHoldMinutes: 0 for the whole round, released at its end).
 */
export function chosenHold(choiceMinutes: number | undefined, longestSeconds: number): { seconds: number; minutes: number } {
  if (choiceMinutes === undefined || choiceMinutes * 60 >= longestSeconds) {
    // The whole round, or a choice past the server's bound: the bound, told in minutes when it is the shorter.
    return { seconds: longestSeconds, minutes: choiceMinutes === undefined ? 0 : Math.max(1, Math.floor(longestSeconds / 60)) };
  }
  return { seconds: choiceMinutes * 60, minutes: choiceMinutes };
}

/** Why a held seat's token is refused after the round it was held for (a server log's words, never a page's). */
export const SEAT_RELEASED_TEXT = "the round is over: a seat held for an away device is released";

/** Asks Colyseus to keep a seat for a dropped device's reconnection token (the room's allowReconnection). */
export type AllowReconnection = (client: Client, seconds: number) => Deferred<Client>;

/** The seats a class is keeping for away devices, by seat id. */
export class SeatHolds {
  private readonly waits = new Map<string, Deferred<Client>>();
  private readonly allow: AllowReconnection;
  /** The longest hold, seconds (the setting above; tests shorten or lengthen it). */
  seconds: number;

  constructor(allow: AllowReconnection, seconds = seatHoldSeconds()) {
    this.allow = allow;
    this.seconds = seconds;
  }

  /** Applies the teacher's choice (minutes, or undefined for the whole round) under this bound; the minutes to tell the class (0: the whole round). */
  choose(choiceMinutes: number | undefined): number {
    const hold = chosenHold(choiceMinutes, this.seconds);
    this.seconds = hold.seconds;
    return hold.minutes;
  }

  /**
   * Keeps `client`'s seat for its reconnection token, for `seconds` at most (the hold by default). `gone` runs if the
   * seat is released without the device coming back (time, the round's end, a removal); Colyseus itself then calls
   * the room's onLeave for a live drop, so only a stand-in (resume.ts) needs it.
   */
  hold(client: Client, seconds = this.seconds, gone?: () => void): Deferred<Client> {
    const id = client.sessionId;
    const wait = this.allow(client, seconds);
    this.waits.set(id, wait);
    wait.then(() => {}, () => {
      if (this.waits.get(id) === wait) this.waits.delete(id);
      gone?.();
    });
    return wait;
  }

  /** Whether a seat is being kept for this id now. */
  has(id: string): boolean {
    return this.waits.has(id);
  }

  /** The device came back, or left for good: nothing is kept for it any more. */
  forget(id: string): void {
    this.waits.delete(id);
  }

  /** Releases the seat kept for `id` now (its token is refused from then on); false if none was kept. */
  release(id: string, reason: string): boolean {
    const wait = this.waits.get(id);
    if (!wait) return false;
    this.waits.delete(id);
    wait.reject(new Error(reason));
    return true;
  }

  /** Releases every seat kept for one of `ids` (the students, at the round's end); returns how many. */
  releaseAll(ids: Iterable<string>, reason: string): number {
    let n = 0;
    for (const id of [...ids]) if (this.release(id, reason)) n++;
    return n;
  }
}
