// Runner benchmark: simulated seed-days per CPU-second of the experiment runner's per-seed run (runSeed, what each
// worker thread runs, on the job as a worker receives it) on high-dose melanoma, in this process on one thread.
// Bounded: one seed of 10 days.
// Called by test/bench/main.ts (`npm run bench`, `--only model`).

import { CELL_TYPE_NAMES } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { parseArgs } from "../../server/experiment/args.ts";
import { runSeed } from "../../server/experiment/run.ts";

/** The experiment, as `npm run experiment -- …` would be asked for it (issue 11 timed 40 seeds of it). */
export const RUNNER_BENCH_ARGS = ["--scenario", "melanoma", "--therapy", "highDose@1", "--days", "10", "--seeds", "1"] as const;

export function benchRunner(log: (line: string) => void): void {
  const parsed = parseArgs(RUNNER_BENCH_ARGS, SCENARIOS);
  if (parsed.kind !== "run") throw new Error(`runner bench: bad arguments ${RUNNER_BENCH_ARGS.join(" ")}`);
  const plan = parsed.plan;
  let cpuS = 0, days = 0;
  for (const seed of plan.seeds) {
    // a copy made as postMessage makes it (structured clone), as pool.ts sends each job to a worker thread: the worker's
    // parameters are a plain object with fast properties, where makeParams' own object is in dictionary mode
    const job = structuredClone({ scenario: plan.scenario, params: plan.params, seed, days: plan.days, everyHours: plan.everyHours, therapies: plan.therapies });
    const t0 = process.cpuUsage();
    const result = runSeed(job);
    const used = process.cpuUsage(t0);
    const seedCpuS = (used.user + used.system) / 1e6;
    const cells = (values: Record<string, number>) => CELL_TYPE_NAMES.reduce((n, t) => n + (values[`count.${t}`] ?? 0), 0);
    const peak = Math.max(...result.samples.map((s) => cells(s.values)));
    cpuS += seedCpuS;
    days += (result.ticks * plan.params.tickSeconds) / 86400;
    log(`runner seed ${seed}: ${plan.days} days in ${seedCpuS.toFixed(1)} CPU-s, most cells ${peak}, outcome ${result.outcome}, hash ${result.stateHash}`);
  }
  log(`runner run: npm run experiment -- ${RUNNER_BENCH_ARGS.join(" ")}, in this process on one thread`);
  log(`runner seed-days per CPU-s, melanoma high dose: ${(days / cpuS).toFixed(3)}`);
}
