// A solo room's seating, pure: one person in the role they chose and bots in every other role (every role in a
// watched room: the kiosk's attract loop, whose watchers take no seat); a person who arrives takes the role back from
// its bot, as host; a person who leaves hands the seat to a bot so the round goes on. Decisions over plain records;
// server/rooms/TissueRoom.ts applies them to its seats and the Round's bots.

import { type Difficulty, type Role } from "../sim/index.ts";
import { rolesForBots, squadsInPlay } from "./classSeating.ts";
import { seatToBot, type BotSeat, type Seat } from "./seatRules.ts";

/** A solo room as these rules read it: the player's role and whether the room is only watched. */
export interface SoloRoom { readonly role: Role; readonly watched: boolean }

/**
 * The roles bots play from the room's start, in the order they are seated (bots think in that order each turn, so it
 * is part of a seeded run): all but the player's; in a watched room, the chosen role's bot first, then the others.
 */
export function soloBotRoles(room: SoloRoom): Role[] {
  const others = rolesForBots([{ role: room.role }]);
  return room.watched ? [room.role, ...others] : others;
}

/** A person's arrival in a solo room: the seat they take, and whether the role's bot leaves it to them. */
export interface SoloArrival { role: Role; squads: number[]; host: boolean; unseatBot: boolean }

/** Null in a watched room (watchers take no seat); otherwise the player's role, whole squads, as host. */
export function soloArrival(room: SoloRoom, botSeated: boolean): SoloArrival | null {
  if (room.watched) return null;
  const { squads, unseatBot } = squadsInPlay(room.role, [], botSeated);
  return { role: room.role, squads, host: true, unseatBot };
}

/** The bot that takes a leaving person's seat (at any phase: a solo round goes on without them); null when none. */
export function soloLeave(room: SoloRoom, seat: Pick<Seat, "role" | "bot"> | undefined, difficulty: Difficulty): BotSeat | null {
  if (room.watched || !seat) return null;
  return seatToBot(seat, difficulty);
}

/**
 * A watched room's watchers (the kiosk's attract loop, a projector): at most `max` of them, in the order they came;
 * the first is the host (may pause and change speed), and when the host leaves the next one in order is.
 */
export class WatchRoster {
  private readonly ids = new Set<string>();
  private readonly max: number;

  constructor(max: number) {
    this.max = max;
  }

  /** Why one more watcher cannot come, or null when they may. */
  refusal(): string | null {
    return this.ids.size >= this.max ? `this round already has ${this.max} watchers` : null;
  }

  add(id: string): void {
    this.ids.add(id);
  }

  remove(id: string): void {
    this.ids.delete(id);
  }

  /** The host: the watcher who came first and is still here, or null with none. */
  get host(): string | null {
    return this.ids.values().next().value ?? null;
  }

  get size(): number {
    return this.ids.size;
  }
}
