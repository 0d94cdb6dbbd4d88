// Brings a fresh world (tick 0) to the tick a checkpoint reached by making again what reached the model, tick by
// tick: each tick's edits, then the step with its commands (the model is deterministic, so the world is the one
// the round had). At the last tick only the edits are made: its commands are the next step's. Pure; called by
// modelRound.ts (the world of the room's model host: its thread or this process) when a class resumes after a restart.

import type { LogTick } from "../../../shared/report/commandLog.ts";
import { step, type Command, type SimEvent, type World } from "../../../shared/sim/index.ts";
import { applyEdit } from "./worldEdits.ts";

/** A round's log up to `tick` (ticks in order, none past `tick`). */
export interface ReplayTo { ticks: LogTick[]; tick: number }

export interface ReplayHooks {
  /** Before the step at `entry.tick` (its edits made already), or for the last tick's edits. */
  before?(entry: LogTick): void;
  /** After each step, with its events. */
  after?(events: readonly SimEvent[]): void;
}

/** Steps `world` from tick 0 to `log.tick`; returns the commands logged at that last tick (not yet applied). */
export function replayTo(world: World, log: ReplayTo, hooks: ReplayHooks = {}): Command[] {
  if (world.tick !== 0) throw new Error("a replay starts from a fresh world");
  let k = 0;
  for (let tick = 0; tick <= log.tick; tick++) {
    const entry = log.ticks[k]?.tick === tick ? log.ticks[k++] : { tick };
    for (const edit of entry.edits ?? []) applyEdit(world, edit);
    hooks.before?.(entry);
    if (tick === log.tick) return [...(entry.commands ?? [])];
    if (world.outcome !== "ongoing") throw new Error(`the round ended at tick ${tick}, before the checkpoint's tick ${log.tick}`);
    const events = step(world, entry.commands ?? []);
    hooks.after?.(events);
  }
  return [];
}
