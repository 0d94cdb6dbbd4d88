// Runner benchmark: simulated seed-days per CPU-second of the experiment runner on high-dose melanoma, one seed of
// 10 days run as `npm run experiment` runs it (runPool: one worker thread running worker.ts and runSeed), this process's
// CPU time while it runs (the main thread only waits). Twice: on the runner's default, its 3-minute clock
// (RUNNER_TICK_SECONDS), and on the game's 1-minute clock (--clock 60) as the baseline. Each line names its clock.
// Called by test/bench/main.ts (`npm run bench`, `--only model`).

import { CELL_TYPE_NAMES } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { parseArgs } from "../../server/experiment/args.ts";
import { clockText, GAME_TICK_SECONDS } from "../../server/experiment/clock.ts";
import { runPool } from "../../server/experiment/pool.ts";

/** The experiment, as `npm run experiment -- …` would be asked for it (issue 11 timed 40 seeds of it). */
export const RUNNER_BENCH_ARGS = ["--scenario", "melanoma", "--therapy", "highDose@1", "--days", "10", "--seeds", "1"] as const;

/** Seed-days per CPU-second of one run of RUNNER_BENCH_ARGS plus `extra` (logged as it goes). */
async function benchOnce(extra: readonly string[], log: (line: string) => void): Promise<{ perCpuS: number; tickSeconds: number }> {
  const args = [...RUNNER_BENCH_ARGS, ...extra];
  const parsed = parseArgs(args, SCENARIOS);
  if (parsed.kind !== "run") throw new Error(`runner bench: bad arguments ${args.join(" ")}`);
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
  log(`runner run: npm run experiment -- ${args.join(" ")} (one worker thread), ${cpuS.toFixed(1)} CPU-s, ${clockText(plan.params.tickSeconds, plan.params.moveSubsteps)}`);
  return { perCpuS: days / cpuS, tickSeconds: plan.params.tickSeconds };
}

export async function benchRunner(log: (line: string) => void): Promise<void> {
  const runner = await benchOnce([], log);
  log(`runner seed-days per CPU-s, melanoma high dose: ${runner.perCpuS.toFixed(3)} (runner's default clock, ${runner.tickSeconds} s a tick)`);
  const game = await benchOnce(["--clock", String(GAME_TICK_SECONDS)], log);
  log(`runner seed-days per CPU-s, melanoma high dose, the game's clock (--clock ${game.tickSeconds}): ${game.perCpuS.toFixed(3)} (default ×${(runner.perCpuS / game.perCpuS).toFixed(2)})`);
}
