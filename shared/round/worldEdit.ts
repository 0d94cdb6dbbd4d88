// Changes made to a round's world outside its steps: a classroom sharing a role's squads out among its students at the
// start of a round, folding a leaving student's squad back, the sandbox's live parameters. Plain data, so that they
// can travel to the model's thread, be logged and be made again in a replay. Pure; called by the rooms (through
// server/rooms/model/worldEdits.ts), the model's thread and the round's input log (roundInputs.ts).

import { mergeSquad, splitSquad, type ParamName, type World } from "../sim/index.ts";

export type WorldEdit =
  | { kind: "split"; squad: number; into: number[] }
  | { kind: "merge"; from: number; to: number }
  /** The sandbox's live controls: a parameter the model reads every tick (checked against its range at the door). */
  | { kind: "param"; name: ParamName; value: number };

export function applyEdit(world: World, edit: WorldEdit): void {
  if (edit.kind === "split") splitSquad(world, edit.squad, edit.into);
  else if (edit.kind === "merge") mergeSquad(world, edit.from, edit.to);
  else world.params[edit.name] = edit.value;
}
