// What the room knows of its round without holding its world: what was fixed when it began (scenario, seed, the
// tick's length), the live parameters (the scenario's, changed by the sandbox's edits the room sent), and from each
// answer of the model its tick, its outcome and its metric samples (the round's history: predictions, live charts,
// the contrasts). Ticks, seconds. Kept by TissueRoomBase; read by the classroom, the sandbox desk and the desks.

import { dayOf, type Outcome, type Params, type Scenario } from "../../../shared/sim/index.ts";
import type { RoundNow } from "../../../shared/net/predictions.ts";
import type { MetricSample } from "../../../shared/sim/metrics.ts";
import type { WorldEdit } from "./worldEdits.ts";

export class RoundFacts {
  scenario!: Scenario;
  seed = 0;
  /** Seconds per model tick. */
  dtS = 1;
  /** The parameters the model steps with now (the sandbox's live controls change them). */
  params!: Params;
  /** The model's tick and outcome as of the last answer taken (or the room's end of the round). */
  tick = 0;
  outcome: Outcome = "ongoing";
  /** The round's metric samples so far, oldest first. */
  history: MetricSample[] = [];
  /** Doses given so far, by therapy. */
  doses: Record<string, number> = {};
  /** Live parameters changed this round (the sandbox's edits; bounded by sandboxDesk.ts). */
  liveChanges = 0;

  /** A new round, before its first step: made from `scenario`, `params` and `seed` (the model's host makes its world from them). */
  begin(scenario: Scenario, params: Params, seed: number): void {
    this.scenario = scenario;
    this.seed = seed >>> 0;
    this.dtS = params.tickSeconds;
    this.params = { ...params };
    this.tick = 0;
    this.outcome = "ongoing";
    this.history = [];
    this.doses = {};
    this.liveChanges = 0;
  }

  /** An edit the room sends to the model: the live parameters follow it. */
  edit(edit: WorldEdit): void {
    if (edit.kind !== "param") return;
    this.params[edit.name] = edit.value;
    this.liveChanges++;
  }

  /** What an answer told: the model's tick and outcome, its new samples, the doses given so far. */
  heard(tick: number, outcome: Outcome, samples: readonly MetricSample[], doses: Record<string, number>): void {
    this.tick = tick;
    this.outcome = outcome;
    for (const m of samples) this.history.push(m);
    this.doses = doses;
  }

  /** The round now as a prediction's door reads it (shared/net/predictions.ts closedBecause). */
  now(): RoundNow {
    return { outcome: this.outcome, day: this.day, doses: this.doses };
  }

  /** The simulated day now. */
  get day(): number {
    return dayOf(this);
  }
}
