// The door every command passes, for people and bots alike: the wire check (checkCommand), then who may send what
// (squads owned by the sender's role, cells that exist and belong to them, therapy cards for the clinician, cool-down
// and the leak's veto on high dose). Accepted commands go to world.pending. Ticks; called by TissueRoom and botSeats.

import { checkCommand } from "../../shared/net/commandMessage.ts";
import { findCell } from "../../shared/report/inspect.ts";
import { doseAllowed, hoursToTicks, ROLE_SQUADS, type Command, type Role, type TherapyName, type World } from "../../shared/sim/index.ts";
import { courseOf } from "../../shared/sim/therapy.ts";

export type GateResult = { ok: true; command: Command } | { ok: false; error: string };

/** When each therapy card can next be played, model ticks (mirrored into state.cards by the room). */
export type CardClock = Map<TherapyName, number>;

/**
 * Checks one payload from a seat with `role` commanding `squads` (the role's own unless a classroom split them); on
 * success the command is queued and the card clock updated.
 */
export function admitCommand(world: World, role: Role, payload: unknown, cards: CardClock, squads: readonly number[] = ROLE_SQUADS[role]): GateResult {
  const checked = checkCommand(payload);
  if (!checked.ok) return checked;
  const cmd = checked.command;
  const refuse = (error: string): GateResult => ({ ok: false, error });
  switch (cmd.kind) {
    case "target":
    case "release":
    case "ability":
      if (!squads.includes(cmd.squad)) {
        return refuse(squads.length ? `squad ${cmd.squad} is not yours: you command squad ${squads.join(" and ")}` : "the clinician commands no cells, only therapy cards");
      }
      break;
    case "targetCells": {
      for (const id of cmd.cellIds) {
        const i = findCell(world, id);
        if (i < 0) return refuse(`cell ${id} is not in the tissue (it may have died)`);
        if (!squads.includes(world.cells.squad[i])) return refuse(`cell ${id} is not one of your cells`);
      }
      break;
    }
    case "therapy": {
      if (role !== "clinician") return refuse("only the clinician can give therapies");
      const ready = cards.get(cmd.therapy) ?? 0;
      if (world.tick < ready) return refuse(`that card is still in use: ready again in ${Math.ceil(((ready - world.tick) * world.dtS) / 3600)} h of tissue time`);
      if (!doseAllowed(world, cmd.therapy)) return refuse("high-dose IL-2 is withheld while the vascular leak is over the dose-limiting line");
      const { doses, intervalHours } = courseOf(world, cmd.therapy);
      const every = Math.max(1, hoursToTicks(world, intervalHours));
      cards.set(cmd.therapy, world.tick + (cmd.course ? doses : 1) * every);
      break;
    }
  }
  if ((cmd.kind === "target" || cmd.kind === "targetCells") && (cmd.x >= world.field.width || cmd.y >= world.field.height)) {
    return refuse(`the point must lie inside the tissue (${world.field.width} × ${world.field.height} voxels)`);
  }
  world.pending.push(cmd);
  return { ok: true, command: cmd };
}
