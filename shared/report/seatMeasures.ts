// A seat's measures at the end of a round (the debrief's and the results store's numbers), pure: from the ledger's
// per-squad tallies and a few facts read once from the world where it is (MeasureFacts: what each squad's cells hold
// now, the therapy's doses and leak), so the room needs no world of its own to make them. Molecules, cells,
// cell-hours, doses, days. Called by RoleLedger.measuresFor, the debrief and the round record (roundResults.ts).

import { CellType } from "../sim/cellTypes.ts";
import { SQUAD_LABELS, type Role } from "../sim/roles.ts";
import { THERAPY_LABELS, THERAPY_NAMES } from "../sim/therapyNames.ts";
import { CellFlag, type World } from "../sim/world.ts";
import type { Measure, SquadTally } from "./roleLedger.ts";
import { percentOfLine } from "../net/leakShare.ts";

/** What the measures read of the world at the round's end: plain data, made where the world is. */
export interface MeasureFacts {
  /** IL-2 molecules held now by each squad's living cells. */
  livingCaptured: ReadonlyMap<number, number>;
  /** Bit per cell type in each squad now (1 << CellType), dead cells not yet removed included. */
  squadTypes: ReadonlyMap<number, number>;
  /** Doses given by therapy. */
  dosesGiven: Readonly<Record<string, number>>;
  /** Highest vascular leak score (1 is the dose-limiting line). */
  leakPeak: number;
  /** Simulated day the leak crossed the line, or null. */
  leakCrossedDay: number | null;
}

/** The ledger's part the measures read. */
export interface SquadCounts { readonly squads: ReadonlyMap<number, SquadTally>; readonly withheldDoses: number }

/** One pass over the cells and the therapy: the facts the measures need. */
export function measureFacts(world: World): MeasureFacts {
  const c = world.cells, livingCaptured = new Map<number, number>(), squadTypes = new Map<number, number>();
  for (let i = 0; i < c.count; i++) {
    const sq = c.squad[i];
    squadTypes.set(sq, (squadTypes.get(sq) ?? 0) | (1 << c.type[i]));
    if (!(c.flags[i] & CellFlag.dead)) livingCaptured.set(sq, (livingCaptured.get(sq) ?? 0) + c.captured[i]);
  }
  const th = world.therapy;
  return {
    livingCaptured, squadTypes, dosesGiven: { ...th.dosesGiven }, leakPeak: th.leakPeak,
    leakCrossedDay: th.leakCrossedTick >= 0 ? (th.leakCrossedTick * world.dtS) / 86400 : null,
  };
}

const KILLER_TYPES = (1 << CellType.cd8) | (1 << CellType.nkBright) | (1 << CellType.nkDim);
const PRIMED_TYPES = (1 << CellType.cd4) | (1 << CellType.cd8);
const NO_TALLY: SquadTally = {
  capturedByDead: 0, divisions: 0, kills: 0, activations: 0, deaths: 0, peakCells: 0, peakDay: 0, suppressingCellHours: 0, types: 0,
};

/** IL-2 molecules the squad has taken in, all time: its dead cells' share plus what its living cells hold now. */
export const squadCaptured = (counts: SquadCounts, facts: MeasureFacts, squad: number): number =>
  (counts.squads.get(squad)?.capturedByDead ?? 0) + (facts.livingCaptured.get(squad) ?? 0);

/** What a seat's role did, as labelled numbers. Tissue damage prevented is not attributed to any one role. */
export function seatMeasures(counts: SquadCounts, facts: MeasureFacts, role: Role, squads: readonly number[]): Measure[] {
  const out: Measure[] = [];
  for (const sq of squads) {
    const t = counts.squads.get(sq) ?? NO_TALLY;
    const types = t.types || (facts.squadTypes.get(sq) ?? 0);
    const name = squadName(types) ?? SQUAD_LABELS[sq] ?? `Squad ${sq}`;
    out.push({ label: `${name}: IL-2 captured`, value: Math.round(squadCaptured(counts, facts, sq)), units: "molecules" });
    if (types & PRIMED_TYPES) out.push({ label: `${name}: switched on by antigen`, value: t.activations, units: "cells" });
    out.push({ label: `${name}: divisions`, value: t.divisions, units: "divisions" });
    if (types & KILLER_TYPES) out.push({ label: `${name}: target cells killed`, value: t.kills, units: "cells" });
    out.push({ label: `${name}: most cells at once`, value: t.peakCells, units: "cells" });
    if (types & (1 << CellType.treg)) {
      out.push({ label: `${name}: time holding back dendritic cells`, value: Math.round(t.suppressingCellHours), units: "cell-hours" });
    }
  }
  if (role === "clinician") {
    let given = 0;
    for (const name of THERAPY_NAMES) {
      const n = facts.dosesGiven[name] ?? 0;
      given += n;
      if (n > 0) out.push({ label: `Doses: ${THERAPY_LABELS[name].split(":")[0]}`, value: n, units: "doses" });
    }
    out.push({ label: "Doses given in all", value: given, units: "doses" });
    out.push({ label: "Doses held back (leak past the dose-limiting line)", value: counts.withheldDoses, units: "doses" });
    out.push({ label: "Highest vascular leak (share of the dose-limiting line)", value: percentOfLine(facts.leakPeak), units: "%" });
    if (facts.leakCrossedDay !== null) {
      out.push({ label: "Day the leak crossed the line", value: Math.round(facts.leakCrossedDay * 10) / 10, units: "day" });
    }
  }
  return out;
}

/** A squad named by the cells it holds (classroom squads are split clones with numbers above 4). */
export function squadName(types: number): string | null {
  const names: string[] = [];
  if (types & (1 << CellType.cd4)) names.push(SQUAD_LABELS[1]);
  if (types & (1 << CellType.cd8)) names.push(SQUAD_LABELS[2]);
  if (types & ((1 << CellType.nkBright) | (1 << CellType.nkDim))) names.push(SQUAD_LABELS[3]);
  if (types & (1 << CellType.treg)) names.push(SQUAD_LABELS[4]);
  return names.length ? names.join(" and ") : null;
}
