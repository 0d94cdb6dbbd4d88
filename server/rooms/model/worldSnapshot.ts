// A copy of everything a world carries from one tick to the next (cells, field, lattice, crowding, therapy, ledgers,
// random streams, the tick's events and new metric samples), made by the model's thread after its steps and written
// into the room's own world, which then equals the stepped one. Scratch the step rebuilds is not copied; every field
// of World is classified in WORLD_FIELDS, checked by the compiler.
// Called by modelWorker.ts (takeSnapshot) and TissueRoomBase through ModelThread (applySnapshot).

import { logEvents, type Cells, type Counters, type Ledger, type SimEvent, type Therapy, type World } from "../../../shared/sim/index.ts";
import type { MetricSample } from "../../../shared/sim/metrics.ts";

type CellArray = Cells["id"] | Cells["type"] | Cells["x"] | Cells["squad"] | Cells["activatedTick"];
type RngName = keyof World["rng"];

/**
 * How a snapshot treats each field of a World: `scalar` copied as it is; `copied` by takeSnapshot/applySnapshot below
 * (arrays, records, the tick's events, new metric samples; the event log is extended from the events); `fixed` at
 * createWorld from the same scenario and seed; `edited` only by WorldEdits, made on both worlds; `rebuilt` scratch the
 * step makes again; `room` the room's own (commands waiting). Not a list kept by hand: a field added to World that is
 * not classified here fails the typecheck, so nothing the model carries is forgotten by the copy.
 */
export const WORLD_FIELDS = {
  scenario: "fixed", params: "edited", seed: "fixed", dtS: "fixed", dtH: "fixed", patient: "fixed",
  tick: "scalar", nextId: "scalar", initialHealthy: "scalar", deadCount: "scalar", threatCount: "scalar", threatSeen: "scalar",
  antigenPresent: "scalar", peakThreat: "scalar", outcome: "scalar",
  cells: "copied", field: "copied", lattice: "copied", crowd: "copied", blocks: "copied", therapy: "copied", ledger: "copied",
  counters: "copied", rng: "copied", events: "copied", eventLog: "copied", history: "copied",
  head: "rebuilt", next: "rebuilt", targetOf: "rebuilt", hitCount: "rebuilt", cue: "rebuilt",
  pending: "room",
} as const satisfies Record<keyof World, "scalar" | "copied" | "fixed" | "edited" | "rebuilt" | "room">;

type ScalarName = { [K in keyof typeof WORLD_FIELDS]: (typeof WORLD_FIELDS)[K] extends "scalar" ? K : never }[keyof typeof WORLD_FIELDS];
/** The world's own numbers and flags that carry over from tick to tick, copied as they are. */
const SCALARS = (Object.keys(WORLD_FIELDS) as (keyof typeof WORLD_FIELDS)[]).filter((k): k is ScalarName => WORLD_FIELDS[k] === "scalar");
type Scalars = Pick<World, ScalarName>;

export interface WorldSnapshot extends Scalars {
  count: number;
  /** Each cell array by name; its first `count` entries are the cells (a reused array may be longer). */
  cells: Record<string, CellArray>;
  field: Float64Array;
  lattice: Int32Array;
  crowd: Uint8Array;
  blocks: { threat: Uint16Array; antigen: Uint16Array; dc: Uint16Array };
  therapy: Therapy;
  ledger: Ledger;
  counters: Counters;
  rng: Record<RngName, Uint32Array>;
  /** The events of every step since the last snapshot, oldest first. */
  events: SimEvent[];
  /** Metric samples from index `historyFrom` of the world's history on. */
  historyFrom: number;
  history: MetricSample[];
}

/** A snapshot's arrays alone: what goes back to the model's thread to be filled again. */
export type SnapshotArrays = Pick<WorldSnapshot, "cells" | "field" | "lattice" | "crowd" | "blocks" | "rng">;

export function arraysOf(s: WorldSnapshot): SnapshotArrays {
  return { cells: s.cells, field: s.field, lattice: s.lattice, crowd: s.crowd, blocks: s.blocks, rng: s.rng };
}

function cellArrays(cells: Cells): [string, CellArray][] {
  return Object.entries(cells).filter((e): e is [string, CellArray] => ArrayBuffer.isView(e[1]));
}

