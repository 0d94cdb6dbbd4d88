// Experiment outputs from hand-made seed results: medians across seeds, the CSV tables' shape and order, the JSON
// document, what goes to stdout or to which files, and the throttled progress line. No model runs here.

import { describe, expect, it } from "vitest";
import { SCENARIOS, SCENARIO_IDS } from "../../shared/scenarios/index.ts";
import { parseArgs, type ExperimentPlan } from "../../server/experiment/args.ts";
import { csvCell } from "../../server/csvText.ts";
import { formatNumber, mediansCsv, perSeedCsv, summaryCsv } from "../../server/experiment/csv.ts";
import { median, mediansOverSeeds } from "../../server/experiment/medians.ts";
import { experimentJson, outputBase, render, summaryText } from "../../server/experiment/output.ts";
import { Progress } from "../../server/experiment/progress.ts";
import type { SeedResult } from "../../server/experiment/run.ts";

const NAMES = ["a", "b"];

/** A seed sampled at ticks 0, 360 and 720 (6 h ticks of 60 s), with metric values given per sample. */
function result(seed: number, a: number[], b: number[], outcome: SeedResult["outcome"] = "ongoing"): SeedResult {
  return {
    seed, outcome, outcomeDay: outcome === "ongoing" ? null : 0.5, stateHash: `hash${seed}`, ticks: 720,
    samples: a.map((_, i) => ({ tick: i * 360, day: i * 0.25, values: { a: a[i], b: b[i] } })),
  };
}

const RESULTS = [result(1, [1, 2, 3], [10, 0, 5]), result(2, [3, 4, 9], [20, 0, 1], "cleared"), result(3, [2, 8, 6], [30, 0, 2])];

function planFor(extra: string): ExperimentPlan {
  const r = parseArgs(`--scenario ${SCENARIO_IDS[0]} --seeds 3 ${extra}`.split(" ").filter(Boolean), SCENARIOS);
  if (r.kind !== "run") throw new Error(JSON.stringify(r));
  return r.plan;
}

describe("medians", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });

  it("ignores values that are not finite numbers", () => {
    expect(median([1, Number.NaN, 3, Number.POSITIVE_INFINITY, undefined as unknown as number])).toBe(2);
    expect(median([Number.NaN])).toBeNull();
  });

  it("works per time point and per metric across seeds", () => {
    const rows = mediansOverSeeds(RESULTS, NAMES);
    expect(rows.map((r) => r.day)).toEqual([0, 0.25, 0.5]);
    expect(rows.map((r) => r.tick)).toEqual([0, 360, 720]);
    expect(rows.map((r) => r.values.a)).toEqual([2, 4, 6]);
    expect(rows.map((r) => r.values.b)).toEqual([20, 0, 2]);
    expect(mediansOverSeeds(RESULTS.slice(0, 2), NAMES).map((r) => r.values.a)).toEqual([2, 3, 6]);
  });

  it("refuses seeds sampled at different ticks", () => {
    const odd = result(4, [1, 2], [1, 2]);
    expect(() => mediansOverSeeds([RESULTS[0], odd], NAMES)).toThrow(/seed 4 was sampled at different ticks/);
  });
});

describe("CSV", () => {
  it("formats numbers to 12 significant digits and leaves missing values empty", () => {
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(0.14880000000000002)).toBe("0.1488");
    expect(formatNumber(3007)).toBe("3007");
    expect(formatNumber(null)).toBe("");
    expect(formatNumber(Number.NaN)).toBe("");
    expect(csvCell('say "hi", then')).toBe('"say ""hi"", then"');
  });

  it("per-seed table: header seed,day,metrics, then one row per seed per sample, by seed then day", () => {
    const lines = perSeedCsv(RESULTS, NAMES).trimEnd().split("\n");
    expect(lines[0]).toBe("seed,day,a,b");
    expect(lines).toHaveLength(1 + 3 * 3);
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 2).join(","))).toEqual([
      "1,0", "1,0.25", "1,0.5", "2,0", "2,0.25", "2,0.5", "3,0", "3,0.25", "3,0.5",
    ]);
    expect(lines[6]).toBe("2,0.5,9,1");
  });

  it("medians table: header day,metrics, one row per time point", () => {
    const text = mediansCsv(mediansOverSeeds(RESULTS, NAMES), NAMES);
    expect(text).toBe("day,a,b\n0,2,20\n0.25,4,0\n0.5,6,2\n");
  });

  it("summary table: one row per seed with outcome, when decided, final day, ticks and state hash", () => {
    expect(summaryCsv(RESULTS)).toBe(
      "seed,outcome,outcomeDay,finalDay,ticks,stateHash\n1,ongoing,,0.5,720,hash1\n2,cleared,0.5,0.5,720,hash2\n3,ongoing,,0.5,720,hash3\n",
    );
  });
});

