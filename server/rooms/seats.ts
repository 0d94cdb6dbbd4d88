// Who sits where in a tissue room: people (by sessionId) and bots ("bot:<role>"), each with a role and the squads it
// commands, mirrored into state.seats. Solo mode: one person, bots in every other role. Called by TissueRoom.

import { MapSchema } from "@colyseus/schema";
import { SeatState } from "../../shared/net/TissueState.ts";
import { ROLES, ROLE_SQUADS, type Difficulty, type Role } from "../../shared/sim/index.ts";

export interface Seat {
  id: string; // sessionId, or "bot:<role>"
  role: Role;
  /** The bot's difficulty, or null for a person. */
  bot: Difficulty | null;
  host: boolean;
}

export const botSeatId = (role: Role): string => `bot:${role}`;

/** The room's seats, kept in step with the synced SeatState map. */
export class Seats {
  readonly byId = new Map<string, Seat>();
  private readonly states: MapSchema<SeatState>;

  constructor(states: MapSchema<SeatState>) {
    this.states = states;
  }

  /** Fills every role but `humanRole` with a bot (solo mode, at creation). */
  fillBots(humanRole: Role, difficulty: Difficulty): void {
    for (const role of ROLES) if (role !== humanRole) this.addBot(role, difficulty);
  }

  addBot(role: Role, difficulty: Difficulty): Seat {
    return this.add({ id: botSeatId(role), role, bot: difficulty, host: false }, `Bot (${difficulty})`);
  }

  addPerson(sessionId: string, role: Role, host: boolean): Seat {
    return this.add({ id: sessionId, role, bot: null, host }, host ? "Player (host)" : "Player");
  }

  /** A person's seat passes to a bot of `difficulty` (they left, or did not come back in time). */
  toBot(sessionId: string, difficulty: Difficulty): Seat | null {
    const seat = this.byId.get(sessionId);
    if (!seat || seat.bot) return null;
    this.remove(sessionId);
    return this.addBot(seat.role, difficulty);
  }

  /** Takes a bot out of `role`'s seat; true when there was one. */
  removeBot(role: Role): boolean {
    const id = botSeatId(role);
    if (!this.byId.has(id)) return false;
    this.remove(id);
    return true;
  }

  setConnected(sessionId: string, connected: boolean): void {
    const s = this.states.get(sessionId);
    if (s) s.connected = connected;
  }

  people(): Seat[] {
    return [...this.byId.values()].filter((s) => !s.bot);
  }

  bots(): Seat[] {
    return [...this.byId.values()].filter((s) => s.bot);
  }

  /** Seats in role order, for the debrief. */
  list(): { role: Role; name: string; bot: string; squads: number[] }[] {
    return ROLES.flatMap((role) => {
      const seat = [...this.byId.values()].find((s) => s.role === role);
      if (!seat) return [];
      return [{ role, name: this.states.get(seat.id)?.name ?? "", bot: seat.bot ?? "", squads: [...ROLE_SQUADS[role]] }];
    });
  }

  private add(seat: Seat, name: string): Seat {
    this.byId.set(seat.id, seat);
    const s = new SeatState();
    s.role = seat.role;
    s.squads = ROLE_SQUADS[seat.role].join(",");
    s.name = name;
    s.bot = seat.bot ?? "";
    s.connected = true;
    s.host = seat.host;
    this.states.set(seat.id, s);
    return seat;
  }

  private remove(id: string): void {
    this.byId.delete(id);
    this.states.delete(id);
  }
}
