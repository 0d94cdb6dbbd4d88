// What a new round shows before the model's first answer: the world the model's host makes from the same scenario and
// seed (createWorld is deterministic: the host's own is the same, tick 0), read once here and dropped: what the
// contrasts' log starts from (the helpers and Tregs at tick 0), the first key frame of the IL-2 field and the first
// view. The room holds no world: this one lives for the call. Clients in a class's lobby see the tissue without a model
// thread running (a thread starts with the first steps). Called by roundLife.ts startRound.

import { logStartOf, type LogStart } from "../../../shared/report/commandLog.ts";
import { createWorld, type Params, type Scenario } from "../../../shared/sim/index.ts";
import type { FieldFrames } from "../fieldBroadcast.ts";
import { viewOf, type RoundView } from "./roundView.ts";

/** A round at tick 0: the contrasts' log start and the view; the field's key frame is made into `frames`. */
export interface RoundOpening { log: LogStart; view: RoundView }

/** The round made from `scenario`, `params` and `seed`, at tick 0; its key frame made into `frames` (restarted). */
export function openRound(scenario: Scenario, params: Params, seed: number, frames: FieldFrames): RoundOpening {
  const world = createWorld(scenario, params, seed);
  frames.restart();
  frames.next(world); // a key frame ready for the first client; the model's frames go on from it
  return { log: logStartOf(world), view: viewOf(world) };
}
