// What a RoleLedger has counted, as plain data: kept where the model steps (the model's thread) and sent with each
// answer, so that the room's ledger, which the debrief and the round record read, holds the same numbers without
// passing over the cells itself. Molecules, cells, cell-hours, days. Pure; used by server/rooms/model/roundTally.ts
// and TissueRoomBase.

import type { Il2Peak, RoleLedger, SquadTally } from "./roleLedger.ts";

export interface LedgerSummary {
  squads: [number, SquadTally][];
  withheldDoses: number;
  totals: RoleLedger["totals"];
  il2Peak: Il2Peak | null;
  seenSamples: number;
  scannedTick: number;
}

/** A copy of what `ledger` has counted (not its scratch nor its copy of the last step's cells). */
export function ledgerSummary(ledger: RoleLedger): LedgerSummary {
  return {
    squads: [...ledger.squads].map(([sq, t]) => [sq, { ...t }]),
    withheldDoses: ledger.withheldDoses,
    totals: { ...ledger.totals },
    il2Peak: ledger.il2Peak ? { ...ledger.il2Peak } : null,
    seenSamples: ledger.seenSamples,
    scannedTick: ledger.scannedTick,
  };
}

/** Makes `ledger`'s counts those of `summary` (its copy of the last step's cells is left as it is). */
export function adoptSummary(ledger: RoleLedger, summary: LedgerSummary): void {
  ledger.squads.clear();
  for (const [sq, t] of summary.squads) ledger.squads.set(sq, { ...t });
  ledger.withheldDoses = summary.withheldDoses;
  Object.assign(ledger.totals, summary.totals);
  ledger.il2Peak = summary.il2Peak ? { ...summary.il2Peak } : null;
  ledger.seenSamples = summary.seenSamples;
  ledger.scannedTick = summary.scannedTick;
}
