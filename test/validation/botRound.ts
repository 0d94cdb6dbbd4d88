// Runs a round of the pure model with bots in some seats, as the room does (each bot thinks every thinkEveryTicks,
// its payloads pass the wire's validator and go to world.pending), for the tests of what a bot round shows.

import { createWorld, makeParams, step, ROLES, type Difficulty, type Role, type Scenario, type World } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { checkCommand } from "../../shared/net/commandMessage.ts";
import { createBot, observe } from "../../shared/bots/index.ts";

export interface BotRoundOptions {
  scenarioId: string;
  days: number;
  seed: number;
  difficulty: Difficulty;
  /** Seats the bots take (default: every role). */
  roles?: readonly Role[];
  /** Called after every tick. */
  each?: (world: World) => void;
}

/** A bot round under way: `advance` steps it on until a day (at most the round's end) or until its outcome is decided. */
export interface BotRoundRun {
  world: World;
  advance: (toDay: number, each?: (world: World) => void) => void;
}

export function startBotRound(o: Omit<BotRoundOptions, "each">): BotRoundRun {
  const sc: Scenario = { ...SCENARIOS[o.scenarioId], days: o.days };
  const world = createWorld(sc, makeParams(sc.params), o.seed);
  const bots = (o.roles ?? ROLES).map((r) => createBot(r, o.difficulty, o.seed * 7 + 1));
  const advance = (toDay: number, each?: (world: World) => void) => {
    // to the round's end a few ticks more than its length (the outcome ends it), to a day inside it exactly that day
    const toTick = toDay < o.days ? Math.ceil((toDay * 86400) / world.dtS) : Math.ceil((o.days * 86400) / world.dtS) + 10;
    while (world.tick < toTick && world.outcome === "ongoing") {
      for (const b of bots) {
        if (world.tick % b.thinkEveryTicks) continue;
        for (const p of b.decide(observe(world, b.role))) {
          const r = checkCommand(p);
          if (!r.ok) throw new Error(`${b.role}: ${r.error}`);
          world.pending.push(r.command);
        }
      }
      step(world);
      each?.(world);
    }
  };
  return { world, advance };
}

export function botRound(o: BotRoundOptions): World {
  const round = startBotRound(o);
  round.advance(o.days, o.each);
  return round.world;
}

/** Share of all IL-2 captured so far that Tregs took (the model's cumulative il2.captured.* metrics). */
export function tregCaptureShare(world: World): number {
  return tregCaptureShareOf(world.history.at(-1)?.values);
}

/** The same, from one metrics sample's values. */
export function tregCaptureShareOf(v: World["history"][number]["values"] | undefined): number {
  if (!v) return 0;
  const all = (["cd4", "cd8", "treg", "nkBright", "nkDim"] as const).reduce((a, t) => a + v[`il2.captured.${t}`], 0);
  return all > 0 ? v["il2.captured.treg"] / all : 0;
}
