// Case "Tregs respond first" (O'Gorman 2009): in the first 6 h after helpers are activated, the share of Tregs that
// are pSTAT5-positive is ≥ 3× that of the activated helpers and ≥ 10× that of NK and CD8 cells.

import { describe, expect, test } from "vitest";
import { dendriticSites, median, metricMean, patch, report, run, SEEDS } from "./harness.ts";

describe("Tregs respond first", () => {
  test("first 6 h: Treg pSTAT5+ share ≥ 3× activated helpers, ≥ 10× NK and CD8", () => {
    const perSeed = Array.from({ length: SEEDS }, (_, k) => {
      const w = run({
        scenario: patch({
          size: 48,
          populations: [
            ...dendriticSites(48, 2, 1),
            { type: "cd4", count: 30, placement: { kind: "antigenSites", radius: 2 }, activated: true, antigenStrength: 1 },
            { type: "treg", count: 30, placement: { kind: "antigenSites", radius: 8 } },
            { type: "cd8", count: 30, placement: { kind: "antigenSites", radius: 8 } },
            { type: "nk", count: 30, placement: { kind: "antigenSites", radius: 8 } },
          ],
        }),
        params: { tregShareOfCd4: 0 },
        seed: k + 1, days: 0.25,
      });
      return {
        treg: metricMean(w, "pstat5.treg", 0, 0.25),
        helpers: metricMean(w, "pstat5.cd4Activated", 0, 0.25),
        nk: metricMean(w, "pstat5.nkDim", 0, 0.25),
        cd8: metricMean(w, "pstat5.cd8", 0, 0.25),
      };
    });
    const m = Object.fromEntries(["treg", "helpers", "nk", "cd8"].map((key) => [key, median(perSeed.map((r) => r[key as keyof typeof r]))]));
    report("pSTAT5+ share over the first 6 h", m);
    expect(m.treg).toBeGreaterThan(0.05);
    expect(m.treg).toBeGreaterThanOrEqual(3 * m.helpers);
    expect(m.treg).toBeGreaterThanOrEqual(10 * m.nk);
    expect(m.treg).toBeGreaterThanOrEqual(10 * m.cd8);
  });
});
