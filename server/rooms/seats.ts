// Who sits where in a tissue room: people (by sessionId) and bots ("bot:<role>"), each with a role and the squads it
// commands, mirrored into state.seats. The seats' rules (a bot's or a person's seat, a hand-over to a bot) are in
// shared/round/seatRules.ts; the solo and class decisions in soloSeating.ts and classSeating.ts. Called by TissueRoom
// and ClassroomRoom.

import type { ArraySchema, MapSchema } from "@colyseus/schema";
import { SeatState } from "../../shared/net/TissueState.ts";
import { botSeat, botSeatId, botSeatName, personSeat, personSeatName, type BotSeat, type Seat } from "../../shared/round/seatRules.ts";
import { ROLES, ROLE_SQUADS, type Difficulty, type Role } from "../../shared/sim/index.ts";

export { botSeatId, type Seat };

/** The room's seats, kept in step with the synced SeatState map. */
export class Seats {
  readonly byId = new Map<string, Seat>();
  private readonly states: MapSchema<SeatState>;

  constructor(states: MapSchema<SeatState>) {
    this.states = states;
  }

  addBot(role: Role, difficulty: Difficulty): Seat {
    return this.add(botSeat(role, difficulty), botSeatName(difficulty));
  }

  addPerson(sessionId: string, role: Role, host: boolean, name = personSeatName(host)): Seat {
    return this.add(personSeat(sessionId, role, host), name);
  }

  /** A person's seat `sessionId` passes to `bot` (decided by seatToBot or soloLeave: they left, or did not come back). */
  handToBot(sessionId: string, bot: BotSeat): Seat {
    this.remove(sessionId);
    return this.add(bot, botSeatName(bot.bot));
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

  /** A seat's new role (its squads become the role's until a split gives it its own). */
  setRole(id: string, role: Role): void {
    const seat = this.byId.get(id), s = this.states.get(id);
    if (!seat || !s) return;
    if (seat.role !== role) this.setTeam(id, 0); // teams are within a role
    seat.role = role;
    s.role = role;
    this.setSquads(id, [...ROLE_SQUADS[role]]);
  }

  setTeam(id: string, team: number): void {
    const seat = this.byId.get(id), s = this.states.get(id);
    if (!seat || !s) return;
    seat.team = team;
    s.team = team;
  }

  setSquads(id: string, squads: number[]): void {
    const seat = this.byId.get(id), s = this.states.get(id);
    if (!seat || !s) return;
    seat.squads = squads;
    writeSquads(s.squads, squads);
  }

  setName(id: string, name: string): void {
    const s = this.states.get(id);
    if (s) s.name = name;
  }

  nameOf(id: string): string {
    return this.states.get(id)?.name ?? "";
  }

  /** Removes a seat for good (a kicked student). */
  delete(id: string): void {
    this.remove(id);
  }

  people(): Seat[] {
    return [...this.byId.values()].filter((s) => !s.bot);
  }

  bots(): Seat[] {
    return [...this.byId.values()].filter((s) => s.bot);
  }

  /** Every seat in role order (people before bots within a role), for the debrief. */
  list(): { role: Role; name: string; bot: string; squads: number[] }[] {
    return ROLES.flatMap((role) =>
      [...this.byId.values()]
        .filter((s) => s.role === role)
        .sort((a, b) => Number(a.bot !== null) - Number(b.bot !== null))
        .map((seat) => ({ role, name: this.states.get(seat.id)?.name ?? "", bot: seat.bot ?? "", squads: [...seat.squads] })),
    );
  }

  private add(seat: Seat, name: string): Seat {
    this.byId.set(seat.id, seat);
    const s = new SeatState();
    s.role = seat.role;
    writeSquads(s.squads, seat.squads);
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

/** Writes the seat's squad numbers into its synced array, touching it only when they changed (no needless patch). */
function writeSquads(synced: ArraySchema<number>, squads: readonly number[]): void {
  if (synced.length === squads.length && squads.every((n, i) => synced.at(i) === n)) return;
  synced.clear();
  synced.push(...squads);
}
