// The round lengths the menus offer besides a scenario's full length, simulated days. Every one must show clonal
// expansion: a T cell divides only a day or more after it switches on (docs/model.md, division), so a 1-day round ends
// before the first division and is not offered. Rooms still accept shorter rounds (MIN_ROUND_DAYS in roomOptions.ts)
// for tests and the kiosk's URL settings. Used by the solo form and the teacher's round controls; checked by
// test/unit/roundLengths.test.ts in a bot round of every scenario.

/** Short practice rounds in the solo form. */
export const SOLO_SHORT_DAYS: readonly number[] = [4, 2];

/** Shorter rounds the teacher may pick for a class. */
export const CLASS_SHORT_DAYS: readonly number[] = [8, 6, 4, 2];

/** The shortest round any menu offers. */
export const SHORTEST_MENU_DAYS = Math.min(...SOLO_SHORT_DAYS, ...CLASS_SHORT_DAYS);

/** The short lengths a menu lists for a scenario: those shorter than its full length. */
export function shortLengths(lengths: readonly number[], scenarioDays: number): number[] {
  return lengths.filter((d) => d < scenarioDays);
}
