// Therapies as the model gives them: high-dose IL-2's serum curve (peak ~55 nM, ~0.3-1 nM after 8 h), the low-dose
// plateau (~30 pM for ~8 h), anti-CD25 taking high-affinity receptors away, and vascular leak that withholds doses.

import { describe, expect, test } from "vitest";
import { createWorld, makeParams, queueTherapy, step, type Scenario, type World } from "../../shared/sim/index.ts";
import { highAffinitySites } from "../../shared/sim/uptake.ts";

const empty: Scenario = {
  id: "therapy", name: "therapy", summary: "a few cells", teacherNotes: { notice: [], tryThis: [] }, grid: { width: 24, height: 24 }, days: 5,
  params: {}, vessels: [{ x0: 12, y0: 0, x1: 12, y1: 23 }], tissue: { kind: "none", spacing: 2 }, threat: { kind: "none", sites: [] },
  populations: [{ type: "treg", count: 20, placement: { kind: "random" } }], therapies: [],
};
const plasma = (w: World) => w.therapy.bolusFast + w.therapy.bolusSlow + w.therapy.lowDosePm;
const hours = (w: World, h: number) => { for (let k = 0; k < Math.round((h * 3600) / w.dtS); k++) step(w); };

describe("therapies", () => {
  test("a high-dose bolus peaks near 55 nM and falls to 0.3-1 nM by 8 h", () => {
    const w = createWorld(empty, makeParams(), 1);
    step(w, [{ kind: "therapy", therapy: "highDose" }]);
    expect(plasma(w)).toBeGreaterThan(40000);
    expect(plasma(w)).toBeLessThan(56000);
    hours(w, 8);
    expect(plasma(w)).toBeGreaterThan(300);
    expect(plasma(w)).toBeLessThan(1000);
  });

  test("a low dose holds plasma near 30 pM for about 8 h, then it fades", () => {
    const w = createWorld(empty, makeParams(), 1);
    step(w, [{ kind: "therapy", therapy: "lowDose" }]);
    hours(w, 4);
    expect(plasma(w)).toBeGreaterThan(25);
    expect(plasma(w)).toBeLessThan(31);
    hours(w, 10);
    expect(plasma(w)).toBeLessThan(5);
  });

  test("anti-CD25 takes most high-affinity receptors off Tregs", () => {
    const w = createWorld(empty, makeParams(), 1);
    const before = highAffinitySites(w, 0);
    step(w, [{ kind: "therapy", therapy: "antiCd25" }]);
    expect(highAffinitySites(w, 0)).toBeLessThan(before * 0.4);
  });

  test("a course of high doses is cut short once leak crosses the dose-limiting line", () => {
    const w = createWorld(empty, makeParams({ leakGainPerHour: 0.5, leakSensitivityCv: 0 }), 1);
    queueTherapy(w, "highDose", true);
    let withheld = 0;
    for (let k = 0; k < Math.round((5 * 86400) / w.dtS); k++) {
      for (const e of step(w)) if (e.kind === "dose" && e.cause) withheld++;
    }
    expect(w.therapy.leakCrossedTick).toBeGreaterThanOrEqual(0);
    expect(withheld).toBeGreaterThan(0);
    expect((w.therapy.dosesGiven.highDose ?? 0) + withheld).toBe(14);
  });
});
