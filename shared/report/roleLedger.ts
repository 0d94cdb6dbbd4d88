// Per-squad measures kept while a round runs (IL-2 captured in molecules, divisions, kills, activations, cells at the
// peak, Treg cell-hours at dendritic cells), without touching the model. The room calls record(world, events) after
// every step (or every few steps) with those steps' events; the debrief asks measuresFor(world, role, squads) at the end.

import { CellType } from "../sim/cellTypes.ts";
import { SQUAD_LABELS, type Role } from "../sim/roles.ts";
import { THERAPY_LABELS, THERAPY_NAMES } from "../sim/therapyNames.ts";
import { CellFlag, Why, indexOfId, type SimEvent, type World } from "../sim/world.ts";
import { findCell } from "./inspect.ts";

export interface Measure { label: string; value: number; units: string }

export interface SquadTally {
  /** IL-2 molecules taken in by squad cells that have died (their share is kept when they go). */
  capturedByDead: number;
  divisions: number;
  kills: number;
  activations: number;
  deaths: number;
  /** Most living cells the squad had at once, and the simulated day it had them. */
  peakCells: number;
  peakDay: number;
  /** Σ over steps of Tregs touching a dendritic cell × hours. */
  suppressingCellHours: number;
  /** Bit per cell type ever seen in the squad (1 << CellType). */
  types: number;
}

const newTally = (): SquadTally => ({
  capturedByDead: 0, divisions: 0, kills: 0, activations: 0, deaths: 0, peakCells: 0, peakDay: 0, suppressingCellHours: 0, types: 0,
});

const KILLER_TYPES = (1 << CellType.cd8) | (1 << CellType.nkBright) | (1 << CellType.nkDim);
const PRIMED_TYPES = (1 << CellType.cd4) | (1 << CellType.cd8);

/** The hottest voxel now, and the switched-on helpers and dendritic cells around it. */
function peakAt(world: World, pm: number, day: number): Il2Peak {
  const f = world.field, conc = f.c;
  let best = 0;
  for (let v = 1; v < conc.length; v++) if (conc[v] > conc[best]) best = v;
  const x = (best % f.width) + 0.5, y = Math.floor(best / f.width) + 0.5;
  const c = world.cells, r2 = PEAK_RADIUS * PEAK_RADIUS;
  let helpers = 0, nearDendritic = false;
  for (let i = 0; i < c.count; i++) {
    if (c.flags[i] & CellFlag.dead) continue;
    const dx = c.x[i] - x, dy = c.y[i] - y;
    if (dx * dx + dy * dy > r2) continue;
    if (c.type[i] === CellType.cd4 && c.flags[i] & CellFlag.activated) helpers++;
    if (c.type[i] === CellType.dendritic) nearDendritic = true;
  }
  return { pm, day, x, y, helpers, nearDendritic };
}

function grow<T extends Float64Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Where and when IL-2 was highest, and who sat there: the debrief quotes it (objective 1, clustering). */
export interface Il2Peak {
  pm: number;
  day: number;
  x: number; // voxels
  y: number;
  /** Switched-on helpers within PEAK_RADIUS voxels of the hottest spot at that moment. */
  helpers: number;
  /** Whether a dendritic cell was within PEAK_RADIUS voxels. */
  nearDendritic: boolean;
}

/** Voxels (10 µm each) around the hottest spot counted as "there". */
export const PEAK_RADIUS = 4;

export class RoleLedger {
  readonly squads = new Map<number, SquadTally>();
  /** Doses that were due but refused because the leak was over the line. */
  withheldDoses = 0;
  /** Events seen, by kind, over every squad (squad 0 included): the tests compare these with the world's counters. */
  readonly totals = { activations: 0, divisions: 0, kills: 0, deaths: 0 };
  il2Peak: Il2Peak | null = null;
  seenSamples = 0;

  // The previous step's cells, for a cell that died and was compacted away in the same step (compaction runs at the
  // end of step(), before the room sees the events). Its last tick of uptake is then missed: a tiny undercount.
  prevCount = 0;
  /** The world's tick at the last scan: a room that steps several ticks between records counts each of them. */
  scannedTick = 0;
  prevId = new Uint32Array(0);
  prevSquad = new Uint16Array(0);
  prevCaptured = new Float32Array(0);
  // per-squad scratch for scan(), grown when a squad number is higher than any seen so far
  counts = new Float64Array(8);
  suppressing = new Float64Array(8);
  types = new Uint32Array(8);

