// The world: everything one simulated tissue patch holds, as typed arrays owned by the world (no module state).
// Cells are a structure of arrays indexed 0..count-1 in ascending id order; births append, deaths compact at tick end.
// Units: positions in voxels (10 µm), IL-2 in pM, receptor numbers in sites, time in ticks. Built by createWorld.

import type { Params } from "./params.ts";
import type { Rng } from "./rng.ts";
import type { Scenario } from "./scenario.ts";
import type { MetricSample } from "./metrics.ts";
import type { Command } from "./commands.ts";

export const CellFlag = {
  memory: 1,
  canKill: 2, // NK cells that kill at all (half of them never do)
  dead: 4,
  activated: 8,
  producing: 16, // infected cell past its eclipse
} as const;

export const Mode = { free: 0, target: 1, hunt: 2, seekIl2: 3 } as const;

/** Why a cell is doing what it does, for the microscope. */
export const Why = {
  resting: 0, wandering: 1, commanded: 2, chasingThreat: 3, seekingIl2: 4, engagedAntigen: 5,
  dividing: 6, starving: 7, killing: 8, suppressing: 9, homing: 10, growing: 11, spreading: 12, infected: 13,
} as const;

export class Cells {
  capacity = 0;
  count = 0;
  id = new Uint32Array(0);
  type = new Uint8Array(0);
  flags = new Uint8Array(0);
  x = new Float32Array(0);
  y = new Float32Array(0);
  squad = new Uint16Array(0);
  mode = new Uint8Array(0);
  tx = new Float32Array(0);
  ty = new Float32Array(0);
  cd25 = new Float32Array(0);
  cd122 = new Float32Array(0);
  cd25Rest = new Float32Array(0); // resting CD25 with this cell's variation
  cd122Rest = new Float32Array(0);
  bound = new Float32Array(0); // IL-2 molecules bound to this cell's receptors now
  captured = new Float32Array(0); // IL-2 molecules internalised, all time
  pstat5 = new Float32Array(0); // 0..1
  signal = new Float32Array(0); // leaky integral of pSTAT5, 0..1
  progress = new Float32Array(0); // banked pSTAT5·hours toward the next IL-2-driven division
  autoDivisions = new Uint8Array(0); // divisions left that antigen alone drives
  il2Divisions = new Uint8Array(0); // divisions left that need IL-2
  divisions = new Uint8Array(0); // generation number
  activatedTick = new Int32Array(0);
  lastAntigenTick = new Int32Array(0);
  lastDivisionTick = new Int32Array(0);
  stateTick = new Int32Array(0); // infected: when infected; others: when born
  antigen = new Float32Array(0); // current antigen signal 0..1 (decays after contact is lost)
  antigenHours = new Float32Array(0); // activated T cells: hours of antigen contact since activation, tumour contact counted faster (exhaustion.ts)
  strength = new Float32Array(0); // antigen strength this cell saw at activation, or shows as a target
  site = new Int32Array(0); // lattice site for tissue-type cells, -1 for mobile cells
  kills = new Uint16Array(0);
  why = new Uint8Array(0);
  suppression = new Float32Array(0); // dendritic cells: how much Tregs on them hold back activation; T cells: at their contact
  uptakeRate = new Float32Array(0); // this tick's first-order IL-2 uptake, 1/s (scratch between uptake and hand-out)
  contact = new Int32Array(0); // this tick's antigen source or target in contact, or -1 (scratch)
  voxel = new Int32Array(0); // the voxel the cell sat in when this tick's cell lists were built (scratch)

  ensure(n: number): void {
    if (n <= this.capacity) return;
    let cap = Math.max(64, this.capacity);
    while (cap < n) cap *= 2;
    for (const key of Object.keys(this) as (keyof Cells)[]) {
      const arr = this[key];
      if (ArrayBuffer.isView(arr)) {
        const Ctor = arr.constructor as new (n: number) => typeof arr;
        const next = new Ctor(cap) as typeof arr;
        (next as unknown as { set(a: ArrayLike<number>): void }).set(arr as unknown as ArrayLike<number>);
        (this as unknown as Record<string, unknown>)[key] = next;
      }
    }
    this.capacity = cap;
  }
}

