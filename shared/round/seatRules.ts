// What a seat is and how one passes between a person and a bot, pure: a bot sits in its role's seat ("bot:<role>")
// with the role's whole squads and never hosts; a person starts with the role's whole squads (a class may split them
// later); a person's seat handed over passes to a bot of the room's difficulty in the same role. Called by
// server/rooms/seats.ts (which mirrors seats into the synced state) and the solo and class seating rules.

import { ROLE_SQUADS, type Difficulty, type Role } from "../sim/index.ts";

export interface Seat {
  id: string; // sessionId, or "bot:<role>"
  role: Role;
  /** The bot's difficulty, or null for a person. */
  bot: Difficulty | null;
  host: boolean;
  /** Squads this seat commands (the role's squads unless a classroom split them). */
  squads: number[];
  /** Classroom: the team within the role whose students share a clone, or 0 (their own). */
  team?: number;
}

/** A bot's seat: its difficulty set. */
export type BotSeat = Seat & { bot: Difficulty };

/** A role's bot seat id: one bot at most per role. */
export const botSeatId = (role: Role): string => `bot:${role}`;

/** The name a seat shows: a bot's difficulty, or the solo player as host. */
export const botSeatName = (difficulty: Difficulty): string => `Bot (${difficulty})`;
export const personSeatName = (host: boolean): string => (host ? "Player (host)" : "Player");

/** A bot in `role`: the role's whole squads, never the host. */
export function botSeat(role: Role, difficulty: Difficulty): BotSeat {
  return { id: botSeatId(role), role, bot: difficulty, host: false, squads: [...ROLE_SQUADS[role]] };
}

/** A person arriving in `role`: the role's whole squads until a class splits them. */
export function personSeat(id: string, role: Role, host: boolean): Seat {
  return { id, role, bot: null, host, squads: [...ROLE_SQUADS[role]] };
}

/** The bot that takes over a person's seat (they left, or did not come back in time); null for a bot's seat. */
export function seatToBot(seat: Pick<Seat, "role" | "bot">, difficulty: Difficulty): BotSeat | null {
  return seat.bot === null ? botSeat(seat.role, difficulty) : null;
}