  tally(squad: number): SquadTally {
    let t = this.squads.get(squad);
    if (!t) {
      t = newTally();
      this.squads.set(squad, t);
    }
    return t;
  }

  /** Squad and captured IL-2 of a cell by id, from the world (dead or alive), else from the previous step's copy. */
  lookup(world: World, id: number | undefined): { squad: number; captured: number } | null {
    if (id === undefined) return null;
    const i = findCell(world, id, true);
    if (i >= 0) return { squad: world.cells.squad[i], captured: world.cells.captured[i] };
    const k = indexOfId(this.prevId, this.prevCount, id);
    return k >= 0 ? { squad: this.prevSquad[k], captured: this.prevCaptured[k] } : null;
  }

  /** Call after every step with the events that step returned (before the next step clears them). */
  record(world: World, events: readonly SimEvent[]): void {
    for (const e of events) {
      switch (e.kind) {
        case "activation": {
          this.totals.activations++;
          const s = this.lookup(world, e.cellId);
          if (s) this.tally(s.squad).activations++;
          break;
        }
        case "division": {
          this.totals.divisions++;
          const s = this.lookup(world, e.cellId) ?? this.lookup(world, e.byId);
          if (s) this.tally(s.squad).divisions++;
          break;
        }
        case "kill": {
          this.totals.kills++;
          const by = this.lookup(world, e.byId);
          if (by) this.tally(by.squad).kills++;
          this.bankDeath(world, e.cellId);
          break;
        }
        case "death":
          this.bankDeath(world, e.cellId);
          break;
        case "dose":
          if (e.cause?.startsWith("withheld")) this.withheldDoses++;
          break;
      }
    }
    this.scan(world);
    if (world.history.length !== this.seenSamples) {
      this.seenSamples = world.history.length;
      const m = world.history[world.history.length - 1];
      const pm = m?.values["il2.maxPm"] ?? 0;
      if (pm > 0 && (!this.il2Peak || pm > this.il2Peak.pm)) this.il2Peak = peakAt(world, pm, m.day);
    }
  }

  bankDeath(world: World, id: number | undefined): void {
    this.totals.deaths++;
    const s = this.lookup(world, id);
    if (!s || s.squad === 0) return;
    const t = this.tally(s.squad);
    t.deaths++;
    t.capturedByDead += s.captured;
  }

  /** One pass over the cells: living cells per squad (for the peak), Treg contact time, and the copy for next step. */
  scan(world: World): void {
    const c = world.cells, n = c.count;
    this.remember(world);
    let counts = this.counts, suppressing = this.suppressing, types = this.types;
    counts.fill(0);
    suppressing.fill(0);
    types.fill(0);
    for (let i = 0; i < n; i++) {
      const sq = c.squad[i];
      if (sq === 0 || c.flags[i] & CellFlag.dead) continue;
      if (sq >= counts.length) {
        const size = Math.max(sq + 1, counts.length * 2);
        counts = this.counts = grow(counts, new Float64Array(size));
        suppressing = this.suppressing = grow(suppressing, new Float64Array(size));
        types = this.types = grow(types, new Uint32Array(size));
      }
      counts[sq]++;
      types[sq] |= 1 << c.type[i];
      if (c.why[i] === Why.suppressing) suppressing[sq]++;
    }
    const day = (world.tick * world.dtS) / 86400;
    const hours = Math.max(1, world.tick - this.scannedTick) * world.dtH;
    this.scannedTick = world.tick;
    for (let sq = 1; sq < counts.length; sq++) {
      if (counts[sq] === 0) continue;
      const t = this.tally(sq);
      t.types |= types[sq];
      t.suppressingCellHours += suppressing[sq] * hours;
      if (counts[sq] > t.peakCells) {
        t.peakCells = counts[sq];
        t.peakDay = day;
      }
    }
  }