/**
 * A copy of `from` (its first `length` entries, for cell arrays) in `spare` when it fits (same kind; as long, or for
 * cell arrays long enough), else in a new array as long as `from`.
 */
function copyInto<T extends ArrayBufferView & ArrayLike<number>>(from: T, spare: ArrayBufferView | undefined, length = from.length): T {
  const room = (spare as unknown as T | undefined)?.length ?? -1;
  const fits = spare !== undefined && spare.constructor === from.constructor && (length === from.length ? room === length : room >= length);
  const out = fits ? (spare as T) : new (from.constructor as new (n: number) => T)(Math.max(length, from.length));
  (out as unknown as { set(a: ArrayLike<number>): void }).set(length === from.length ? from : (from as unknown as { subarray(a: number, b: number): T }).subarray(0, length));
  return out;
}

/**
 * Copies `world` after its steps; `events` are those steps' events, `historyFrom` the first sample not yet sent.
 * The arrays of `spare` (a snapshot the room has finished with) are reused where they fit: no new buffers each tick.
 */
export function takeSnapshot(world: World, events: SimEvent[], historyFrom: number, spare?: SnapshotArrays): WorldSnapshot {
  const c = world.cells;
  const cells: Record<string, CellArray> = {};
  for (const [name, arr] of cellArrays(c)) cells[name] = copyInto(arr, spare?.cells[name], c.count);
  const rng = {} as Record<RngName, Uint32Array>;
  for (const name of Object.keys(world.rng) as RngName[]) rng[name] = copyInto(world.rng[name].s, spare?.rng[name]);
  const b = world.blocks, sb = spare?.blocks;
  const scalars = Object.fromEntries(SCALARS.map((k) => [k, world[k]])) as unknown as Scalars;
  return {
    ...scalars, count: c.count, cells, field: copyInto(world.field.c, spare?.field), lattice: copyInto(world.lattice.cell, spare?.lattice), crowd: copyInto(world.crowd, spare?.crowd),
    blocks: { threat: copyInto(b.threat, sb?.threat), antigen: copyInto(b.antigen, sb?.antigen), dc: copyInto(b.dc, sb?.dc) },
    therapy: structuredClone(world.therapy), ledger: { ...world.ledger, capturedByType: [...world.ledger.capturedByType] }, counters: { ...world.counters }, rng,
    events, historyFrom, history: world.history.slice(historyFrom),
  };
}

/** The snapshot's buffers, to hand over to the other thread without copying. */
export function snapshotBuffers(s: SnapshotArrays): ArrayBuffer[] {
  const views: ArrayBufferView[] = [...Object.values(s.cells), s.field, s.lattice, s.crowd, s.blocks.threat, s.blocks.antigen, s.blocks.dc, ...Object.values(s.rng)];
  return views.map((v) => v.buffer as ArrayBuffer);
}

/**
 * Writes the snapshot into `world` (made by createWorld from the same scenario, parameters and seed): afterwards it
 * steps on exactly as the world the snapshot was taken from. Its pending commands are left alone.
 */
export function applySnapshot(world: World, s: WorldSnapshot): void {
  const c = world.cells;
  c.ensure(s.count);
  for (const [name, arr] of cellArrays(c)) {
    const from = s.cells[name];
    if (!from) throw new Error(`the snapshot has no cell array "${name}"`);
    (arr as unknown as { set(a: ArrayLike<number>): void }).set(from.subarray(0, s.count));
  }
  c.count = s.count;
  for (const k of SCALARS) (world as unknown as Record<string, unknown>)[k] = s[k];
  world.field.c.set(s.field);
  world.lattice.cell.set(s.lattice);
  world.crowd.set(s.crowd);
  world.blocks.threat.set(s.blocks.threat);
  world.blocks.antigen.set(s.blocks.antigen);
  world.blocks.dc.set(s.blocks.dc);
  world.therapy = s.therapy;
  world.ledger = s.ledger;
  world.counters = s.counters;
  for (const name of Object.keys(s.rng) as RngName[]) world.rng[name].s.set(s.rng[name]);
  world.events = s.events;
  logEvents(world);
  world.history.length = Math.min(world.history.length, s.historyFrom);
  for (const m of s.history) world.history.push(m);
}
