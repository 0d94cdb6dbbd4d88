// Case "Contraction" (Tkach 2014; Sojka 2004): antigen removed at day 5: secretion stops within 1-2 h, IL-2 falls
// below 10 pM within 6-12 h, effectors fall ≥ 90% over ~2 weeks leaving a 5-10% remnant; with antigen kept, ≤ 50%.

import { describe, expect, test } from "vitest";
import { removeAntigen } from "../../shared/sim/index.ts";
import { dendriticSites, median, metricAt, patch, report, run, SEEDS } from "./harness.ts";

const REMOVE_DAY = 5;
const END_DAY = REMOVE_DAY + 14;
const effectors = (w: Parameters<typeof metricAt>[0], day: number) => metricAt(w, "count.cd4Activated", day) + metricAt(w, "count.cd8Activated", day);

function trial(removed: boolean, seed: number) {
  const w = run({
    scenario: patch({
      size: 40,
      populations: [
        ...dendriticSites(40, 3, 1),
        { type: "cd4", count: 10, placement: { kind: "antigenSites", radius: 4 } },
        { type: "cd8", count: 10, placement: { kind: "antigenSites", radius: 6 } },
      ],
    }),
    params: { tregShareOfCd4: 0, metricsEveryTicks: 60 },
    seed, days: END_DAY,
    at: removed ? [{ day: REMOVE_DAY, act: removeAntigen }] : [],
  });
  const atRemoval = effectors(w, REMOVE_DAY);
  return {
    secretionBefore: metricAt(w, "il2.secretionPerS", REMOVE_DAY - 0.05),
    secretionAfter2h: metricAt(w, "il2.secretionPerS", REMOVE_DAY + 2 / 24),
    maxIl2After12h: metricAt(w, "il2.maxPm", REMOVE_DAY + 0.5),
    remaining: effectors(w, END_DAY) / Math.max(1, atRemoval),
    atRemoval,
  };
}

describe("contraction after antigen is gone", () => {
  test("secretion stops, IL-2 clears, effectors fall ≥ 90% with a 5-10% remnant; persistent antigen ≤ 50%", () => {
    const gone = Array.from({ length: SEEDS }, (_, k) => trial(true, k + 1));
    const kept = Array.from({ length: SEEDS }, (_, k) => trial(false, k + 1));
    const med = (rows: ReturnType<typeof trial>[], key: keyof ReturnType<typeof trial>) => median(rows.map((r) => r[key]));
    const m = {
      secretionBefore: med(gone, "secretionBefore"), secretionAfter2h: med(gone, "secretionAfter2h"), maxIl2After12h: med(gone, "maxIl2After12h"),
      effectorsAtRemoval: med(gone, "atRemoval"), remainingGone: med(gone, "remaining"), remainingKept: med(kept, "remaining"),
    };
    report("contraction", m);
    expect(m.secretionBefore).toBeGreaterThan(0);
    expect(m.secretionAfter2h).toBeLessThan(0.05 * m.secretionBefore);
    expect(m.maxIl2After12h).toBeLessThan(10);
    expect(m.remainingGone).toBeLessThanOrEqual(0.1);
    expect(m.remainingGone).toBeGreaterThanOrEqual(0.03);
    expect(m.remainingKept).toBeGreaterThanOrEqual(0.5);
  });
});
