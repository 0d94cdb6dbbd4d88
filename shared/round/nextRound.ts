// What the next round of a room keeps from the last (the results screen's "play again", a teacher's new round): the
// round's number goes up by one, the seed is the last seed plus one (another patient, the same every time), the clock
// runs, the seats stay, and every bot comes back in its role at the room's difficulty on the new seed. Pure; called by
// server/rooms/roundLife.ts.

import type { Difficulty, Role } from "../sim/index.ts";

/** The round that ended: its number, seed, the roles bots played and the room's difficulty. */
export interface RoundLeft { round: number; seed: number; botRoles: readonly Role[]; difficulty: Difficulty }

/** The next round: its number, seed (unsigned 32 bits), the clock running, and the bots to seat on it. */
export interface NextRound { round: number; seed: number; paused: false; bots: { role: Role; difficulty: Difficulty; seed: number }[] }

export function nextRound(left: RoundLeft): NextRound {
  const seed = (left.seed + 1) >>> 0;
  return { round: left.round + 1, seed, paused: false, bots: left.botRoles.map((role) => ({ role, difficulty: left.difficulty, seed })) };
}
