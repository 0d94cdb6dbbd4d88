// Drives the bot seats: every bot's thinkEveryTicks model ticks, its decide() output passes through the same gate as
// a person's messages (checkCommand + ownership + cards); refusals are dropped and counted. Ticks; called by TissueRoom
// after each model step.

import { createBot, observe, type Bot } from "../../shared/bots/index.ts";
import { ROLES, type Difficulty, type Role, type World } from "../../shared/sim/index.ts";
import { admitCommand, type CardClock } from "./commandGate.ts";

/** Most payloads one decision may queue (a bot gone wrong must not flood the model). */
const MAX_PER_DECISION = 32;
/** Ticks between two roles' turns to think (bots think every 60 ticks or more). */
const STAGGER_TICKS = 7;

export class BotDriver {
  private readonly bots = new Map<Role, Bot>();
  /** Each role thinks on its own tick of the interval, so no tick carries every bot's thinking at once. */
  private readonly offsets = new Map<Role, number>();
  accepted = 0;
  refused = 0;
  /** The last refusal, for tests and logs. */
  lastRefusal = "";

  /** Seats a bot in `role` (replacing any bot there); its seed is derived from the round's seed and the role. */
  seat(role: Role, difficulty: Difficulty, worldSeed: number, tickSeconds: number): void {
    const roleSalt = ROLES.indexOf(role) + 1;
    this.offsets.set(role, roleSalt * STAGGER_TICKS);
    this.bots.set(role, createBot(role, difficulty, (worldSeed ^ (roleSalt * 0x9e3779b1)) >>> 0, tickSeconds));
  }

  unseat(role: Role): void {
    this.bots.delete(role);
  }

  roles(): Role[] {
    return [...this.bots.keys()];
  }

  /** Lets each bot whose turn it is decide; call once per model tick, before the next step. */
  think(world: World, cards: CardClock): void {
    if (world.outcome !== "ongoing") return;
    for (const [role, bot] of this.bots) {
      if ((world.tick + (this.offsets.get(role) ?? 0)) % bot.thinkEveryTicks !== 0) continue;
      const payloads = bot.decide(observe(world, role));
      for (const payload of payloads.slice(0, MAX_PER_DECISION)) {
        const r = admitCommand(world, role, payload, cards);
        if (r.ok) this.accepted++;
        else {
          this.refused++;
          this.lastRefusal = `${role}: ${r.error}`;
        }
      }
    }
  }
}
