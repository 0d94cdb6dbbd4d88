// The kiosk round's clock: the first simulated day or so runs at twice the speed (nothing divides in it: a T cell
// divides a day or more after it switches on), the rest at speed 1, so the visitor sees the helpers multiply within
// the first minute of a 2½-minute round. Wall-clock seconds from simulated days, and the speed the room should run
// at now. Pure. Used by kioskRound.ts; checked against the model by test/unit/kioskClock.test.ts.

import { WALL_SECONDS_PER_DAY } from "../../../shared/net/roundPace.ts";

export interface KioskPace {
  /** Simulated days at the start of the round that run at `fastSpeed`. */
  fastDays: number;
  fastSpeed: 1 | 2 | 4 | 8;
}

/** The speed the visitor's room should run at on this simulated day. */
export function speedAt(day: number, pace: KioskPace): number {
  return day < pace.fastDays ? pace.fastSpeed : 1;
}

/** Wall-clock seconds from the round's start (day 0) to simulated `day`. */
export function wallSecondsAt(day: number, pace: KioskPace): number {
  const fast = Math.min(day, pace.fastDays), slow = Math.max(0, day - pace.fastDays);
  return ((fast / pace.fastSpeed) + slow) * WALL_SECONDS_PER_DAY;
}

/** Wall-clock seconds left from `day` to the round's end at `days`. */
export function wallSecondsLeft(day: number, days: number, pace: KioskPace): number {
  return Math.max(0, wallSecondsAt(days, pace) - wallSecondsAt(Math.min(day, days), pace));
}
