// Entry point of `npm run experiment`: parses the arguments, prints help or a list, or runs every seed on the worker
// pool and writes the results. Exit codes: 0 done, 1 a run failed, 2 bad arguments. Run by package.json.

import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname } from "node:path";
import { METRIC_NAMES } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { parseArgs, type ExperimentPlan } from "./args.ts";
import { clockText } from "./clock.ts";
import { listText } from "./lists.ts";
import { render, summaryText } from "./output.ts";
import { runPool } from "./pool.ts";
import { Progress } from "./progress.ts";
import type { SeedJob } from "./run.ts";
import { usage } from "./usage.ts";

async function runExperiment(plan: ExperimentPlan): Promise<void> {
  const workers = Math.min(plan.workers ?? availableParallelism(), plan.seeds.length);
  const jobs: SeedJob[] = plan.seeds.map((seed) => ({
    scenario: plan.scenario, params: plan.params, seed, days: plan.days, everyHours: plan.everyHours, therapies: plan.therapies,
  }));
  if (!plan.quiet) process.stderr.write(`${clockText(plan.params.tickSeconds, plan.params.moveSubsteps)}\n`);
  const progress = plan.quiet ? null : new Progress({
    seeds: plan.seeds, days: plan.days, workers,
    write: (t) => process.stderr.write(t), tty: Boolean(process.stderr.isTTY), columns: process.stderr.columns,
  });
  const results = await runPool(jobs, workers, {
    onProgress: (seed, tick, total) => progress?.update(seed, tick, total),
    onResult: (r) => progress?.seedDone(r.seed),
  });
  progress?.finish();

  const rendered = render(plan, results, METRIC_NAMES);
  for (const f of rendered.files) {
    mkdirSync(dirname(f.path), { recursive: true });
    writeFileSync(f.path, f.text);
  }
  if (!plan.quiet) {
    process.stderr.write(summaryText(results));
    for (const f of rendered.files) process.stderr.write(`wrote ${f.path}\n`);
  }
  if (rendered.stdout) process.stdout.write(rendered.stdout);
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, SCENARIOS);
  switch (parsed.kind) {
    case "help":
      process.stdout.write(usage(Object.keys(SCENARIOS)));
      return 0;
    case "list":
      process.stdout.write(listText(parsed.what, SCENARIOS, parsed.json));
      return 0;
    case "error":
      for (const p of parsed.problems) process.stderr.write(`experiment: ${p}\n`);
      process.stderr.write("Run with --help for usage.\n");
      return 2;
    case "run":
      try {
        await runExperiment(parsed.plan);
        return 0;
      } catch (err) {
        process.stderr.write(`experiment failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        return 1;
      }
  }
}

// `... | head` closes stdout early: that is not a failure worth a stack trace
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});
process.exitCode = await main(process.argv.slice(2));
