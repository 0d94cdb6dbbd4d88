// Who wins the IL-2 (metrics il2.captureShare.* and il2.captured.*), and every drug's level as a metric (therapy.*).

import { describe, expect, test } from "vitest";
import { createWorld, makeParams, queueTherapy, step } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";

const SHARES = (["cd4", "cd8", "treg", "nk"] as const).map((g) => `il2.captureShare.${g}` as const);

describe("IL-2 capture metrics", () => {
  test("the shares of recently captured IL-2 add up to 1 once IL-2 flows, and the totals match the ledger", () => {
    const sc = SCENARIOS.sandbox;
    const w = createWorld(sc, makeParams(sc.params), 3);
    for (let k = 0; k < 600; k++) step(w);
    const v = w.history.at(-1)!.values;
    expect(SHARES.reduce((a, n) => a + v[n], 0)).toBeCloseTo(1, 9);
    const total = (["cd4", "cd8", "treg", "nkBright", "nkDim"] as const).reduce((a, t) => a + v[`il2.captured.${t}`], 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeCloseTo(w.ledger.internalised, 6);
    // Tregs take a share out of proportion to their number (7% of the CD4 cells)
    expect(v["il2.captureShare.treg"]).toBeGreaterThan(0.07 * 80 / (80 + 50 + 40));
  });

  test("shares are 0 before any IL-2 is captured", () => {
    const sc = SCENARIOS.sandbox;
    const w = createWorld(sc, makeParams(sc.params), 3);
    for (let k = 0; k < w.params.metricsEveryTicks; k++) step(w);
    for (const n of SHARES) expect(w.history[0].values[n]).toBe(0);
  });
});

describe("drug levels", () => {
  test("each therapy's level shows in its own metric, and only there", () => {
    const sc = SCENARIOS.sandbox;
    const level = (therapy: "highDose" | "lowDose" | "antiCd25" | "cd122Biased") => {
      const w = createWorld(sc, makeParams(sc.params), 1);
      queueTherapy(w, therapy, false);
      for (let k = 0; k < 120; k++) step(w);
      return w.history.at(-1)!.values;
    };
    const names = { highDose: "therapy.highDosePm", lowDose: "therapy.lowDosePm", antiCd25: "therapy.antiCd25Block", cd122Biased: "therapy.cd122BiasedPm" } as const;
    for (const [therapy, metric] of Object.entries(names)) {
      const v = level(therapy as keyof typeof names);
      expect(v[metric], therapy).toBeGreaterThan(0);
      for (const other of Object.values(names)) if (other !== metric) expect(v[other], `${other} under ${therapy}`).toBe(0);
    }
  });
});
