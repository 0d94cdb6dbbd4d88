// Exhaustion (exhaustion.ts): hours of antigen contact wear an activated T cell out after an onset, linearly over a
// span, never back; contact with a tumour cell counts faster (the patient's PD-L1); an exhausted helper makes less IL-2,
// an exhausted killer kills less and neither divides as often. Also: each tumour patient draws its own PD-L1.

import { describe, expect, test } from "vitest";
import { CellFlag, CellType, createWorld, makeParams, step, type World } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { exhaustion, exhaustionAfter } from "../../shared/sim/exhaustion.ts";
import { secretionRate } from "../../shared/sim/secretion.ts";
import { patch } from "../validation/harness.ts";

const p = makeParams({});

describe("exhaustion", () => {
  test("none before the onset, linear over the span, full after it", () => {
    expect(exhaustionAfter(p, 0)).toBe(0);
    expect(exhaustionAfter(p, p.exhaustionOnsetHours)).toBe(0);
    expect(exhaustionAfter(p, p.exhaustionOnsetHours + p.exhaustionSpanHours / 2)).toBeCloseTo(0.5, 12);
    expect(exhaustionAfter(p, p.exhaustionOnsetHours + p.exhaustionSpanHours)).toBe(1);
    expect(exhaustionAfter(p, 10_000)).toBe(1);
  });

  /** A helper and a killer switched on at one dendritic cell that never stops showing antigen. */
  function chronic(set: Record<string, number> = {}): World {
    const scenario = patch({
      size: 12,
      populations: [
        { type: "dendritic", count: 1, placement: { kind: "cluster", x: 6, y: 6, radius: 0 }, antigenStrength: 1 },
        { type: "cd4", count: 1, placement: { kind: "cluster", x: 6, y: 6, radius: 0 } },
        { type: "cd8", count: 1, placement: { kind: "cluster", x: 6, y: 6, radius: 0 } },
      ],
    });
    // the helper keeps homing to its dendritic cell; no division, so the cells stay the cells they were
    return createWorld(scenario, makeParams({ tregShareOfCd4: 0, helperDwellHours: 240, antigenDivisions: 0, costimDivisions: 0, cd4Il2Divisions: 0, cd8Il2Divisions: 0, ...set }), 3);
  }
  const ofType = (w: World, t: number) => Array.from({ length: w.cells.count }, (_, i) => i).find((i) => w.cells.type[i] === t)!;

  test("chronic antigen contact accrues hours after activation, and exhaustion follows them", () => {
    const w = chronic();
    const perDay = Math.round(86400 / w.dtS);
    for (let k = 0; k < 5 * perDay; k++) step(w, []);
    const helper = ofType(w, CellType.cd4);
    expect(w.cells.flags[helper] & CellFlag.activated).toBeTruthy();
    const since = (w.tick - w.cells.activatedTick[helper]) * w.dtH;
    expect(w.cells.antigenHours[helper]).toBeGreaterThan(0.5 * since);
    expect(w.cells.antigenHours[helper]).toBeLessThanOrEqual(since + 1e-3);
    expect(exhaustion(w, helper)).toBeGreaterThan(0);
  });

  test("an exhausted helper secretes less IL-2, in proportion", () => {
    const w = chronic();
    const perDay = Math.round(86400 / w.dtS);
    for (let k = 0; k < 2 * perDay; k++) step(w, []);
    const helper = ofType(w, CellType.cd4);
    const fresh = secretionRate(w, helper);
    expect(fresh).toBeGreaterThan(0);
    w.cells.antigenHours[helper] = p.exhaustionOnsetHours + 0.75 * p.exhaustionSpanHours;
    expect(secretionRate(w, helper)).toBeCloseTo(0.25 * fresh, 6);
    w.cells.antigenHours[helper] = 1e6;
    expect(secretionRate(w, helper)).toBe(0);
  });

  test("tumour contact exhausts tumourExhaustionFold × the patient's PD-L1 faster; worlds without a tumour draw no PD-L1", () => {
    const melanoma = SCENARIOS.melanoma;
    const folds = [1, 2, 3, 4, 5, 6].map((s) => createWorld(melanoma, makeParams(melanoma.params), s).patient.tumourExhaustionFold);
    expect(new Set(folds.map((f) => f.toFixed(4))).size).toBeGreaterThan(4);
    for (const f of folds) expect(f).toBeGreaterThanOrEqual(1);
    const flat = createWorld(melanoma, makeParams({ ...melanoma.params, tumourPdl1Cv: 0 }), 9).patient.tumourExhaustionFold;
    expect(flat).toBeCloseTo(makeParams(melanoma.params).tumourExhaustionFold, 9);
    expect(createWorld(SCENARIOS.viral, makeParams(SCENARIOS.viral.params), 4).patient.tumourExhaustionFold).toBe(1);
  });
});
