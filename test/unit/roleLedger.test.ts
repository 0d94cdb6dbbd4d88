// The role ledger (shared/net/roleLedger.ts): per-squad counts agree with the world's own counters over a short
// seeded viral run, IL-2 captured by squads adds up to what the model says was internalised, a cell that dies and is
// compacted away in the same step still banks its IL-2, and the clinician's measures show doses and leak.

import { describe, expect, test } from "vitest";
import { CellFlag, createWorld, makeParams, queueTherapy, step, type Scenario } from "../../shared/sim/index.ts";
import { compact } from "../../shared/sim/compact.ts";
import { markDead } from "../../shared/sim/world.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { RoleLedger } from "../../shared/report/roleLedger.ts";

/** Five-minute ticks and the earliest first division, so divisions and kills both happen within 360 ticks (30 h). */
const FAST = { tickSeconds: 300, firstDivisionHours: 24 };

function run(sc: Scenario, ticks: number, seed = 7) {
  const w = createWorld(sc, makeParams({ ...sc.params, ...FAST }), seed);
  const ledger = new RoleLedger();
  const start = new Map<number, number>();
  for (let i = 0; i < w.cells.count; i++) if (w.cells.squad[i]) start.set(w.cells.squad[i], (start.get(w.cells.squad[i]) ?? 0) + 1);
  for (let k = 0; k < ticks; k++) ledger.record(w, step(w));
  return { w, ledger, start };
}

describe("RoleLedger over a seeded viral run", () => {
  const { w, ledger, start } = run(SCENARIOS.viral, 360);
  const squads = [...ledger.squads.keys()].filter((s) => s > 0);
  const sum = (f: (s: number) => number) => squads.reduce((a, s) => a + f(s), 0);

  test("the run has divisions and kills to count", () => {
    expect(w.counters.divisions).toBeGreaterThan(20);
    expect(w.counters.kills).toBeGreaterThan(0);
  });

  test("event totals equal the world's counters", () => {
    expect(ledger.totals).toEqual({
      activations: w.counters.activations, divisions: w.counters.divisions, kills: w.counters.kills, deaths: w.counters.deaths,
    });
  });

  test("squads' divisions, kills and activations add up to the world's (every immune cell has a squad here)", () => {
    expect(sum((s) => ledger.tally(s).divisions)).toBe(w.counters.divisions);
    expect(sum((s) => ledger.tally(s).kills)).toBe(w.counters.kills);
    expect(sum((s) => ledger.tally(s).activations)).toBe(w.counters.activations);
    expect(ledger.tally(4).kills).toBe(0); // Tregs never kill
    expect(ledger.tally(1).kills).toBe(0); // nor do helpers
    expect(ledger.tally(2).kills + ledger.tally(3).kills).toBe(w.counters.kills);
  });

  test("IL-2 captured by the squads adds up to the IL-2 the model says cells internalised (within 1%)", () => {
    const captured = sum((s) => ledger.captured(w, s));
    expect(captured).toBeGreaterThan(0);
    expect(Math.abs(captured - w.ledger.internalised) / w.ledger.internalised).toBeLessThan(0.01);
  });

  test("cells at peak are at least the squad's starting size and at least its size now", () => {
    for (const [sq, n] of start) {
      expect(ledger.tally(sq).peakCells).toBeGreaterThanOrEqual(n);
      let now = 0;
      for (let i = 0; i < w.cells.count; i++) if (w.cells.squad[i] === sq && !(w.cells.flags[i] & CellFlag.dead)) now++;
      expect(ledger.tally(sq).peakCells).toBeGreaterThanOrEqual(now);
    }
  });

  test("measures for the effector role name both squads with numbers", () => {
    const m = ledger.measuresFor(w, "effector", [1, 2]);
    const byLabel = Object.fromEntries(m.map((x) => [x.label, x.value]));
    expect(byLabel["CD4 helper T cells: divisions"]).toBe(ledger.tally(1).divisions);
    expect(byLabel["CD8 killer T cells: target cells killed"]).toBe(ledger.tally(2).kills);
    expect(m.every((x) => Number.isFinite(x.value) && x.units.length > 0)).toBe(true);
    expect(ledger.measuresFor(w, "treg", [4]).some((x) => x.label.includes("holding back dendritic cells"))).toBe(true);
  });
});

describe("RoleLedger edge cases", () => {
  test("a cell that dies and is compacted away in the same step still banks its IL-2 into its squad", () => {
    const { w, ledger } = run(SCENARIOS.sandbox, 60, 2);
    const c = w.cells;
    let i = -1;
    for (let k = 0; k < c.count; k++) if (c.squad[k] === 1 && c.captured[k] > 0) { i = k; break; }
    expect(i).toBeGreaterThanOrEqual(0);
    const id = c.id[i], captured = c.captured[i], before = ledger.captured(w, 1);
    markDead(w, i);
    compact(w, true);
    expect(c.id[i]).not.toBe(id); // gone from the arrays
    ledger.record(w, [{ tick: w.tick, kind: "death", cellId: id, cellType: "cd4", cause: "IL-2 deprivation" }]);
    expect(ledger.tally(1).deaths).toBe(1);
    expect(ledger.tally(1).capturedByDead).toBeCloseTo(captured, 0);
    expect(ledger.captured(w, 1)).toBeCloseTo(before, 0);
  });

  test("the clinician's measures show doses by therapy and the leak peak", () => {
    const sc = SCENARIOS.sandbox;
    const w = createWorld(sc, makeParams(sc.params), 1);
    const ledger = new RoleLedger();
    queueTherapy(w, "highDose", false);
    for (let k = 0; k < 30; k++) ledger.record(w, step(w));
    const m = ledger.measuresFor(w, "clinician", []);
    const dose = m.find((x) => x.label.startsWith("Doses: High-dose IL-2"));
    expect(dose?.value).toBe(1);
    const leak = m.find((x) => x.label.startsWith("Highest vascular leak"));
    expect(leak!.value).toBeGreaterThan(0);
    expect(m.find((x) => x.label === "Doses given in all")?.value).toBe(1);
  });

  test("a squad with no cells yields zeros, not errors", () => {
    const sc = SCENARIOS.sandbox;
    const w = createWorld(sc, makeParams(sc.params), 1);
    const m = new RoleLedger().measuresFor(w, "nk", [9]);
    expect(m.length).toBeGreaterThan(0);
    expect(m.every((x) => x.value === 0)).toBe(true);
  });
});
