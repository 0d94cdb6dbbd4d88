// Test helper: plays a round the way a room steps it by itself (bots through the gate, scripted orders as a player's,
// each tick's commands logged just before the step), and returns the world and its log. Used by the contrast tests.

import { CommandRecorder, type RoundLog } from "../../shared/report/commandLog.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { ROLES, createWorld, makeParams, step, type Role, type World } from "../../shared/sim/index.ts";
import { BotDriver } from "../../server/rooms/botSeats.ts";
import { admitCommand, type CardClock } from "../../server/rooms/commandGate.ts";

export interface Scripted { tick: number; role: Role; payload: unknown }

export function playRound(scenarioId: string, seed: number, days: number, script: readonly Scripted[] = [], botRoles: readonly Role[] = ROLES): { world: World; log: RoundLog } {
  const scenario = { ...SCENARIOS[scenarioId], days };
  const world = createWorld(scenario, makeParams(scenario.params), seed);
  const recorder = new CommandRecorder(world);
  const bots = new BotDriver();
  for (const role of botRoles) bots.seat(role, "normal", world.seed, world.dtS);
  const cards: CardClock = new Map();
  const ticks = Math.round((days * 86400) / world.dtS);
  for (let t = 0; t < ticks && world.outcome === "ongoing"; t++) {
    bots.think(world, cards);
    for (const s of script) if (s.tick === world.tick) expectOk(admitCommand(world, s.role, s.payload, cards));
    recorder.commands(world.tick, world.pending);
    step(world);
  }
  return { world, log: recorder.finish(world) };
}

function expectOk(r: ReturnType<typeof admitCommand>): void {
  if (!r.ok) throw new Error(`a scripted order was refused: ${r.error}`);
}
