// A seat's measures and a round's results without a world (shared/report/seatMeasures.ts, roundResults.ts): from the
// ledger's tallies and the facts read once where the world is; the same numbers RoleLedger.measuresFor gives from the
// world; the class's summary series and each student's row with their predictions after their seat's measures.

import { describe, expect, test } from "vitest";
import { CellType } from "../../shared/sim/cellTypes.ts";
import { createWorld, makeParams, queueTherapy, step } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { RoleLedger, type SquadTally } from "../../shared/report/roleLedger.ts";
import { measureFacts, seatMeasures, squadName, type MeasureFacts, type SquadCounts } from "../../shared/report/seatMeasures.ts";
import { roundDays, roundSummary, squadWords, studentResults } from "../../shared/report/roundResults.ts";
import type { Debrief } from "../../shared/net/messages.ts";

const tally = (t: Partial<SquadTally>): SquadTally => ({
  capturedByDead: 0, divisions: 0, kills: 0, activations: 0, deaths: 0, peakCells: 0, peakDay: 0, suppressingCellHours: 0, types: 0, ...t,
});
const facts = (f: Partial<MeasureFacts> = {}): MeasureFacts => ({
  livingCaptured: new Map(), squadTypes: new Map(), dosesGiven: {}, leakPeak: 0, leakCrossedDay: null, ...f,
});
const value = (ms: { label: string; value: number }[], label: string) => ms.find((m) => m.label === label)?.value;

describe("seatMeasures", () => {
  test("IL-2 captured is the dead cells' share plus what the living cells hold; killers' and primed cells' lines only for them", () => {
    const counts: SquadCounts = { squads: new Map([[2, tally({ capturedByDead: 100.4, kills: 3, activations: 5, divisions: 7, peakCells: 9, types: 1 << CellType.cd8 })]]), withheldDoses: 0 };
    const m = seatMeasures(counts, facts({ livingCaptured: new Map([[2, 50]]) }), "effector", [2]);
    expect(m).toEqual([
      { label: "CD8 killer T cells: IL-2 captured", value: 150, units: "molecules" },
      { label: "CD8 killer T cells: switched on by antigen", value: 5, units: "cells" },
      { label: "CD8 killer T cells: divisions", value: 7, units: "divisions" },
      { label: "CD8 killer T cells: target cells killed", value: 3, units: "cells" },
      { label: "CD8 killer T cells: most cells at once", value: 9, units: "cells" },
    ]);
  });

  test("a squad the ledger never saw is named by the cells in it now; a Treg squad gets its time at dendritic cells", () => {
    const counts: SquadCounts = { squads: new Map(), withheldDoses: 0 };
    const m = seatMeasures(counts, facts({ squadTypes: new Map([[7, 1 << CellType.treg]]) }), "treg", [7]);
    expect(m.map((x) => x.label)).toEqual(["Tregs: IL-2 captured", "Tregs: divisions", "Tregs: most cells at once", "Tregs: time holding back dendritic cells"]);
    expect(seatMeasures(counts, facts(), "nk", [9])[0].label).toBe("Squad 9: IL-2 captured");
    expect(squadName((1 << CellType.cd4) | (1 << CellType.treg))).toBe("CD4 helper T cells and Tregs");
  });

  test("the clinician's doses, the doses held back and the leak, its crossing day only when it crossed", () => {
    const counts: SquadCounts = { squads: new Map(), withheldDoses: 2 };
    const m = seatMeasures(counts, facts({ dosesGiven: { highDose: 3, lowDose: 0 }, leakPeak: 1.234, leakCrossedDay: 2.46 }), "clinician", []);
    expect(value(m, "Doses: High-dose IL-2 (aldesleukin)")).toBe(3);
    expect(m.some((x) => x.label.startsWith("Doses: Low-dose"))).toBe(false);
    expect(value(m, "Doses given in all")).toBe(3);
    expect(value(m, "Doses held back (leak past the dose-limiting line)")).toBe(2);
    // A share of the dose-limiting line, as the top bar's meter gives it (it was a bare score, "1.23").
    expect(m.find((x) => x.label === "Highest vascular leak (share of the dose-limiting line)")).toMatchObject({ value: 123, units: "%" });
    expect(value(m, "Day the leak crossed the line")).toBe(2.5);
    expect(seatMeasures(counts, facts(), "clinician", []).some((x) => x.label.startsWith("Day the leak"))).toBe(false);
    expect(seatMeasures(counts, facts({ dosesGiven: { highDose: 3 } }), "effector", []).length).toBe(0);
  });

  test("over a seeded run, the facts read from the world agree with the world: each squad's IL-2, its cells, the doses", () => {
    const sc = SCENARIOS.melanoma;
    const w = createWorld(sc, makeParams({ ...sc.params, tickSeconds: 300 }), 3);
    const ledger = new RoleLedger();
    queueTherapy(w, "highDose", false);
    for (let k = 0; k < 200; k++) ledger.record(w, step(w));
    const f = measureFacts(w);
    for (const sq of [1, 2, 3, 4]) {
      const captured = value(seatMeasures(ledger, f, "effector", [sq]), `${squadName(f.squadTypes.get(sq) ?? 0)}: IL-2 captured`);
      expect(captured).toBe(Math.round(ledger.captured(w, sq))); // RoleLedger.captured walks the cells itself
      let types = 0;
      for (let i = 0; i < w.cells.count; i++) if (w.cells.squad[i] === sq) types |= 1 << w.cells.type[i];
      expect(f.squadTypes.get(sq)).toBe(types);
    }
    expect(f.dosesGiven).toEqual(w.therapy.dosesGiven);
    expect(f.dosesGiven.highDose).toBeGreaterThan(0);
    expect(f.leakPeak).toBe(w.therapy.leakPeak);
    expect(f.dosesGiven).not.toBe(w.therapy.dosesGiven); // a copy: the facts stay as they were read
  });
});

