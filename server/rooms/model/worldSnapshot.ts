// A copy of everything a world carries from one tick to the next (cells, field, lattice, crowding, therapy, ledgers,
// random streams, the tick's events and new metric samples), made by the model's thread after its steps and written
// into the room's own world, which then equals the stepped one. Scratch the step rebuilds is not copied.
// Called by modelWorker.ts (takeSnapshot) and TissueRoomBase through ModelThread (applySnapshot).

import { Cells, EVENT_LOG_LIMIT, type Counters, type Ledger, type Outcome, type SimEvent, type Therapy, type World } from "../../../shared/sim/index.ts";
import type { MetricSample } from "../../../shared/sim/metrics.ts";

type CellArray = Cells["id"] | Cells["type"] | Cells["x"] | Cells["squad"] | Cells["activatedTick"];
type RngName = keyof World["rng"];

export interface WorldSnapshot {
  tick: number;
  nextId: number;
  count: number;
  deadCount: number;
  threatCount: number;
  threatSeen: boolean;
  antigenPresent: boolean;
  peakThreat: number;
  initialHealthy: number;
  outcome: Outcome;
  /** Each cell array's first `count` entries, by name. */
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

function cellArrays(cells: Cells): [string, CellArray][] {
  return Object.entries(cells).filter((e): e is [string, CellArray] => ArrayBuffer.isView(e[1]));
}

/** Copies `world` after its steps; `events` are those steps' events, `historyFrom` the first sample not yet sent. */
export function takeSnapshot(world: World, events: SimEvent[], historyFrom: number): WorldSnapshot {
  const c = world.cells;
  const cells: Record<string, CellArray> = {};
  for (const [name, arr] of cellArrays(c)) cells[name] = arr.slice(0, c.count) as CellArray;
  const rng = {} as Record<RngName, Uint32Array>;
  for (const name of Object.keys(world.rng) as RngName[]) rng[name] = world.rng[name].s.slice();
  const b = world.blocks;
  return {
    tick: world.tick, nextId: world.nextId, count: c.count, deadCount: world.deadCount, threatCount: world.threatCount,
    threatSeen: world.threatSeen, antigenPresent: world.antigenPresent, peakThreat: world.peakThreat,
    initialHealthy: world.initialHealthy, outcome: world.outcome,
    cells, field: world.field.c.slice(), lattice: world.lattice.cell.slice(), crowd: world.crowd.slice(),
    blocks: { threat: b.threat.slice(), antigen: b.antigen.slice(), dc: b.dc.slice() },
    therapy: structuredClone(world.therapy), ledger: { ...world.ledger }, counters: { ...world.counters }, rng,
    events, historyFrom, history: world.history.slice(historyFrom),
  };
}

/** The snapshot's buffers, to hand over to the other thread without copying. */
export function snapshotBuffers(s: WorldSnapshot): ArrayBuffer[] {
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
    (arr as unknown as { set(a: ArrayLike<number>): void }).set(from);
  }
  c.count = s.count;
  world.tick = s.tick;
  world.nextId = s.nextId;
  world.deadCount = s.deadCount;
  world.threatCount = s.threatCount;
  world.threatSeen = s.threatSeen;
  world.antigenPresent = s.antigenPresent;
  world.peakThreat = s.peakThreat;
  world.initialHealthy = s.initialHealthy;
  world.outcome = s.outcome;
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
  const log = world.eventLog;
  for (const e of s.events) log.push(e);
  if (log.length > EVENT_LOG_LIMIT) log.splice(0, log.length - EVENT_LOG_LIMIT);
  world.history.length = Math.min(world.history.length, s.historyFrom);
  for (const m of s.history) world.history.push(m);
}