export interface Field {
  width: number;
  height: number;
  /** pM that one molecule makes in one voxel. */
  pmPerMolecule: number;
  /** IL-2 concentration per voxel, pM. */
  c: Float64Array;
  /** Molecules/s secreted into each voxel this tick. */
  source: Float64Array;
  /** Summed first-order uptake by cells in each voxel this tick, 1/s. */
  uptake: Float64Array;
  /** 1 / (1 + dt·(uptake + decay + sink)) per voxel for this tick's sub-steps. */
  keep: Float64Array;
  /** Σ dt·C over this tick's sub-steps, pM·s: what each cell's uptake rate applies to. */
  exposure: Float64Array;
  vessel: Uint8Array;
  /** Voxel indices of the vessels. */
  vesselIndex: Int32Array;
  /** Scratch for the tridiagonal sweeps. */
  scratch: Float64Array;
  /** Scratch: the voxels with a source this tick (field.ts). */
  sourceIndex: Int32Array;
  /** Precomputed Thomas factors for rows and columns (constant coefficients). */
  rowCp: Float64Array;
  rowInv: Float64Array;
  colCp: Float64Array;
  colInv: Float64Array;
  diffusionR: number;
}

export interface Lattice {
  spacing: number;
  width: number;
  height: number;
  /** Cell index at each site, or -1. Rebuilt after compaction. */
  cell: Int32Array;
}

export interface Therapy {
  /** Plasma IL-2 in two bolus pools (pM), decaying with fast and slow half-lives. */
  bolusFast: number;
  bolusSlow: number;
  /** Low-dose plateau: ticks left, and the current smoothed plasma level (pM). */
  lowDoseTicksLeft: number;
  lowDosePm: number;
  /** Anti-CD25 block level 0..1 (decays). */
  antiCd25: number;
  /** CD122-biased IL-2 in tissue, pM. */
  biasedPm: number;
  /** Queued doses: tick at which each is due, and its kind. */
  queue: { tick: number; therapy: string }[];
  dosesGiven: Record<string, number>;
  /** Vascular leak score: 1 is the dose-limiting line. */
  leak: number;
  leakPeak: number;
  leakSensitivity: number;
  leakCrossedTick: number;
}

export interface Ledger {
  /** Molecules of IL-2, all time, for mass balance. */
  secreted: number;
  internalised: number;
  decayed: number;
  sunk: number;
  vesselIn: number; // net molecules entering through vessels (negative: drained)
  held: number; // net molecules added by holdIl2Pm
  /** Molecules internalised by each immune type (cd4, cd8, treg, nkBright, nkDim, by CellType), all time. */
  capturedByType: number[];
}

export interface Counters {
  activations: number;
  divisions: number;
  kills: number;
  deaths: number;
  doses: number;
  infections: number;
}

export interface SimEvent {
  tick: number;
  kind: "activation" | "division" | "kill" | "death" | "dose" | "infection" | "leak" | "outcome";
  cellId?: number;
  cellType?: string;
  byId?: number;
  byType?: string;
  therapy?: string;
  cause?: string;
  x?: number;
  y?: number;
}

/** Events the world keeps in its log; a round of a classroom scenario stays well inside it. */
export const EVENT_LOG_LIMIT = 200_000;

