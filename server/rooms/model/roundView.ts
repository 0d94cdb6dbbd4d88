// What a room shows of its round, made where the world is: the living cells as the schema carries them (id, type,
// squad, status bits, position in quarter voxels) and the round's figures for the HUD (tick, day, outcome, counts,
// the latest metrics sample, the IL-2 tug's shares, the leak, doses given). The model's thread makes one after each
// ask and sends it with its answer; a room stepping in its own process makes it at the patch. The room copies it into
// its schema state (cellSync.ts, roundSync.ts) and reads no world for that. Ticks, voxels. Called by modelWorker.ts,
// TissueRoomBase and roundSync.ts.

import { latestShares, type TugShares } from "../../../shared/net/il2Tug.ts";
import { CellStatus, POSITION_STEPS_PER_VOXEL } from "../../../shared/net/TissueState.ts";
import { CellFlag, Mode, dayOf, type Outcome, type World } from "../../../shared/sim/index.ts";
import type { MetricSample } from "../../../shared/sim/metrics.ts";

/** The living cells, `count` of them, in the model's order: one entry per cell in each array. */
export interface CellsView {
  count: number;
  id: Uint32Array;
  type: Uint8Array;
  squad: Uint16Array;
  /** CellStatus bits. */
  status: Uint8Array;
  /** Position in quarter voxels (POSITION_STEPS_PER_VOXEL), clamped to 0..65535. */
  x: Uint16Array;
  y: Uint16Array;
}

/** The round's numbers the HUD and the round's fields of the state show. */
export interface RoundFigures {
  tick: number;
  day: number;
  days: number;
  outcome: Outcome;
  /** Living cells. */
  cellCount: number;
  gridWidth: number;
  gridHeight: number;
  /** The model's latest metrics sample, or null before the first. */
  sample: MetricSample | null;
  /** Each group's share of the IL-2 captured over the tug's window (il2Tug.ts), or null before there is one. */
  tug: TugShares | null;
  /** Vascular leak score (1 is the dose-limiting line). */
  leak: number;
  /** Doses given so far, by therapy. */
  doses: Record<string, number>;
}

export interface RoundView { figures: RoundFigures; cells: CellsView }

const quantize = (v: number): number => {
  const q = Math.round(v * POSITION_STEPS_PER_VOXEL);
  return q < 0 ? 0 : q > 0xffff ? 0xffff : q;
};

/** The status bits the state shows for cell `i`. */
export function cellStatus(world: World, i: number): number {
  const c = world.cells, f = c.flags[i];
  let s = 0;
  if (f & CellFlag.activated) s |= CellStatus.activated;
  if (f & CellFlag.producing) s |= CellStatus.producing;
  if (f & CellFlag.memory) s |= CellStatus.memory;
  if (c.pstat5[i] > world.params.pstat5PositiveLevel) s |= CellStatus.pstat5Positive;
  if (c.mode[i] !== Mode.free) s |= CellStatus.commanded;
  return s;
}

export function figuresOf(world: World): RoundFigures {
  const h = world.history;
  return {
    tick: world.tick, day: dayOf(world), days: world.scenario.days, outcome: world.outcome,
    cellCount: world.cells.count - world.deadCount, gridWidth: world.field.width, gridHeight: world.field.height,
    sample: h[h.length - 1] ?? null, tug: latestShares(h) ?? null, leak: world.therapy.leak, doses: { ...world.therapy.dosesGiven },
  };
}

/**
 * The view of `world` now: in the arrays of `spare` (a view the room has finished with) when they are long enough, else
 * in new ones (a view to hand to another thread is made without `spare`).
 */
export function viewOf(world: World, spare?: CellsView | null): RoundView {
  const c = world.cells, n0 = c.count; // dead cells not yet compacted leave some room unused
  const cells: CellsView = spare && spare.id.length >= n0 ? spare : {
    count: 0, id: new Uint32Array(n0), type: new Uint8Array(n0), squad: new Uint16Array(n0), status: new Uint8Array(n0),
    x: new Uint16Array(n0), y: new Uint16Array(n0),
  };
  let n = 0;
  for (let i = 0; i < c.count; i++) {
    if (c.flags[i] & CellFlag.dead) continue;
    cells.id[n] = c.id[i];
    cells.type[n] = c.type[i];
    cells.squad[n] = c.squad[i];
    cells.status[n] = cellStatus(world, i);
    cells.x[n] = quantize(c.x[i]);
    cells.y[n] = quantize(c.y[i]);
    n++;
  }
  cells.count = n;
  return { figures: figuresOf(world), cells };
}

/** The view's buffers, to hand over to the other thread without copying. */
export function viewBuffers(v: RoundView): ArrayBuffer[] {
  const c = v.cells;
  return [c.id, c.type, c.squad, c.status, c.x, c.y].map((a) => a.buffer as ArrayBuffer);
}
