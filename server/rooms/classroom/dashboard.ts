// The teacher's dashboard: one row per student (connected, role, squads, last action in plain words and when, how
// many commands), plus bots. Plain words for a command come from describeCommand. Called by ClassroomRoom every ~2 s.

import type { Dashboard, DashboardRow } from "../../../shared/net/classroom.ts";
import { THERAPY_LABELS, dayOf, type Command, type Role, type World } from "../../../shared/sim/index.ts";
import type { ClassParts } from "./classParts.ts";

const ABILITY_WORDS: Record<string, string> = { rally: "rally", scatter: "scatter", hunt: "hunt", seekIl2: "seek IL-2" };

/** A command in the words a teacher reads on the dashboard. */
export function describeCommand(cmd: Command): string {
  switch (cmd.kind) {
    case "target": return `sent squad ${cmd.squad} to ${Math.round(cmd.x)}, ${Math.round(cmd.y)}`;
    case "targetCells": return `sent ${cmd.cellIds.length} cell${cmd.cellIds.length === 1 ? "" : "s"} to ${Math.round(cmd.x)}, ${Math.round(cmd.y)}`;
    case "release": return `let squad ${cmd.squad} roam freely`;
    case "ability": return `told squad ${cmd.squad} to ${ABILITY_WORDS[cmd.ability] ?? cmd.ability}`;
    case "therapy": return `gave ${THERAPY_LABELS[cmd.therapy] ?? cmd.therapy}${cmd.course ? " (a course)" : ""}`;
  }
}

/** What the room remembers of each student between dashboards. */
export interface Activity { lastAction: string; lastActionDay: number; commands: number }

export function newActivity(): Activity {
  return { lastAction: "", lastActionDay: 0, commands: 0 };
}

export function buildDashboard(
  seats: readonly { id: string; name: string; role: Role; squads: number[]; connected: boolean; bot: string }[],
  activity: ReadonlyMap<string, Activity>,
): Dashboard {
  const rows: DashboardRow[] = seats.map((s) => {
    const a = activity.get(s.id) ?? newActivity();
    return {
      seatId: s.id, name: s.name, role: s.role, squads: [...s.squads], connected: s.connected, bot: s.bot,
      lastAction: a.lastAction, lastActionDay: Math.round(a.lastActionDay * 100) / 100, commands: a.commands,
    };
  });
  return { rows };
}

/** A student's command the round admitted, for their dashboard row: its words, the tissue day, one more command. */
export function noteCommand(activity: Activity | undefined, command: Command, world: Pick<World, "tick" | "dtS">): void {
  if (!activity) return;
  activity.lastAction = describeCommand(command);
  activity.lastActionDay = dayOf(world);
  activity.commands++;
}

/** The class's dashboard now: its students in joining order, then its bots. */
export function classDashboard(c: Pick<ClassParts, "roster" | "seats" | "state">): Dashboard {
  const seats = [...c.roster.order, ...c.seats.bots().map((b) => b.id)].map((id) => {
    const seat = c.seats.byId.get(id)!;
    const s = c.state.seats.get(id);
    const connected = s?.connected ?? false;
    return { id, name: s?.name ?? "", role: seat.role, squads: seat.squads, connected, bot: seat.bot ?? "" };
  });
  return buildDashboard(seats, c.roster.activity);
}
