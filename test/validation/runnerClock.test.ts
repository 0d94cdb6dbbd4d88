// The runner's clock agrees with the game's (issue 11): `npm run experiment -- --clock 180` ticks every 3 minutes
// (server/experiment/clock.ts: three crawl steps of a minute a tick at the game's speeds, as the game crawls; field
// sub-steps ≤ 30 s), the game every minute. The same 20 melanoma patients (seeds) on both clocks, the high-dose course
// from day 0.5, as the runner is used for response questions, compared on day 4 (the course's expansion under way,
// tumours turning):
// - verdicts: the same number of responders (burden ≤ 0.49× its start) within one, no complete response on either
//   clock; killer T cells expand at least 5× and NK cells and Tregs at least 1.5× on both;
// - tumour size: the median burden (day 4 over start) within 0.15 of the game clock's, and each patient's, paired,
//   within 0.15 at the median (docs/model.md section 6 gives the figures measured);
// - IL-2 and counts: the medians of mean IL-2 over the run, peak leak, and the day-4 counts of killer T cells, NK
//   cells, Tregs and activated helpers within 30% of the game clock's.
// Per-patient verdicts at a sharp line (smaller than at the start, a response) are not asserted: patients near the
// line fall either side (17 of 20 alike on "smaller than at the start"). Runs: 20 seeds × 4 days on each clock.

import { describe, expect, test } from "vitest";
import { queueTherapy, type MetricName } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { GAME_TICK_SECONDS, FAST_TICK_SECONDS } from "../../server/experiment/clock.ts";
import { median, metricAt, metricMax, metricMean, report, run, SEEDS } from "./harness.ts";

const DAYS = 4;
const RESPONSE_BURDEN = 0.49;
/** 40 melanoma runs, half on the game's clock: 8.4 minutes at load 4-6 on 2 cores, 20 (the suite's limit) at load 7-9. */
const RUNS_TIMEOUT_MS = 45 * 60_000;
const START_DAY = 0.5;
const COUNTS = ["count.cd8", "count.nk", "count.treg", "count.cd4Activated"] as const satisfies readonly MetricName[];
const EXPANDED = ["count.cd8", "count.nk", "count.treg"] as const satisfies readonly MetricName[];

function patient(seed: number, clock: number) {
  const w = run({
    scenario: SCENARIOS.melanoma, clock, seed, days: DAYS,
    at: [{ day: START_DAY, act: (world) => queueTherapy(world, "highDose", true) }],
  });
  const start = w.history[0].values, end = w.history.at(-1)!.values;
  return {
    ratio: end["threat.burden"] / start["threat.burden"],
    il2: metricMean(w, "il2.meanPm"),
    leak: metricMax(w, "toxicity.leak"),
    counts: Object.fromEntries(COUNTS.map((m) => [m, metricAt(w, m, DAYS)])) as Record<(typeof COUNTS)[number], number>,
    fold: Object.fromEntries(EXPANDED.map((m) => [m, metricAt(w, m, DAYS) / Math.max(1, start[m])])) as Record<(typeof EXPANDED)[number], number>,
  };
}

type Patient = ReturnType<typeof patient>;
const seeds = Array.from({ length: SEEDS }, (_, k) => k + 1);
const summary = (ps: Patient[]) => ({
  burden: median(ps.map((p) => p.ratio)),
  il2: median(ps.map((p) => p.il2)),
  leak: median(ps.map((p) => p.leak)),
  ...Object.fromEntries(COUNTS.map((m) => [m, median(ps.map((p) => p.counts[m]))])),
  ...Object.fromEntries(EXPANDED.map((m) => [`fold.${m}`, median(ps.map((p) => p.fold[m]))])),
}) as Record<string, number>;

describe(`the runner's ${FAST_TICK_SECONDS}-s clock against the game's ${GAME_TICK_SECONDS}-s clock, high-dose melanoma`, () => {
  test("the same verdicts; tumour size, IL-2 and counts within the stated tolerances", () => {
    const runner = seeds.map((s) => patient(s, FAST_TICK_SECONDS));
    const r = summary(runner);
    report(`runner clock ${FAST_TICK_SECONDS} s, melanoma high dose, day ${DAYS}`, r);
    const game = seeds.map((s) => patient(s, GAME_TICK_SECONDS));
    const g = summary(game);
    report(`game clock ${GAME_TICK_SECONDS} s, melanoma high dose, day ${DAYS}`, g);
    const alike = seeds.filter((_, k) => (game[k].ratio < 1) === (runner[k].ratio < 1)).length;
    console.log(`[validation] burden day ${DAYS} / start per seed, game / runner: ${seeds.map((s, k) => `${s}=${game[k].ratio.toFixed(2)}/${runner[k].ratio.toFixed(2)}`).join(" ")}; smaller than at the start alike in ${alike} of ${SEEDS}`);
    // verdicts
    const responders = (ps: Patient[]) => ps.filter((p) => p.ratio <= RESPONSE_BURDEN).length;
    expect(Math.abs(responders(runner) - responders(game))).toBeLessThanOrEqual(1);
    expect(runner.filter((p) => p.ratio === 0)).toHaveLength(0);
    expect(game.filter((p) => p.ratio === 0)).toHaveLength(0);
    for (const x of [g, r]) {
      expect(x["fold.count.cd8"]).toBeGreaterThanOrEqual(5);
      expect(x["fold.count.nk"]).toBeGreaterThanOrEqual(1.5);
      expect(x["fold.count.treg"]).toBeGreaterThanOrEqual(1.5);
    }
    // tumour size
    expect(Math.abs(r.burden - g.burden)).toBeLessThanOrEqual(0.15);
    expect(Math.abs(median(seeds.map((_, k) => runner[k].ratio - game[k].ratio)))).toBeLessThanOrEqual(0.15);
    // IL-2 and counts
    for (const k of ["il2", "leak", ...COUNTS]) {
      expect(r[k] / g[k], k).toBeGreaterThanOrEqual(1 / 1.3);
      expect(r[k] / g[k], k).toBeLessThanOrEqual(1.3);
    }
  }, RUNS_TIMEOUT_MS);
});
