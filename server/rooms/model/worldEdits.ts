// Changes the room makes to a world outside its steps: a classroom sharing a role's squads out among its students
// at the start of a round, and folding a leaving student's squad back. Plain data, so that they can travel to the
// model's thread and be made there too. Called by ClassroomRoom (through the room's editWorld) and modelWorker.ts.

import { mergeSquad, splitSquad, type ParamName, type World } from "../../../shared/sim/index.ts";

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