describe("render", () => {
  it("without --out: the medians CSV on stdout, or the per-seed CSV with --per-seed", () => {
    const r = render(planFor(""), RESULTS, NAMES);
    expect(r.files).toEqual([]);
    expect(r.stdout.split("\n")[0]).toBe("day,a,b");
    expect(render(planFor("--per-seed"), RESULTS, NAMES).stdout.split("\n")[0]).toBe("seed,day,a,b");
  });

  it("with --out: three CSV files named from the base, nothing on stdout", () => {
    const r = render(planFor("--out dir/run1.csv"), RESULTS, NAMES);
    expect(r.stdout).toBe("");
    expect(r.files.map((f) => f.path)).toEqual(["dir/run1.per-seed.csv", "dir/run1.medians.csv", "dir/run1.summary.csv"]);
    expect(r.files[2].text).toContain("2,cleared,0.5");
  });

  it("--json: one document with the plan, per-seed samples, hashes, outcomes and medians", () => {
    const plan = planFor("--json --set kdHighPm=12 --therapy lowDose@0.5");
    const doc = JSON.parse(render(plan, RESULTS, NAMES).stdout);
    expect(doc).toEqual(JSON.parse(JSON.stringify(experimentJson(plan, RESULTS, NAMES))));
    expect(doc.scenario.id).toBe(SCENARIO_IDS[0]);
    expect(doc.seeds).toEqual([1, 2, 3]);
    expect(doc.overrides).toEqual({ kdHighPm: 12 });
    expect(doc.params.kdHighPm).toBe(12);
    expect(doc.therapies).toEqual([{ therapy: "lowDose", day: 0.5 }]);
    expect(doc.perSeed.map((s: { seed: number; stateHash: string; outcome: string }) => [s.seed, s.stateHash, s.outcome])).toEqual([
      [1, "hash1", "ongoing"], [2, "hash2", "cleared"], [3, "hash3", "ongoing"],
    ]);
    expect(doc.perSeed[1].samples[2].values).toEqual({ a: 9, b: 1 });
    expect(doc.medians.map((m: { values: { a: number } }) => m.values.a)).toEqual([2, 4, 6]);
    expect(render(planFor("--json --out x/y.json"), RESULTS, NAMES).files.map((f) => f.path)).toEqual(["x/y.json"]);
  });

  it("outputBase drops a trailing .csv or .json only", () => {
    expect(outputBase("a/b.csv")).toBe("a/b");
    expect(outputBase("a/b.JSON")).toBe("a/b");
    expect(outputBase("a.b/c")).toBe("a.b/c");
  });

  it("the human summary has one aligned row per seed", () => {
    const lines = summaryText(RESULTS).trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^2\s+cleared\s+day 0\.5\s+hash2$/);
  });
});

describe("progress", () => {
  it("writes at most once per interval, names running seeds and days, and ends with the elapsed time", () => {
    let now = 0;
    const out: string[] = [];
    const p = new Progress({ seeds: [1, 2, 3], days: 10, workers: 2, write: (t) => out.push(t), tty: false, now: () => now, intervalMs: 250 });
    p.update(1, 45, 100);
    now = 100;
    p.update(2, 10, 100); // too soon: not written
    expect(out).toEqual(["seed 1/3 day 4.5/10 · 0/3 done · 0.0 s\n"]);
    now = 400;
    p.seedDone(1);
    expect(out[1]).toBe("seed 2/3 day 1.0/10 · 1/3 done · 0.4 s\n");
    now = 12_345;
    expect(p.finish()).toBe("done: 3 seeds × 10 days in 12.3 s with 2 workers");
    expect(out).toHaveLength(3);
  });

  it("names seeds that do not start at 1 by number and position, with finer days for short runs", () => {
    const out: string[] = [];
    const p = new Progress({ seeds: [10, 11], days: 0.25, workers: 1, write: (t) => out.push(t), tty: false, now: () => 0 });
    p.update(11, 1, 2);
    expect(out[0]).toBe("seed 11 (2/2) day 0.13/0.25 · 0/2 done · 0.0 s\n");
  });

  it("on a terminal rewrites one line in place", () => {
    const out: string[] = [];
    const p = new Progress({ seeds: [7], days: 1, workers: 1, write: (t) => out.push(t), tty: true, now: () => 0 });
    p.update(7, 1, 2);
    p.finish();
    expect(out[0]).toBe("\r\x1b[Kseed 7 (1/1) day 0.5/1 · 0/1 done · 0.0 s");
    expect(out[1]).toBe("\r\x1b[Kdone: 1 seed × 1 days in 0.0 s with 1 worker\n");
  });
});
