// Replays a round from its log (commandLog.ts): the same world made from the same scenario, parameters and seed,
// stepped to the same tick with the same commands and edits. A change may set parameters, change the fresh world
// and rewrite each tick's commands (the contrasts, contrasts.ts). Pure and deterministic. Called by the contrast worker and tests.

import { createWorld } from "../sim/createWorld.ts";
import type { Command } from "../sim/commands.ts";
import { makeParams } from "../sim/params.ts";
import { mergeSquad, splitSquad } from "../sim/squads.ts";
import { step } from "../sim/step.ts";
import type { World } from "../sim/world.ts";
import type { LoggedEdit, RoundLog } from "./commandLog.ts";

export interface ReplayChange {
  /** Parameters set differently from the real round's. */
  params?: Partial<Record<string, number>>;
  /** A change to the fresh world before its first step (e.g. some cells taken out). */
  start?: (world: World) => void;
  /** This tick's commands as the contrast gives them (called just before the step that applies them). */
  commands?: (commands: readonly Command[], world: World) => Command[];
}

export function applyLoggedEdit(world: World, edit: LoggedEdit): void {
  if (edit.kind === "split") splitSquad(world, edit.squad, edit.into);
  else if (edit.kind === "merge") mergeSquad(world, edit.from, edit.to);
  else world.params[edit.name] = edit.value;
}

/** How often progress is reported, ticks. */
const PROGRESS_EVERY = 240;

/** Runs the log's round (with `change`, if any) and returns the world at the log's end tick. */
export function replayRound(log: RoundLog, change: ReplayChange = {}, onProgress?: (tick: number, total: number) => void): World {
  const params = makeParams({ ...log.params, ...change.params });
  const world = createWorld(log.scenario, params, log.seed);
  change.start?.(world);
  let k = 0;
  const none: Command[] = [];
  for (let tick = 0; tick <= log.endTick; tick++) {
    const entry = log.ticks[k]?.tick === tick ? log.ticks[k++] : undefined;
    for (const edit of entry?.edits ?? []) applyLoggedEdit(world, edit);
    if (tick === log.endTick) break;
    const logged = entry?.commands ?? none;
    step(world, change.commands ? change.commands(logged, world) : logged);
    if (onProgress && world.tick % PROGRESS_EVERY === 0) onProgress(world.tick, log.endTick);
  }
  return world;
}
