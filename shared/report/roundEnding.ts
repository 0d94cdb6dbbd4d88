// What a round leaves for people once it has its outcome, made where the world is (the model's thread) so that the
// room needs no world at the end: the debrief without its seats, each squad's measures and the therapy cards', and the
// last day. The room then puts the seats in (`debriefOf`, `measuresOf`: who played which squads is the room's).
// Pure. Made by server/rooms/model (modelWorker.ts, inlineModel.ts); read by TissueRoomBase and a class's round end.

import type { Debrief } from "../net/messages.ts";
import { dayOf, type Outcome, type Role, type World } from "../sim/index.ts";
import { buildDebrief, type Seat } from "./debrief.ts";
import type { Measure, RoleLedger } from "./roleLedger.ts";
import { measureFacts, seatMeasures, type MeasureFacts, type SquadCounts } from "./seatMeasures.ts";

export interface RoundEnding {
  outcome: Outcome;
  /** The simulated day the round ended on. */
  day: number;
  /** The debrief, its seats' part left empty. */
  report: Debrief;
  /** What the seats' measures read of the world at the end (seatMeasures.ts). */
  facts: MeasureFacts;
  /** The ledger's per-squad tallies and withheld doses at the end. */
  counts: SquadCounts;
}

/** The ending of `world` (its outcome decided) as `ledger` counted it. */
export function roundEnding(world: World, ledger: RoleLedger): RoundEnding {
  return {
    outcome: world.outcome, day: dayOf(world), report: buildDebrief(world, [], ledger), facts: measureFacts(world),
    counts: { squads: new Map([...ledger.squads].map(([sq, t]) => [sq, { ...t }])), withheldDoses: ledger.withheldDoses },
  };
}

/** A seat's measures: its squads' in order, then the therapy cards' for the clinician (seatMeasures.ts). */
export function measuresOf(ending: RoundEnding, role: Role, squads: readonly number[]): Measure[] {
  return seatMeasures(ending.counts, ending.facts, role, squads);
}

/** The debrief for these seats. */
export function debriefOf(ending: RoundEnding, seats: readonly Seat[]): Debrief {
  return { ...ending.report, roles: seats.map((s) => ({ role: s.role, name: s.name, bot: s.bot, measures: measuresOf(ending, s.role, s.squads) })) };
}
