// The bot seats of a round: every bot's thinkEveryTicks model ticks its decide() output passes the same checks as a
// person's commands (commandFault for the door's limits, then admitCommand); refusals are dropped and counted.
// Ticks; called by Round (Round.ts) before the model's next steps.

import { createBot, observe, observeAs, type Bot, type BotObservation } from "../bots/index.ts";
import { ROLES, ROLE_SQUADS, commandCopy, commandFault, type Difficulty, type Role, type World } from "../sim/index.ts";
import { admitCommand, type CardClock } from "./admitCommand.ts";

/** Most commands one decision may queue (a bot gone wrong must not flood the model). */
const MAX_PER_DECISION = 32;

/** A bot seated (its seed derived from the world's) or unseated: the round's inputs of those kinds. */
export type BotSeatChange = { kind: "seat"; role: Role; difficulty: Difficulty } | { kind: "unseat"; role: Role };

/** The first multiple of `every` after `tick`: a bot's next turn. */
const nextTurn = (tick: number, every: number): number => (Math.floor(tick / every) + 1) * every;

export class BotSeats {
  private readonly bots = new Map<Role, Bot>();
  /** The tick each bot thinks at next (the first multiple of its interval it has not thought at). */
  private readonly due = new Map<Role, number>();
  private lastTick = 0;
  accepted = 0;
  refused = 0;
  /** The last refusal, for tests and logs. */
  lastRefusal = "";
  /** Told of each bot seated by `seat` or unseated (the room logs them as the round's inputs: roundInputs.ts). */
  watch: ((change: BotSeatChange) => void) | null = null;

  /** Seats a bot in `role` (replacing any bot there); its seed is derived from the round's seed and the role. */
  seat(role: Role, difficulty: Difficulty, worldSeed: number, tickSeconds: number): void {
    const roleSalt = ROLES.indexOf(role) + 1;
    this.seatBot(createBot(role, difficulty, (worldSeed ^ (roleSalt * 0x9e3779b1)) >>> 0, tickSeconds));
    this.watch?.({ kind: "seat", role, difficulty });
  }

  /** Seats a bot made elsewhere (a test's own seed) in its role, replacing any bot there. */
  seatBot(bot: Bot): void {
    this.bots.set(bot.role, bot);
    this.due.delete(bot.role);
  }

  unseat(role: Role): void {
    this.bots.delete(role);
    this.due.delete(role);
    this.watch?.({ kind: "unseat", role });
  }

  roles(): Role[] {
    return [...this.bots.keys()];
  }

  /** Model ticks from now until the next bot's turn (Infinity with no bot): steps asked at once stop there. */
  ticksToNextTurn(world: Pick<World, "tick">): number {
    let next = Number.POSITIVE_INFINITY;
    for (const [role, bot] of this.bots) next = Math.min(next, (this.due.get(role) ?? nextTurn(world.tick, bot.thinkEveryTicks)) - world.tick);
    return Math.max(1, next);
  }

  /**
   * Lets each bot whose turn it is decide: at every multiple of its interval, or at the first look after one when the
   * room steps several ticks at a time (speed, the model's thread). Call before the next step. Bots think on the same
   * tick from one shared look at the screen (observing costs about as much as deciding): that keeps bot work on one
   * tick in 90-540 rather than on one tick per bot, which matters for the room's slowest ticks.
   */
  think(world: World, cards: CardClock): void {
    if (world.outcome !== "ongoing") return;
    if (world.tick < this.lastTick) this.due.clear(); // a new world
    this.lastTick = world.tick;
    let seen: BotObservation | null = null;
    for (const [role, bot] of this.bots) {
      if (world.tick < (this.due.get(role) ?? 0)) continue;
      this.due.set(role, nextTurn(world.tick, bot.thinkEveryTicks));
      // Orders queued by a bot wait in world.pending until the step, so the screen is the same for the next bot.
      seen = seen ? observeAs(seen, role) : observe(world, role);
      for (const cmd of bot.decide(seen).slice(0, MAX_PER_DECISION)) {
        const fault = commandFault(cmd);
        const r = fault ? { ok: false as const, error: fault } : admitCommand(world, { role, squads: ROLE_SQUADS[role] }, commandCopy(cmd), cards);
        if (r.ok) this.accepted++;
        else {
          this.refused++;
          this.lastRefusal = `${role}: ${r.error}`;
        }
      }
    }
  }
}
