// Copies the round's living cells (its view: model/roundView.ts, made where the world is) into state.cells under a
// byte budget: births are added and deaths removed at once, type, squad and status bits follow the model, but positions
// (quarter voxels) are written for at most `positionsPerPatch` cells each patch, those furthest from where clients last
// saw them first (commanded cells count double). Called by TissueRoomBase before every patch; bandwidth then stays
// bounded however many cells move.

import type { MapSchema } from "@colyseus/schema";
import { CellState, CellStatus } from "../../shared/net/TissueState.ts";
import type { CellsView } from "./model/roundView.ts";

export { cellStatus } from "./model/roundView.ts";

interface Entry { state: CellState; gen: number; type: number; squad: number; status: number; x: number; y: number }

export interface SyncCounts { added: number; removed: number; moved: number; waiting: number }

export class CellSync {
  /** Most cells whose position is written in one patch. */
  positionsPerPatch: number;
  private readonly entries = new Map<number, Entry>();
  private gen = 0;
  // Candidates for a position write this patch: the entry, its true position and its priority.
  private candEntry: Entry[] = [];
  private candX: number[] = [];
  private candY: number[] = [];
  private candPriority: number[] = [];
  private order: number[] = [];

  constructor(positionsPerPatch: number) {
    this.positionsPerPatch = positionsPerPatch;
  }

  /** Forgets everything synced (a restart clears state.cells too). */
  reset(cells: MapSchema<CellState>): void {
    this.entries.clear();
    cells.clear();
  }

  sync(c: CellsView, cells: MapSchema<CellState>): SyncCounts {
    const gen = ++this.gen;
    const counts: SyncCounts = { added: 0, removed: 0, moved: 0, waiting: 0 };
    this.candEntry.length = this.candX.length = this.candY.length = this.candPriority.length = 0;
    for (let i = 0; i < c.count; i++) {
      const id = c.id[i], type = c.type[i], squad = c.squad[i], status = c.status[i];
      const qx = c.x[i], qy = c.y[i];
      let e = this.entries.get(id);
      if (!e) {
        const state = new CellState();
        state.type = type;
        state.squad = squad;
        state.status = status;
        state.x = qx;
        state.y = qy;
        e = { state, gen, type, squad, status, x: qx, y: qy };
        this.entries.set(id, e);
        cells.set(String(id), state);
        counts.added++;
        continue;
      }
      e.gen = gen;
      if (e.type !== type) e.state.type = e.type = type;
      if (e.squad !== squad) e.state.squad = e.squad = squad;
      if (e.status !== status) e.state.status = e.status = status;
      const err = Math.abs(qx - e.x) + Math.abs(qy - e.y);
      if (err > 0) {
        this.candEntry.push(e);
        this.candX.push(qx);
        this.candY.push(qy);
        this.candPriority.push(status & CellStatus.commanded ? 2 * err : err);
      }
    }
    for (const [id, e] of this.entries) {
      if (e.gen === gen) continue;
      this.entries.delete(id);
      cells.delete(String(id));
      counts.removed++;
    }
    const n = this.candEntry.length, k = Math.min(n, this.positionsPerPatch);
    const order = this.order;
    order.length = n;
    for (let j = 0; j < n; j++) order[j] = j;
    if (k < n) order.sort((a, b) => this.candPriority[b] - this.candPriority[a]);
    for (let j = 0; j < k; j++) {
      const m = order[j], e = this.candEntry[m];
      if (e.x !== this.candX[m]) e.state.x = e.x = this.candX[m];
      if (e.y !== this.candY[m]) e.state.y = e.y = this.candY[m];
    }
    counts.moved = k;
    counts.waiting = n - k;
    return counts;
  }
}
