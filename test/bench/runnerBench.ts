// Runner benchmark: simulated seed-days per CPU-second of the experiment runner on high-dose melanoma, one seed of
// 10 days run as `npm run experiment` runs it (runPool: one worker thread running worker.ts and runSeed), this process's
// CPU time while it runs (the main thread only waits). Called by test/bench/main.ts (`npm run bench`, `--only model`).

import { CELL_TYPE_NAMES } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { parseArgs } from "../../server/experiment/args.ts";
import { runPool } from "../../server/experiment/pool.ts";

/** The experiment, as `npm run experiment -- …` would be asked for it (issue 11 timed 40 seeds of it). */
export const RUNNER_BENCH_ARGS = ["--scenario", "melanoma", "--therapy", "highDose@1", "--days", "10", "--seeds", "1"] as const;

export async function benchRunner(log: (line: string) => void): Promise<void> {
  const parsed = parseArgs(RUNNER_BENCH_ARGS, SCENARIOS);
  if (parsed.kind !== "run") throw new Error(`runner bench: bad arguments ${RUNNER_BENCH_ARGS.join(" ")}`);
  const plan = parsed.plan;
  const jobs = plan.seeds.map((seed) => ({
    scenario: plan.scenario, params: plan.params, seed, days: plan.days, everyHours: plan.everyHours, therapies: plan.therapies,
  }));
  // one worker: a fresh thread, as each of the runner's, so nothing this process ran before shapes its compiled code
  const t0 = process.cpuUsage();
  const results = await runPool(jobs, 1);
  const used = process.cpuUsage(t0);
  const cpuS = (used.user + used.system) / 1e6;
  const cells = (values: Record<string, number>) => CELL_TYPE_NAMES.reduce((n, t) => n + (values[`count.${t}`] ?? 0), 0);
  let days = 0;
  for (const r of results) {
    days += (r.ticks * plan.params.tickSeconds) / 86400;
    const peak = Math.max(...r.samples.map((s) => cells(s.values)));
    log(`runner seed ${r.seed}: ${plan.days} days, most cells ${peak}, outcome ${r.outcome}, hash ${r.stateHash}`);
  }
  log(`runner run: npm run experiment -- ${RUNNER_BENCH_ARGS.join(" ")} (one worker thread), ${cpuS.toFixed(1)} CPU-s`);
  log(`runner seed-days per CPU-s, melanoma high dose: ${(days / cpuS).toFixed(3)}`);
}
