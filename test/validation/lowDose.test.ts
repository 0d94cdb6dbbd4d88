// Case "Low dose favours Tregs" (Koreth 2011; Hartemann 2013): IL-2 held at a plateau for 5 days. At 30 pM Tregs at
// least double, so does the Treg:Tconv ratio, CD8 cells stay within ±25% and NK cells rise no more than 1.5×.

import { describe, expect, test } from "vitest";
import type { MetricName } from "../../shared/sim/index.ts";
import { median, metricAt, patch, report, run, SEEDS } from "./harness.ts";

const DAYS = 5;

const KEYS = ["treg", "tconv", "cd8", "nk"] as const;

function finalCounts(plateauPm: number): Record<(typeof KEYS)[number], number> {
  const perSeed = Array.from({ length: SEEDS }, (_, k) => {
    const w = run({
      scenario: patch({
        size: 40,
        populations: [
          { type: "cd4", count: 120, placement: { kind: "random" } },
          { type: "cd8", count: 60, placement: { kind: "random" } },
          { type: "nk", count: 60, placement: { kind: "random" } },
        ],
      }),
      params: { holdIl2Pm: plateauPm, tregShareOfCd4: 0.1 },
      seed: k + 1, days: DAYS,
    });
    const v = (name: MetricName) => metricAt(w, name, DAYS);
    return { treg: v("count.treg"), tconv: v("count.cd4"), cd8: v("count.cd8"), nk: v("count.nk") };
  });
  return Object.fromEntries(KEYS.map((key) => [key, median(perSeed.map((r) => r[key]))])) as Record<(typeof KEYS)[number], number>;
}

describe("low-dose IL-2 favours Tregs", () => {
  test("at 30 pM: Treg ≥ 2×, Treg:Tconv ≥ 2×, CD8 within ±25%, NK ≤ 1.5× (against no IL-2)", () => {
    const levels = [0, 30, 100];
    const rows = levels.map((pm) => ({ pm, ...finalCounts(pm) }));
    for (const r of rows) report(`plateau ${r.pm} pM, day ${DAYS}`, r);
    const none = rows[0], low = rows[1];
    expect(low.treg / none.treg).toBeGreaterThanOrEqual(2);
    expect(low.treg / low.tconv / (none.treg / none.tconv)).toBeGreaterThanOrEqual(2);
    expect(Math.abs(low.cd8 / none.cd8 - 1)).toBeLessThanOrEqual(0.25);
    expect(low.nk / none.nk).toBeLessThanOrEqual(1.5);
  });
});
