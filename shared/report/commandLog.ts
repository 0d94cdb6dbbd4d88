// The round's log: exactly what reached the model, tick by tick (the commands each step applied, after the gate:
// people's, bots' and therapy cards; the squad edits made between steps), with the scenario, parameters and seed
// the world was made from. Same log replayed (replay.ts) gives the same state hash. Pure; the room records into it
// (TissueRoomBase through RoundContrasts) and the contrast runs read it. Ticks are model ticks.

import { stateHash } from "../sim/hash.ts";
import type { Command } from "../sim/commands.ts";
import type { Params } from "../sim/params.ts";
import type { Scenario } from "../sim/scenario.ts";
import { CellFlag, type World } from "../sim/world.ts";
import { CellType } from "../sim/cellTypes.ts";
import type { ParamName } from "../sim/params.ts";

/** A change to the world between steps (the same shapes as the room's WorldEdit: split a squad, merge one back, the sandbox's live parameter). */
export type LoggedEdit =
  | { kind: "split"; squad: number; into: number[] }
  | { kind: "merge"; from: number; to: number }
  | { kind: "param"; name: ParamName; value: number };

/** What reached the model at one tick: edits first (made before the step), then the commands the step applied. */
export interface LogTick { tick: number; edits?: LoggedEdit[]; commands?: Command[] }

export interface RoundLog {
  scenario: Scenario;
  params: Params;
  seed: number;
  /** The tick the round ended at: a replay steps ticks 0 … endTick − 1, then makes the edits logged at endTick. */
  endTick: number;
  /** stateHash of the real world at endTick, when asked for: a replay with nothing changed must give it. */
  hash?: string;
  /** Only ticks where something reached the model, in order. */
  ticks: LogTick[];
  /** Ids of the helper T cells the world started with (to tell which orders moved helpers). */
  startHelperIds: number[];
  /** Tregs the world started with. */
  startTregs: number;
}

/** What a round's log starts from: what the world was made from, and the helpers and Tregs it started with. */
export type LogStart = Pick<RoundLog, "scenario" | "params" | "seed" | "startHelperIds" | "startTregs">;

/** The start of the log of a fresh `world` (tick 0, before its first step). */
export function logStartOf(world: World): LogStart {
  const c = world.cells, startHelperIds: number[] = [];
  let startTregs = 0;
  for (let i = 0; i < c.count; i++) {
    if (c.flags[i] & CellFlag.dead) continue;
    if (c.type[i] === CellType.cd4) startHelperIds.push(c.id[i]);
    else if (c.type[i] === CellType.treg) startTregs++;
  }
  return { scenario: world.scenario, params: { ...world.params }, seed: world.seed, startHelperIds, startTregs };
}

/** Collects a round's log while it runs. */
export class CommandRecorder {
  private readonly byTick = new Map<number, LogTick>();
  private readonly scenario: Scenario;
  private readonly params: Params;
  private readonly seed: number;
  private readonly startHelperIds: number[];
  private readonly startTregs: number;

  /** Starts the log of a fresh world (tick 0, before its first step), or from what it started with (logStartOf). */
  constructor(from: World | LogStart) {
    const start = "cells" in from ? logStartOf(from) : from;
    this.scenario = start.scenario;
    this.params = { ...start.params };
    this.seed = start.seed;
    this.startHelperIds = [...start.startHelperIds];
    this.startTregs = start.startTregs;
  }

  private at(tick: number): LogTick {
    let t = this.byTick.get(tick);
    if (!t) this.byTick.set(tick, (t = { tick }));
    return t;
  }

  /** Commands the step at `tick` applies (copied: the caller's array may be reused). */
  commands(tick: number, commands: readonly Command[]): void {
    if (!commands.length) return;
    const t = this.at(tick);
    (t.commands ??= []).push(...commands.map((c) => structuredClone(c)));
  }

  /** Edits made to the world at `tick`, before that tick's step. */
  edits(tick: number, edits: readonly LoggedEdit[]): void {
    if (!edits.length) return;
    const t = this.at(tick);
    (t.edits ??= []).push(...edits.map((e) => structuredClone(e)));
  }

  /** Drops the commands logged at `tick` or later (sent to the model's thread, but the answer was never taken). */
  forgetCommandsFrom(tick: number): void {
    for (const [k, t] of this.byTick) {
      if (k < tick) continue;
      delete t.commands;
      if (!t.edits) this.byTick.delete(k);
    }
  }

  /**
   * The finished log of `world` (the same world, at its last tick), with its state hash if `withHash` (hashing a
   * late-round world takes tens of ms: the room leaves it out, tests check it).
   */
  finish(world: World, withHash = true): RoundLog {
    const log = this.finishAt(world.tick);
    return withHash ? { ...log, hash: stateHash(world) } : log;
  }

  /** The log up to `tick`, without a state hash (a room that holds no world: the model steps elsewhere). */
  finishAt(tick: number): RoundLog {
    const ticks = [...this.byTick.values()].filter((t) => t.tick <= tick).sort((a, b) => a.tick - b.tick);
    return { scenario: this.scenario, params: this.params, seed: this.seed, endTick: tick, ticks, startHelperIds: this.startHelperIds, startTregs: this.startTregs };
  }
}