/** What differs from one patient to the next, drawn once per seed (createWorld's drawPatient). */
export interface Patient {
  /** Mean antigen strength of this patient's tumour cells, and of dendritic cells showing it. */
  tumourImmunogenicity: number;
  /** Share of this patient's new tumour cells born MHC-low. */
  tumourHiddenShare: number;
  /** Factor on the number of helper and killer T cells that recognise the antigen. */
  repertoire: number;
  /** How much faster contact with this patient's tumour cells exhausts a T cell (tumourExhaustionFold × PD-L1); 1 without a tumour. */
  tumourExhaustionFold: number;
  /** Share of their contact time with this patient's tumour cells that T and NK cells get: 1 in a "hot" (T-cell-inflamed) tumour, tumourExcludedContact in a "cold" one; 1 without a tumour. */
  tumourInfiltration: number;
}

/** `endedByTeacher` is never judged by the model: the game server sets it when a teacher ends a round the model had not decided. */
export type Outcome = "ongoing" | "cleared" | "overrun" | "protected" | "lost" | "timeUp" | "endedByTeacher";

export interface World {
  scenario: Scenario;
  params: Params;
  seed: number;
  tick: number;
  nextId: number;
  dtS: number;
  dtH: number;
  cells: Cells;
  field: Field;
  lattice: Lattice;
  therapy: Therapy;
  ledger: Ledger;
  counters: Counters;
  /** Per-subsystem random streams. */
  rng: { place: Rng; move: Rng; activate: Rng; divide: Rng; death: Rng; kill: Rng; threat: Rng };
  /** Voxel cell lists: head per voxel and next per cell index, rebuilt each tick (buildCellLists: immune cells last). */
  head: Int32Array;
  next: Int32Array;
  /** Immune cells per voxel (crowding), kept up to date as cells move and divide. */
  crowd: Uint8Array;
  /** Coarse blocks counting threats and antigen sources, for chemotaxis. */
  blocks: { size: number; w: number; h: number; threat: Uint16Array; antigen: Uint16Array; dc: Uint16Array };
  patient: Patient;
  initialHealthy: number;
  /** Dead cells still in the arrays, waiting for compaction. */
  deadCount: number;
  /** Threat cells alive at the start of this tick, and whether any threat has ever been present. */
  threatCount: number;
  threatSeen: boolean;
  /** Whether any cell in the patch shows antigen (a dendritic cell still presenting, an infected, tumour or islet cell). */
  antigenPresent: boolean;
  peakThreat: number;
  outcome: Outcome;
  /** This tick's events (returned by step). */
  events: SimEvent[];
  /** Every event since the start, oldest first, up to EVENT_LOG_LIMIT (then the oldest are dropped). */
  eventLog: SimEvent[];
  history: MetricSample[];
  /** Commands waiting for the next step (the one path for humans and bots). */
  pending: Command[];
  /** Reserved scratch: per-cell target index for killing. */
  targetOf: Int32Array;
  hitCount: Uint8Array;
  /** Scratch vector for movement cues. */
  cue: Float64Array;
}

export function voxelOf(world: World, x: number, y: number): number {
  const w = world.field.width;
  let ix = x | 0, iy = y | 0;
  if (ix < 0) ix = 0; else if (ix >= w) ix = w - 1;
  if (iy < 0) iy = 0; else if (iy >= world.field.height) iy = world.field.height - 1;
  return iy * w + ix;
}

/** Index of `id` in ids[0..count-1] (ascending, as the world keeps cells), or -1. */
export function indexOfId(ids: ArrayLike<number>, count: number, id: number): number {
  let lo = 0, hi = count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid];
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** A cell dies: it is skipped by every process from now on and removed at the next compaction. */
export function markDead(world: World, i: number): void {
  world.cells.flags[i] |= CellFlag.dead;
  world.counters.deaths++;
  world.deadCount++;
}

/** Per-tick probability from a rate per hour. */
export function perTick(ratePerHour: number, dtH: number): number {
  return 1 - Math.exp(-ratePerHour * dtH);
}

export function hoursToTicks(world: World, hours: number): number {
  return Math.round((hours * 3600) / world.dtS);
}

export function dayOf(world: Pick<World, "tick" | "dtS">): number {
  return (world.tick * world.dtS) / 86400;
}