  /** Keeps the cells' ids, squads and IL-2 taken in, for a cell that dies and is compacted away in the next step. */
  remember(world: World): void {
    const c = world.cells, n = c.count;
    if (this.prevId.length < n) {
      const cap = Math.max(64, c.capacity);
      this.prevId = new Uint32Array(cap);
      this.prevSquad = new Uint16Array(cap);
      this.prevCaptured = new Float32Array(cap);
    }
    this.prevId.set(c.id.subarray(0, n));
    this.prevSquad.set(c.squad.subarray(0, n));
    this.prevCaptured.set(c.captured.subarray(0, n));
    this.prevCount = n;
  }

  /** IL-2 molecules the squad has taken in, all time: its dead cells' share plus what its living cells hold now. */
  captured(world: World, squad: number): number {
    const c = world.cells;
    let sum = this.squads.get(squad)?.capturedByDead ?? 0;
    for (let i = 0; i < c.count; i++) if (c.squad[i] === squad && !(c.flags[i] & CellFlag.dead)) sum += c.captured[i];
    return sum;
  }

  /** What a seat's role did, as labelled numbers. Tissue damage prevented is not attributed to any one role. */
  measuresFor(world: World, role: Role, squads: readonly number[]): Measure[] {
    const out: Measure[] = [];
    for (const sq of squads) out.push(...this.squadMeasures(world, sq));
    if (role === "clinician") out.push(...this.clinicianMeasures(world));
    return out;
  }

  /** What one squad did, as labelled numbers (its part of a seat's measures). */
  squadMeasures(world: World, sq: number): Measure[] {
    const out: Measure[] = [];
    const t = this.squads.get(sq) ?? newTally();
    if (t.types === 0) for (let i = 0; i < world.cells.count; i++) if (world.cells.squad[i] === sq) t.types |= 1 << world.cells.type[i];
    const name = squadName(t.types) ?? SQUAD_LABELS[sq] ?? `Squad ${sq}`;
    out.push({ label: `${name}: IL-2 captured`, value: Math.round(this.captured(world, sq)), units: "molecules" });
    if (t.types & PRIMED_TYPES) out.push({ label: `${name}: switched on by antigen`, value: t.activations, units: "cells" });
    out.push({ label: `${name}: divisions`, value: t.divisions, units: "divisions" });
    if (t.types & KILLER_TYPES) out.push({ label: `${name}: target cells killed`, value: t.kills, units: "cells" });
    out.push({ label: `${name}: most cells at once`, value: t.peakCells, units: "cells" });
    if (t.types & (1 << CellType.treg)) {
      out.push({ label: `${name}: time holding back dendritic cells`, value: Math.round(t.suppressingCellHours), units: "cell-hours" });
    }
    return out;
  }

  /** What the therapy cards did (the clinician's part of a seat's measures). */
  clinicianMeasures(world: World): Measure[] {
    const out: Measure[] = [];
    const th = world.therapy;
    let given = 0;
    for (const name of THERAPY_NAMES) {
      const n = th.dosesGiven[name] ?? 0;
      given += n;
      if (n > 0) out.push({ label: `Doses: ${THERAPY_LABELS[name].split(":")[0]}`, value: n, units: "doses" });
    }
    out.push({ label: "Doses given in all", value: given, units: "doses" });
    out.push({ label: "Doses held back (leak past the dose-limiting line)", value: this.withheldDoses, units: "doses" });
    out.push({ label: "Highest vascular leak (1 is the dose-limiting line)", value: Math.round(th.leakPeak * 100) / 100, units: "score" });
    if (th.leakCrossedTick >= 0) {
      out.push({ label: "Day the leak crossed the line", value: Math.round(((th.leakCrossedTick * world.dtS) / 86400) * 10) / 10, units: "day" });
    }
    return out;
  }
}

/** A squad named by the cells it holds (classroom squads are split clones with numbers above 4). */
function squadName(types: number): string | null {
  const names: string[] = [];
  if (types & (1 << CellType.cd4)) names.push(SQUAD_LABELS[1]);
  if (types & (1 << CellType.cd8)) names.push(SQUAD_LABELS[2]);
  if (types & ((1 << CellType.nkBright) | (1 << CellType.nkDim))) names.push(SQUAD_LABELS[3]);
  if (types & (1 << CellType.treg)) names.push(SQUAD_LABELS[4]);
  return names.length ? names.join(" and ") : null;
}
