// What an experiment writes: the JSON document, or the CSV files (per-seed, medians, summary), and what goes to
// stdout. Pure: returns texts and paths; main.ts does the writing. Called by main.ts and the unit tests.

import { METRICS } from "../../shared/sim/index.ts";
import type { ExperimentPlan } from "./args.ts";
import { motilityScale } from "./clock.ts";
import { mediansCsv, perSeedCsv, summaryCsv } from "./csv.ts";
import { mediansOverSeeds } from "./medians.ts";
import type { SeedResult } from "./run.ts";

export interface Rendered {
  files: { path: string; text: string }[];
  stdout: string;
}

/** "--out results", "--out results.csv" and "--out results.json" all name the base "results". */
export function outputBase(out: string): string {
  return out.replace(/\.(csv|json)$/i, "");
}

export function experimentJson(plan: ExperimentPlan, results: readonly SeedResult[], names: readonly string[]) {
  return {
    scenario: { id: plan.scenario.id, name: plan.scenario.name, days: plan.scenario.days },
    days: plan.days,
    everyHours: plan.everyHours,
    clock: { tickSeconds: plan.params.tickSeconds, speedScale: motilityScale(plan.params.tickSeconds, plan.params.moveSubsteps), moveSubsteps: plan.params.moveSubsteps },
    seeds: plan.seeds,
    overrides: plan.overrides,
    params: plan.params,
    therapies: plan.therapies,
    metrics: names.map((name) => ({ name, units: METRICS.find((m) => m.name === name)?.units ?? "" })),
    perSeed: results.map((r) => ({
      seed: r.seed, outcome: r.outcome, outcomeDay: r.outcomeDay, stateHash: r.stateHash, ticks: r.ticks, samples: r.samples,
    })),
    medians: mediansOverSeeds(results, names),
  };
}

export function render(plan: ExperimentPlan, results: readonly SeedResult[], names: readonly string[]): Rendered {
  if (plan.json) {
    const text = JSON.stringify(experimentJson(plan, results, names), null, 1) + "\n";
    if (plan.out === null) return { files: [], stdout: text };
    return { files: [{ path: `${outputBase(plan.out)}.json`, text }], stdout: "" };
  }
  const perSeed = perSeedCsv(results, names);
  const medians = mediansCsv(mediansOverSeeds(results, names), names);
  if (plan.out === null) return { files: [], stdout: plan.perSeedToStdout ? perSeed : medians };
  const base = outputBase(plan.out);
  return {
    files: [
      { path: `${base}.per-seed.csv`, text: perSeed },
      { path: `${base}.medians.csv`, text: medians },
      { path: `${base}.summary.csv`, text: summaryCsv(results) },
    ],
    stdout: "",
  };
}

/** The per-seed summary for people (stderr): outcome, when it was decided, and the final state hash. */
export function summaryText(results: readonly SeedResult[]): string {
  const rows = results.map((r) => [
    String(r.seed), r.outcome, r.outcomeDay === null ? "-" : `day ${+r.outcomeDay.toFixed(2)}`, r.stateHash,
  ]);
  const head = ["seed", "outcome", "decided", "final stateHash"];
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
  return [head, ...rows].map((r) => r.map((c, k) => c.padEnd(widths[k])).join("  ").trimEnd()).join("\n") + "\n";
}
