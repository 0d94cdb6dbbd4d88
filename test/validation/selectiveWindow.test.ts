// Case "A selective window" (Farhat 2021; Yu 2015): with IL-2 held constant from 1 pM to 100 nM, a band near
// 10-100 pM makes most Tregs pSTAT5-positive while NK, CD8 and naive CD4 stay below 10%; at ≥ 10 nM all exceed 80%.

import { describe, expect, test } from "vitest";
import { median, metricAt, patch, report, run, SEEDS } from "./harness.ts";

const LEVELS_PM = [1, 3, 10, 30, 100, 300, 1000, 3000, 10000, 30000, 100000];
const TYPES = ["treg", "cd4", "cd8", "nkDim"] as const;

/** Median pSTAT5-positive share of each type after two hours at a held IL-2 level. */
function shares(holdPm: number): Record<(typeof TYPES)[number], number> {
  const perSeed = Array.from({ length: SEEDS }, (_, k) => {
    const w = run({
      scenario: patch({
        size: 32,
        populations: [
          { type: "treg", count: 60, placement: { kind: "random" } },
          { type: "cd4", count: 60, placement: { kind: "random" } },
          { type: "cd8", count: 60, placement: { kind: "random" } },
          { type: "nk", count: 60, placement: { kind: "random" } },
        ],
      }),
      params: { holdIl2Pm: holdPm, tregShareOfCd4: 0, nkBrightShare: 0 },
      seed: k + 1, days: 2 / 24,
    });
    return Object.fromEntries(TYPES.map((t) => [t, metricAt(w, `pstat5.${t}`, 2 / 24)]));
  });
  return Object.fromEntries(TYPES.map((t) => [t, median(perSeed.map((r) => r[t]))])) as Record<(typeof TYPES)[number], number>;
}

describe("a selective window", () => {
  test("a band near 10-100 pM reaches Tregs only; ≥ 10 nM reaches everyone", () => {
    const table = LEVELS_PM.map((pm) => ({ pm, ...shares(pm) }));
    for (const row of table) report(`window ${row.pm} pM`, row);
    const band = table.filter((r) => r.pm >= 10 && r.pm <= 100 && r.treg > 0.5 && r.cd4 < 0.1 && r.cd8 < 0.1 && r.nkDim < 0.1);
    expect(band.length).toBeGreaterThanOrEqual(1);
    for (const r of table.filter((r) => r.pm >= 10000)) {
      for (const t of TYPES) expect(r[t], `${t} at ${r.pm} pM`).toBeGreaterThan(0.8);
    }
  });
});
