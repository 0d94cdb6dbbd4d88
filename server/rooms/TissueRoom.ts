// One patch of tissue shared by the players in it: builds a world from a scenario and advances the model at a
// fixed rate, copying a summary into the synced state. Units: model ticks; TICKS_PER_SECOND wall-clock.
// Thin on purpose: rules live in shared/sim. Registered by server/app.ts.

import { Room } from "@colyseus/core";
import { createWorld, dayOf, makeParams, step, type World } from "../../shared/sim/index.ts";
import { DEFAULT_SCENARIO_ID, SCENARIOS } from "../../shared/scenarios/index.ts";
import { TissueState } from "../../shared/net/TissueState.ts";

/** Model ticks per wall-clock second while a round runs. */
export const TICKS_PER_SECOND = 20;

export interface TissueRoomOptions {
  scenarioId?: string;
  seed?: number;
}

/** Checks the options a client may send when creating a room; returns a problem or null. */
export function checkTissueRoomOptions(options: unknown): string | null {
  if (options === undefined || options === null) return null;
  if (typeof options !== "object" || Array.isArray(options)) return "options must be an object";
  const o = options as Record<string, unknown>;
  if (o.scenarioId !== undefined && (typeof o.scenarioId !== "string" || !Object.hasOwn(SCENARIOS, o.scenarioId))) {
    return `unknown scenario "${String(o.scenarioId)}"`;
  }
  if (o.seed !== undefined && !(Number.isInteger(o.seed) && (o.seed as number) >= 0 && (o.seed as number) <= 0xffffffff)) {
    return "seed must be an integer from 0 to 4294967295";
  }
  return null;
}

export class TissueRoom extends Room<{ state: TissueState }> {
  override state = new TissueState();
  private world!: World;

  override onCreate(options: TissueRoomOptions = {}): void {
    const problem = checkTissueRoomOptions(options);
    if (problem) throw new Error(problem);

    const scenario = SCENARIOS[options.scenarioId ?? DEFAULT_SCENARIO_ID];
    const seed = options.seed ?? Math.floor(Math.random() * 0x1_0000_0000);
    this.world = createWorld(scenario, makeParams(scenario.params), seed);
    this.state.scenarioId = scenario.id;
    this.copyToState();

    this.setFixedTimestep(() => this.advance(), TICKS_PER_SECOND);
  }

  /** Advances the model by `ticks` ticks (stopping once the round has an outcome) and syncs the summary. */
  advance(ticks = 1): void {
    for (let k = 0; k < ticks && this.world.outcome === "ongoing"; k++) step(this.world);
    this.copyToState();
  }

  private copyToState(): void {
    this.state.tick = this.world.tick;
    this.state.day = dayOf(this.world);
    this.state.cellCount = this.world.cells.count - this.world.deadCount;
    this.state.outcome = this.world.outcome;
  }
}
