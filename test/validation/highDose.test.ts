// Case "High dose expands killers, with toxicity" (aldesleukin label; Konrad 1990): boluses every 8 h, 14 doses,
// against none: NK ≥ 3×, CD8 ≥ 2×, Tregs ≥ 1.5×; vascular leak crosses the dose-limiting line before the 14th dose
// in at least half the runs, and falls below 25% of its peak within 3 days of the last dose.

import { describe, expect, test } from "vitest";
import { queueTherapy } from "../../shared/sim/index.ts";
import { median, metricAt, patch, report, run, SEEDS } from "./harness.ts";

const START_DAY = 0.5;
const MEASURE_DAY = 6;

function course(treated: boolean, seed: number) {
  let lastDoseTick = -1, leakAtRecovery = -1;
  const w = run({
    scenario: patch({
      size: 48, vesselsEvery: 8,
      populations: [
        { type: "cd4", count: 200, placement: { kind: "random" } },
        { type: "cd8", count: 100, placement: { kind: "random" } },
        { type: "nk", count: 100, placement: { kind: "random" } },
      ],
    }),
    params: { tregShareOfCd4: 0.1 },
    seed, days: 9,
    at: treated ? [{ day: START_DAY, act: (world) => queueTherapy(world, "highDose", true) }] : [],
    each: (world) => {
      for (const e of world.events) if (e.kind === "dose" && !e.cause) lastDoseTick = world.tick;
      if (lastDoseTick >= 0 && world.tick === lastDoseTick + Math.round((3 * 86400) / world.dtS)) leakAtRecovery = world.therapy.leak;
    },
  });
  const fourteenthDueTick = Math.round(((START_DAY + (13 * 8) / 24) * 86400) / w.dtS);
  return {
    nk: metricAt(w, "count.nk", MEASURE_DAY), cd8: metricAt(w, "count.cd8", MEASURE_DAY), treg: metricAt(w, "count.treg", MEASURE_DAY),
    crossedEarly: w.therapy.leakCrossedTick >= 0 && w.therapy.leakCrossedTick < fourteenthDueTick ? 1 : 0,
    recovered: leakAtRecovery >= 0 && leakAtRecovery < 0.25 * w.therapy.leakPeak ? 1 : 0,
    doses: w.therapy.dosesGiven.highDose ?? 0,
    peakLeak: w.therapy.leakPeak,
  };
}

describe("high-dose IL-2", () => {
  test("expands NK ≥ 3×, CD8 ≥ 2×, Tregs ≥ 1.5×; leak limits the course and then recovers", () => {
    const treated = Array.from({ length: SEEDS }, (_, k) => course(true, k + 1));
    const untreated = Array.from({ length: SEEDS }, (_, k) => course(false, k + 1));
    const med = (rows: ReturnType<typeof course>[], key: keyof ReturnType<typeof course>) => median(rows.map((r) => r[key]));
    const fold = { nk: med(treated, "nk") / med(untreated, "nk"), cd8: med(treated, "cd8") / med(untreated, "cd8"), treg: med(treated, "treg") / med(untreated, "treg") };
    const crossed = treated.filter((r) => r.crossedEarly).length / SEEDS;
    const recovered = treated.filter((r) => r.recovered).length / SEEDS;
    report("high dose, fold over untreated at day 6", { ...fold, crossedShare: crossed, recoveredShare: recovered, medianDoses: med(treated, "doses"), medianPeakLeak: med(treated, "peakLeak") });
    expect(fold.nk).toBeGreaterThanOrEqual(3);
    expect(fold.cd8).toBeGreaterThanOrEqual(2);
    expect(fold.treg).toBeGreaterThanOrEqual(1.5);
    expect(crossed).toBeGreaterThanOrEqual(0.5);
    expect(recovered).toBeGreaterThanOrEqual(0.5);
  });
});
