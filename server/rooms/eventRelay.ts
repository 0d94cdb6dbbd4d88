// Model events worth showing, batched for ServerMessage.events: each step's events filtered to WIRE_EVENT_KINDS,
// tagged with the squad of the acting cell, held until the next patch and capped per batch (the rest are counted,
// not sent: a division burst must not flood the wire). Called by TissueRoom after each step and before each patch.

import { WIRE_EVENT_KINDS, type WireEvent } from "../../shared/net/messages.ts";
import type { SimEvent, World } from "../../shared/sim/index.ts";
import { findCell } from "../../shared/report/inspect.ts";

/** Most events in one batch; at 10 patches/s that is up to 1,200 events/s. */
export const MAX_EVENTS_PER_BATCH = 120;

const WIRE_KINDS: ReadonlySet<string> = new Set(WIRE_EVENT_KINDS);

export class EventRelay {
  private batch: WireEvent[] = [];
  /** Events left out of batches because a batch was full, all time. */
  dropped = 0;

  collect(world: World, events: readonly SimEvent[]): void {
    for (const e of events) {
      if (!WIRE_KINDS.has(e.kind)) continue;
      if (this.batch.length >= MAX_EVENTS_PER_BATCH) {
        this.dropped++;
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
      this.batch.push(w);
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
