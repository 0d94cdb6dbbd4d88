// Model events worth showing, batched for ServerMessage.events: each step's events filtered to WIRE_EVENT_KINDS and
// tagged with the squad of the acting cell where the world is (wireEvents: on the model's thread, or in this process),
// then held by the room until the next patch and capped per batch (the rest are counted, not sent: a division burst
// must not flood the wire). wireEvents is called by modelWorker.ts and InlineModel; EventRelay by TissueRoomBase.

import { WIRE_EVENT_KINDS, type WireEvent } from "../../shared/net/messages.ts";
import type { SimEvent, World } from "../../shared/sim/index.ts";
import { findCell } from "../../shared/report/inspect.ts";

/** Most events in one batch; at 10 patches/s that is up to 1,200 events/s. */
export const MAX_EVENTS_PER_BATCH = 120;

const WIRE_KINDS: ReadonlySet<string> = new Set(WIRE_EVENT_KINDS);

/** Steps' events as the wire carries them, read against `world` after those steps. */
export interface WireEvents { events: WireEvent[]; /** wire events past MAX_EVENTS_PER_BATCH, left out */ dropped: number }

/** The wire's events among `events` (at most MAX_EVENTS_PER_BATCH: no batch holds more), each with its actor's squad. */
export function wireEvents(world: World, events: readonly SimEvent[]): WireEvents {
  const out: WireEvent[] = [];
  let dropped = 0;
  for (const e of events) {
    if (!WIRE_KINDS.has(e.kind)) continue;
    if (out.length >= MAX_EVENTS_PER_BATCH) {
      dropped++;
      continue;
    }
    const w: WireEvent = { tick: e.tick, kind: e.kind };
    if (e.cellType !== undefined) w.cellType = e.cellType;
    if (e.byType !== undefined) w.byType = e.byType;
    if (e.therapy !== undefined) w.therapy = e.therapy;
    if (e.cause !== undefined) w.cause = e.cause;
    if (e.x !== undefined) w.x = Math.round(e.x * 10) / 10;
    if (e.y !== undefined) w.y = Math.round(e.y * 10) / 10;
    // The actor: the killer for a kill, the cell itself for an activation or a division.
    const actor = e.kind === "kill" ? e.byId : e.cellId;
    if (actor !== undefined) {
      const i = findCell(world, actor);
      if (i >= 0 && world.cells.squad[i] > 0) w.squad = world.cells.squad[i];
    }
    out.push(w);
  }
  return { events: out, dropped };
}

export class EventRelay {
  private batch: WireEvent[] = [];
  /** Events left out of batches because a batch was full, all time. */
  dropped = 0;

  /** Adds the wire events of some steps to the batch, up to its cap. */
  add(wire: WireEvents): void {
    this.dropped += wire.dropped;
    for (const w of wire.events) {
      if (this.batch.length >= MAX_EVENTS_PER_BATCH) this.dropped++;
      else this.batch.push(w);
    }
  }

  /** The batch so far, emptied; null when there is nothing to send. */
  drain(): WireEvent[] | null {
    if (!this.batch.length) return null;
    const out = this.batch;
    this.batch = [];
    return out;
  }

  clear(): void {
    this.batch = [];
  }
}
