// What a round leaves for people once it has its outcome, made where the world is (the model's thread) so that the
// room needs no world at the end: the debrief without its seats, each squad's measures and the therapy cards', and the
// last day. The room then puts the seats in (`debriefOf`, `measuresOf`: who played which squads is the room's).
// Pure. Made by server/rooms/model (modelWorker.ts, inlineModel.ts); read by TissueRoomBase and a class's round end.

import type { Debrief } from "../net/messages.ts";
import { ROLE_SQUADS, dayOf, type Outcome, type Role, type World } from "../sim/index.ts";
import { buildDebrief, type Seat } from "./debrief.ts";
import type { Measure, RoleLedger } from "./roleLedger.ts";

export interface RoundEnding {
  outcome: Outcome;
  /** The simulated day the round ended on. */
  day: number;
  /** The debrief, its seats' part left empty. */
  report: Debrief;
  /** Each squad's measures (every squad the round had), by squad number. */
  squads: [number, Measure[]][];
  /** The therapy cards' measures (the clinician's part). */
  clinician: Measure[];
}

/** The ending of `world` (its outcome decided) as `ledger` counted it. */
export function roundEnding(world: World, ledger: RoleLedger): RoundEnding {
  const numbers = new Set<number>([...Object.values(ROLE_SQUADS).flat(), ...ledger.squads.keys()]);
  const c = world.cells;
  for (let i = 0; i < c.count; i++) if (c.squad[i] > 0) numbers.add(c.squad[i]);
  const squads: [number, Measure[]][] = [...numbers].sort((a, b) => a - b).map((sq) => [sq, ledger.squadMeasures(world, sq)]);
  return { outcome: world.outcome, day: dayOf(world), report: buildDebrief(world, [], ledger), squads, clinician: ledger.clinicianMeasures(world) };
}

/** A seat's measures: its squads' in order, then the therapy cards' for the clinician (RoleLedger.measuresFor). */
export function measuresOf(ending: RoundEnding, role: Role, squads: readonly number[]): Measure[] {
  const bySquad = new Map(ending.squads);
  const out: Measure[] = [];
  for (const sq of squads) out.push(...(bySquad.get(sq) ?? []));
  if (role === "clinician") out.push(...ending.clinician);
  return out;
}

/** The debrief for these seats. */
export function debriefOf(ending: RoundEnding, seats: readonly Seat[]): Debrief {
  return { ...ending.report, roles: seats.map((s) => ({ role: s.role, name: s.name, bot: s.bot, measures: measuresOf(ending, s.role, s.squads) })) };
}