describe("the round's results", () => {
  test("the summary keeps the compared series under their chart names", () => {
    const debrief = {
      scenarioId: "viral", outcome: "cleared", outcomeText: "", days: [0, 1], moments: [], roles: [], learning: [],
      series: [{ name: "threat.burden", values: [4, 0] }, { name: "count.treg", values: [2, 3] }, { name: "count.nkDim", values: [1, 1] }],
    } as unknown as Debrief;
    expect(roundSummary(3, debrief)).toEqual({ round: 3, scenarioId: "viral", outcome: "cleared", days: [0, 1], series: { threat: [4, 0], treg: [2, 3] } });
  });

  test("squads in words, days to a thousandth, and each student's seat measures then predictions", () => {
    expect(squadWords([1, 5])).toBe("Squad 1, Squad 5");
    expect(squadWords([])).toBe("therapy cards");
    expect(roundDays(2.00049)).toBe(2);
    const counts: SquadCounts = { squads: new Map([[3, tally({ types: 1 << CellType.nkDim })]]), withheldDoses: 0 };
    const rows = studentResults(
      [{ id: "a", name: "Ada", role: "nk", squads: [3] }, { id: "b", name: "Bo", role: "clinician", squads: [] }],
      counts, facts(), (id) => (id === "a" ? [{ label: "Predicted: who takes the IL-2", value: 4, units: "" }] : []),
    );
    expect(rows.map((r) => [r.nickname, r.role, r.squads])).toEqual([["Ada", "nk", "Squad 3"], ["Bo", "clinician", "therapy cards"]]);
    expect(rows[0].measures.at(-1)!.label).toBe("Predicted: who takes the IL-2");
    expect(rows[0].measures[0].label).toBe("NK cells: IL-2 captured");
    expect(rows[1].measures.map((m) => m.label)).toContain("Doses given in all");
  });
});
