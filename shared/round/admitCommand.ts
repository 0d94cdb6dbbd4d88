// Who may send what, for people and bots alike: a seat's own squads and cells, therapy cards for the clinician, each
// card's cool-down and the vascular leak's veto on high dose, points inside the tissue. An admitted command goes to
// world.pending for the next step. The command is already well formed (the door's checkCommand, or commandFault for
// bots). Ticks; called by Round (Round.ts) and its bot seats (botSeats.ts).

import { CellFlag, doseAllowed, hoursToTicks, type Command, type Role, type TherapyName, type World } from "../sim/index.ts";
import { courseOf } from "../sim/therapy.ts";
import { indexOfId } from "../sim/world.ts";

export type Admission = { ok: true; command: Command } | { ok: false; error: string };

/** When each therapy card can next be played, model ticks (copied into state.cards by the room). */
export type CardClock = Map<TherapyName, number>;

/** Who sends: a role, and the squads its seat commands (the role's own, unless a classroom split them). */
export interface Sender { role: Role; squads: readonly number[] }

/** Index of the living cell with this id, or -1. */
function livingCell(world: World, id: number): number {
  const c = world.cells;
  const i = indexOfId(c.id, c.count, id);
  return i >= 0 && !(c.flags[i] & CellFlag.dead) ? i : -1;
}

/** Admits one command from `sender`: queued (and the card clock set) or refused with a sentence. */
export function admitCommand(world: World, sender: Sender, cmd: Command, cards: CardClock): Admission {
  const { role, squads } = sender;
  const refuse = (error: string): Admission => ({ ok: false, error });
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
        const i = livingCell(world, id);
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
