// Case "NK use the intermediate receptor" (Nagler 1990; Cooper 2001): CD56dim NK respond only at ≥ 1 nM IL-2,
// CD56bright at pM and proliferate ≥ 5× more; NK kill rate rises ≥ 2× from 0 to 10 nM.

import { describe, expect, test } from "vitest";
import { median, metricAt, patch, report, run, SEEDS } from "./harness.ts";

const nkPatch = (size: number) => patch({ size, populations: [{ type: "nk", count: 80, placement: { kind: "random" } }] });

describe("NK cells use the intermediate receptor", () => {
  test("CD56dim respond only at ≥ 1 nM; CD56bright already at pM", () => {
    const rows = [1, 10, 30, 100, 300, 1000, 3000, 10000].map((pm) => {
      const perSeed = Array.from({ length: SEEDS }, (_, k) => {
        const w = run({ scenario: nkPatch(32), params: { holdIl2Pm: pm, nkBrightShare: 0.5 }, seed: k + 1, days: 2 / 24 });
        return [metricAt(w, "pstat5.nkDim", 2 / 24), metricAt(w, "pstat5.nkBright", 2 / 24)];
      });
      return { pm, dim: median(perSeed.map((r) => r[0])), bright: median(perSeed.map((r) => r[1])) };
    });
    for (const r of rows) report(`NK pSTAT5+ at ${r.pm} pM`, r);
    for (const r of rows.filter((r) => r.pm < 1000)) expect(r.dim, `dim at ${r.pm} pM`).toBeLessThan(0.1);
    for (const r of rows.filter((r) => r.pm >= 3000)) expect(r.dim, `dim at ${r.pm} pM`).toBeGreaterThan(0.5);
    expect(rows.some((r) => r.pm <= 100 && r.bright > 0.5)).toBe(true);
  });

  test("at 100 pM for 5 days CD56bright proliferate ≥ 5× more than CD56dim", () => {
    const perSeed = Array.from({ length: SEEDS }, (_, k) => {
      const w = run({ scenario: nkPatch(40), params: { holdIl2Pm: 100, nkBrightShare: 0.5 }, seed: k + 1, days: 5 });
      const first = w.history[0].values, last = w.history[w.history.length - 1].values;
      return [last["count.nkBright"] / first["count.nkBright"] - 1, last["count.nkDim"] / first["count.nkDim"] - 1];
    });
    const bright = median(perSeed.map((r) => r[0])), dim = median(perSeed.map((r) => r[1]));
    report("NK expansion at 100 pM (fold - 1)", { bright, dim });
    expect(bright).toBeGreaterThan(0.5);
    expect(bright).toBeGreaterThanOrEqual(5 * dim);
  });

  test("NK kill rate rises ≥ 2× from 0 to 10 nM", () => {
    const kills = (pm: number) => median(Array.from({ length: SEEDS }, (_, k) => {
      const w = run({
        scenario: patch({
          size: 40,
          threat: { kind: "tumour", sites: [{ x: 20, y: 20, radius: 16, count: 300 }] },
          populations: [{ type: "nk", count: 10, placement: { kind: "cluster", x: 20, y: 20, radius: 10 } }],
        }),
        params: { holdIl2Pm: pm, tumourHiddenShare: 1, tumourDivisionHours: 400, nkNonKillerShare: 0 },
        seed: k + 1, days: 0.25,
      });
      return metricAt(w, "events.kills", 0.25);
    }));
    const none = kills(0), high = kills(10000);
    report("NK kills in 6 h", { at0: none, at10nM: high });
    expect(none).toBeGreaterThan(0);
    expect(high).toBeGreaterThanOrEqual(2 * none);
  });
});
