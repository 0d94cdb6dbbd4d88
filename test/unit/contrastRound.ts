// Test helper: plays a round the way a room steps it by itself (the shared Round: bots through its gate, scripted
// orders checked at the door and admitted as a player's, each tick's commands logged just before the step), and
// returns the world and its log. Used by the contrast tests.

import { checkCommand } from "../../shared/net/commandMessage.ts";
import { CommandRecorder, type RoundLog } from "../../shared/report/commandLog.ts";
import { Round } from "../../shared/round/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { ROLES, ROLE_SQUADS, createWorld, makeParams, type Role, type World } from "../../shared/sim/index.ts";

export interface Scripted { tick: number; role: Role; payload: unknown }

export function playRound(scenarioId: string, seed: number, days: number, script: readonly Scripted[] = [], botRoles: readonly Role[] = ROLES): { world: World; log: RoundLog } {
  const scenario = { ...SCENARIOS[scenarioId], days };
  const round = new Round(createWorld(scenario, makeParams(scenario.params), seed));
  const world = round.world;
  const recorder = new CommandRecorder(world);
  for (const role of botRoles) round.bots.seat(role, "normal", world.seed, world.dtS);
  const ticks = Math.round((days * 86400) / world.dtS);
  for (let t = 0; t < ticks && world.outcome === "ongoing"; t++) {
    round.think();
    for (const s of script) if (s.tick === world.tick) admitScripted(round, s);
    recorder.commands(world.tick, world.pending);
    round.step();
  }
  return { world, log: recorder.finish(world) };
}

function admitScripted(round: Round, s: Scripted): void {
  const checked = checkCommand(s.payload);
  const r = checked.ok ? round.admit({ role: s.role, squads: ROLE_SQUADS[s.role] }, checked.command) : checked;
  if (!r.ok) throw new Error(`a scripted order was refused: ${r.error}`);
}
