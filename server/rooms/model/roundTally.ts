// What the room counts of a round after each ask, made where the model steps (the model's thread, or this process for
// rooms driven by advance()), so that the room's per-answer work reads no world: the RoleLedger's pass over the cells
// (its counts sent as a LedgerSummary) and, when the model took a new metrics sample, the IL-2 captured by each squad
// for a class's tug-of-war (shared/net/il2SquadTug.ts). Molecules, cells, days. Used by modelWorker.ts and
// inlineModel.ts; the answer carries a Tally to TissueRoomBase.

import { squadCaptureSample, type SquadCaptureSample } from "../../../shared/net/il2SquadTug.ts";
import { adoptSummary, ledgerSummary, type LedgerSummary } from "../../../shared/report/ledgerSummary.ts";
import { RoleLedger } from "../../../shared/report/roleLedger.ts";
import type { SimEvent, World } from "../../../shared/sim/index.ts";

/** What an answer tells of the steps it took: the ledger's counts, and the squads' capture at a new metrics sample. */
export interface Tally { ledger: LedgerSummary; squadSample: SquadCaptureSample | null }

export class RoundTally {
  readonly ledger = new RoleLedger();
  /** Metrics samples the squads' capture was taken for. */
  private seen = 0;

  /**
   * The round goes on from `world` as it is now (a fresh round, a replay just made, or the room's own world): with
   * `so`, the counts the room holds (a replaced thread, a room leaving its thread), else what this ledger counted.
   */
  goOnFrom(world: World, so?: LedgerSummary): void {
    if (so) {
      adoptSummary(this.ledger, so);
      this.ledger.remember(world);
    }
    this.seen = world.history.length;
  }

  /** The counts as they are (an ask of no steps: nothing to count, no scan that would add a step's hours). */
  now(): Tally {
    return { ledger: ledgerSummary(this.ledger), squadSample: null };
  }

  /** Counts the steps' `events` on the stepped `world`. */
  after(world: World, events: readonly SimEvent[]): Tally {
    const ledger = this.ledger;
    ledger.record(world, events);
    let squadSample: SquadCaptureSample | null = null;
    const n = world.history.length;
    if (n !== this.seen) {
      this.seen = n;
      squadSample = squadCaptureSample(world, world.history[n - 1].day, (sq) => ledger.squads.get(sq)?.capturedByDead ?? 0, ledger.squads.keys());
    }
    return { ledger: ledgerSummary(ledger), squadSample };
  }
}
