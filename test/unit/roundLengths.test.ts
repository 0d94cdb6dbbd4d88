// The round lengths the menus offer (shared/net/roundLengths.ts). That the shortest shows expansion in every scenario
// is checked in a bot round by test/validation/roundLengths.test.ts.

import { describe, expect, test } from "vitest";
import { CLASS_SHORT_DAYS, SHORTEST_MENU_DAYS, SOLO_SHORT_DAYS, shortLengths } from "../../shared/net/roundLengths.ts";
import { MIN_ROUND_DAYS } from "../../shared/net/roomOptions.ts";

describe("round lengths the menus offer", () => {
  test("the shortest is the lists' shortest, no 1-day round is offered, and each menu lists only lengths shorter than the scenario", () => {
    expect(SHORTEST_MENU_DAYS).toBe(Math.min(...SOLO_SHORT_DAYS, ...CLASS_SHORT_DAYS));
    expect(SHORTEST_MENU_DAYS).toBeGreaterThanOrEqual(MIN_ROUND_DAYS);
    expect(SHORTEST_MENU_DAYS).toBeGreaterThan(1);
    expect(shortLengths(SOLO_SHORT_DAYS, 3)).toEqual(SOLO_SHORT_DAYS.filter((d) => d < 3));
    expect(shortLengths(CLASS_SHORT_DAYS, 100)).toEqual([...CLASS_SHORT_DAYS]);
  });
});
