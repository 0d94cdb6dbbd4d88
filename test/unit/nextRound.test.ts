// What a room's next round keeps (shared/round/nextRound.ts): the next number and seed, the clock running, the same
// bots at the room's difficulty on the new seed.

import { describe, expect, test } from "vitest";
import { nextRound } from "../../shared/round/index.ts";
import { ROLES } from "../../shared/sim/index.ts";

describe("nextRound", () => {
  test("the round's number and seed go up by one and the clock runs", () => {
    const next = nextRound({ round: 3, seed: 41, botRoles: [], difficulty: "normal" });
    expect(next.round).toBe(4);
    expect(next.seed).toBe(42);
    expect(next.paused).toBe(false);
    expect(next.bots).toEqual([]);
  });

  test("every bot comes back in its role, at the room's difficulty, on the new seed", () => {
    const roles = [ROLES[0], ROLES[2]];
    const next = nextRound({ round: 1, seed: 7, botRoles: roles, difficulty: "hard" });
    expect(next.bots).toEqual(roles.map((role) => ({ role, difficulty: "hard", seed: 8 })));
  });

  test("the seed stays an unsigned 32-bit number past its top", () => {
    expect(nextRound({ round: 1, seed: 0xffffffff, botRoles: [], difficulty: "easy" }).seed).toBe(0);
  });

  test("the same round left gives the same next round", () => {
    const left = { round: 2, seed: 99, botRoles: ROLES.slice(1), difficulty: "normal" as const };
    expect(nextRound(left)).toEqual(nextRound(left));
  });
});
