// Case "Treg sink" (Busse 2010; Feinerman 2010; Oyler-Yaniv 2017): raising the Treg share of CD4 cells at antigen
// sites from 0 to 10 to 30% shrinks the area above 10 pM around helpers ≥ 1.5× and cuts peak effectors to ≤ 0.7×.
// Runs of 3 days: the area is averaged over days 0-3, and the effectors peak by then (measured over the 20 seeds on
// 4-day runs: by day 2.85 at 0% Tregs, 2.44 at 30%, the two shares the peak's verdict compares; one 10% run peaked at
// day 3.6, a share whose peak is reported, not asserted), so a fourth day, the costliest, would change no verdict.

import { describe, expect, test } from "vitest";
import { dendriticSites, median, metricMax, metricMean, patch, report, run, SEEDS } from "./harness.ts";

const HELPERS = 120;
const DAYS = 3;

function measure(tregShare: number) {
  const tregs = Math.round((HELPERS * tregShare) / (1 - tregShare));
  const perSeed = Array.from({ length: SEEDS }, (_, k) => {
    const w = run({
      scenario: patch({
        size: 48,
        populations: [
          ...dendriticSites(48, 3, 0.6),
          { type: "cd4", count: HELPERS, placement: { kind: "antigenSites", radius: 5 } },
          { type: "treg", count: tregs, placement: { kind: "antigenSites", radius: 5 } },
          { type: "cd8", count: 60, placement: { kind: "antigenSites", radius: 6 } },
        ],
      }),
      params: { tregShareOfCd4: 0 },
      seed: k + 1, days: DAYS,
    });
    let peak = 0;
    for (const m of w.history) peak = Math.max(peak, m.values["count.cd4Activated"] + m.values["count.cd8Activated"]);
    return { area: metricMean(w, "il2.areaAbove10pMmm2", 0, 3), peak, maxIl2: metricMax(w, "il2.maxPm") };
  });
  return { area: median(perSeed.map((r) => r.area)), peak: median(perSeed.map((r) => r.peak)), maxIl2: median(perSeed.map((r) => r.maxIl2)) };
}

describe("Tregs as an IL-2 sink", () => {
  test("Treg share 0 → 10 → 30%: IL-2 area shrinks ≥ 1.5×, peak effectors ≤ 0.7×", () => {
    const rows = [0, 0.1, 0.3].map((s) => ({ share: s, ...measure(s) }));
    for (const r of rows) report(`Treg share ${r.share}`, r);
    expect(rows[0].area / rows[2].area).toBeGreaterThanOrEqual(1.5);
    expect(rows[1].area).toBeLessThan(rows[0].area);
    expect(rows[2].peak / rows[0].peak).toBeLessThanOrEqual(0.7);
  });
});
