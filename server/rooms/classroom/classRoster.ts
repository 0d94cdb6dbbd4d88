// The students of a class and the squads they command, applied to the room's seats, bots and world: joining order,
// each one's activity for the dashboard, the squads split at the start of a round, and a leaving or re-roled
// student's squads handed over mid-round. The rules (which role, which squads, who inherits) are shared/round's
// (classSeating.ts, squadSplit.ts). Called by ClassroomRoom and its desks (classroom/teacherDesk.ts).

import { ROLE_SQUADS, type Difficulty, type Role, type World } from "../../../shared/sim/index.ts";
import { handOver, newcomerRole, planSquads, rolesForBots, squadsInPlay, type BotSeats } from "../../../shared/round/index.ts";
import type { WorldEdit } from "../model/worldEdits.ts";
import { botSeatId, type Seats } from "../seats.ts";
import { newActivity, type Activity } from "./dashboard.ts";
import { newNickname } from "./nicknames.ts";

/** What seating a bot reads of the round: its seed and tick length (the room's RoundFacts). */
type RoundSeed = Pick<World, "seed" | "dtS">;

export interface Student { id: string; role: Role; squads: number[] }

export class ClassRoster {
  /** Students in joining order (seat ids): plans and balances are stable. */
  order: string[] = [];
  readonly activity = new Map<string, Activity>();
  /** Split squads of this round and the base squad each came from. */
  private origin = new Map<number, number>();
  private readonly seats: Seats;
  private readonly bots: BotSeats;
  private readonly difficulty: Difficulty;
  /** Makes a change to the round's world (the room's editWorld, so that the model's thread makes it too). */
  private readonly edit: (edit: WorldEdit) => void;
  /** Nicknames kept for students who may come back (FormerNames.keptNames): no new nickname is one of them. */
  private readonly kept: () => Iterable<string>;

  constructor(seats: Seats, bots: BotSeats, difficulty: Difficulty, edit: (edit: WorldEdit) => void, kept: () => Iterable<string> = () => []) {
    this.seats = seats;
    this.bots = bots;
    this.difficulty = difficulty;
    this.edit = edit;
    this.kept = kept;
  }

  students(): Student[] {
    return this.order.map((id) => this.seats.byId.get(id)!).filter(Boolean);
  }

  isStudent(id: string): boolean {
    return this.order.includes(id);
  }

  countRole(role: Role): number {
    return this.students().filter((s) => s.role === role).length;
  }

  /** A nickname no student of the class has, nor a departed student who may come back. */
  freshNickname(): string {
    return newNickname(new Set([...this.order.map((id) => this.seats.nameOf(id)), ...this.kept()]));
  }

  /** A new student: the role the class has fewest of against a balanced class one bigger, and a fresh nickname (or `name`: a returning student's own). */
  admit(id: string, name = this.freshNickname()): void {
    this.seats.addPerson(id, newcomerRole(this.students(), this.order.length), false, name);
    this.order.push(id);
    this.activity.set(id, newActivity());
  }

  /** The round starts: each role's students split its squads, bots take roles nobody has. */
  startRound(world: RoundSeed): void {
    const plan = planSquads(this.students());
    for (const [base, parts] of plan.splits) this.edit({ kind: "split", squad: base, into: parts });
    for (const [id, squads] of plan.bySeat) this.seats.setSquads(id, squads);
    this.origin = plan.origin;
    for (const role of rolesForBots(this.students())) this.seatBot(role, world);
  }

  /** Back to the lobby: bots leave until the next start, every student holds their role's whole squads again. */
  toLobby(): void {
    for (const seat of this.seats.bots()) {
      this.bots.unseat(seat.role);
      this.seats.removeBot(seat.role);
    }
    for (const s of this.students()) this.seats.setSquads(s.id, [...ROLE_SQUADS[s.role]]);
    this.origin = new Map();
  }

  /** A student who arrives in a running round (late join, a new role): a bot's seat, else squads (classSeating.ts). */
  seatInPlay(id: string): void {
    const role = this.seats.byId.get(id)!.role;
    const arrival = squadsInPlay(role, this.matesOf(id), this.seats.byId.has(botSeatId(role)));
    if (arrival.unseatBot) {
      this.seats.removeBot(role);
      this.bots.unseat(role);
    }
    this.seats.setSquads(id, arrival.squads);
  }

  /** Removes a student's seat; mid-round (`phase` not the lobby) their squads go on under a classmate or a bot. */
  vacate(id: string, world: RoundSeed, phase: string): void {
    if (!this.isStudent(id)) return;
    if (phase !== "lobby") this.handOver(id, world, phase === "playing");
    this.seats.delete(id);
    this.order = this.order.filter((s) => s !== id);
    this.activity.delete(id);
  }

  /**
   * Gives the squads only `id` commands to the classmate of the same role with fewest squads, or folds them back into
   * their base squad and (while `playing`) seats a bot for the role.
   */
  handOver(id: string, world: RoundSeed, playing: boolean): void {
    const seat = this.seats.byId.get(id)!;
    const plan = handOver(seat, this.matesOf(id), this.origin, { playing, botSeated: this.seats.byId.has(botSeatId(seat.role)) });
    if (plan.heir && plan.orphans.length) this.seats.setSquads(plan.heir.id, [...plan.heir.squads, ...plan.orphans]);
    for (const [from, to] of plan.folds) this.edit({ kind: "merge", from, to });
    if (plan.seatBot) this.seatBot(seat.role, world);
  }

  /** This round's split squads and the base squad each came from (a class's checkpoint). */
  origins(): [number, number][] {
    return [...this.origin];
  }

  /** A resumed class (classroom/resume.ts): a student whose seat is made again, in joining order. */
  restoreStudent(id: string): void {
    this.order.push(id);
    this.activity.set(id, newActivity());
  }

  /** A resumed class's split squads (classroom/resume.ts). */
  restoreOrigins(pairs: readonly [number, number][]): void {
    this.origin = new Map(pairs);
  }

  /** The other students of `id`'s role, in joining order. */
  private matesOf(id: string): Student[] {
    const role = this.seats.byId.get(id)!.role;
    return this.students().filter((s) => s.id !== id && s.role === role);
  }

  private seatBot(role: Role, world: RoundSeed): void {
    this.seats.addBot(role, this.difficulty);
    this.bots.seat(role, this.difficulty, world.seed, world.dtS);
  }
}
