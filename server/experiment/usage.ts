// The --help text of the experiment runner: every option, its default, the output files and the exit codes.
// Called by main.ts.

import { THERAPY_NAMES } from "../../shared/sim/index.ts";
import { LIMITS } from "./args.ts";
import { GAME_TICK_SECONDS, RUNNER_TICK_SECONDS } from "./clock.ts";

export function usage(scenarioIds: readonly string[]): string {
  return `Cytokine Command experiment runner: runs a scenario for many seeds and reports metrics over time.

Usage:
  npm run experiment -- --scenario <id> [options]
  npm run experiment -- --list-scenarios | --list-params | --list-metrics [--json]

Run options:
  --scenario <id>          scenario to run (required): ${scenarioIds.join(", ")}
  --seeds <n>              number of seeds, 1 to ${LIMITS.maxSeeds} (default 1)
  --seed-start <n>         first seed (default 1): seeds are start, start+1, …, start+n-1
  --days <d>               simulated days per seed (default: the scenario's days)
  --clock <seconds>        simulated seconds per tick (default ${RUNNER_TICK_SECONDS}: ${RUNNER_TICK_SECONDS / 60}-minute ticks, ~2.3× faster than
                           the game's); --clock ${GAME_TICK_SECONDS} runs the game's 1-minute clock, tick for tick as played.
                           Off the game's clock cells crawl in steps of a minute as in the game (moveSubsteps; speeds
                           scaled by √(${GAME_TICK_SECONDS}/step) when a step cannot be a whole minute) and IL-2 field sub-steps
                           are kept to 30 s at most; the ${RUNNER_TICK_SECONDS}-s clock's agreement with the game's: docs/model.md section 6.
                           (--set tickSeconds=<s> changes the tick alone, without adapting speeds or sub-steps)
  --every <hours>          sample the metrics every this many simulated hours (default ${LIMITS.defaultEveryHours}),
                           rounded to whole ticks; day 0 and the last tick are always sampled
  --set <param>=<value>…   override a model parameter (repeat --set, or list several after one --set);
                           defaults < scenario's parameters < --set. See --list-params for names and ranges
  --therapy <name>@<day>…  start a full course of a therapy on that day (day 0 if "@day" is left out);
                           therapies: ${THERAPY_NAMES.join(", ")}
  --workers <n>            worker threads (default: min(available cores, seeds)); results do not depend on it
  --quiet                  no progress or summary on stderr

Output:
  CSV (default). Three tables, each with a header row:
    per-seed   seed, day, <every metric>         one row per seed per sample, ordered by seed then day
    medians    day, <every metric>               the median across seeds at each sample
    summary    seed, outcome, outcomeDay, finalDay, ticks, stateHash
  Without --out: stdout gets the medians CSV (or the per-seed CSV with --per-seed); stderr gets progress and the
    per-seed summary.
  --out <base>             write <base>.per-seed.csv, <base>.medians.csv and <base>.summary.csv
                           (a trailing .csv or .json on <base> is dropped; folders are created)
  --json                   one JSON document instead: scenario, days, everyHours, clock, seeds, overrides, params,
                           therapies, metrics, perSeed [{seed, outcome, outcomeDay, stateHash, ticks, samples}],
                           medians [{tick, day, values}]; to stdout, or to <base>.json with --out
  --per-seed               with CSV on stdout: print the per-seed table instead of the medians

Lists:
  --list-scenarios         id, name, days, summary
  --list-params            name, default, range, units, description (source)
  --list-metrics           name, units, description
  --json                   the list as JSON

The run's clock is printed on stderr (unless --quiet) and is params.tickSeconds in the output.

Exit codes: 0 done, 1 a run failed, 2 bad arguments (the message says what is wrong and what is allowed).

Example:
  npm run experiment -- --scenario viral --seeds 20 --days 8 --set tregShareOfCd4=0.3 --therapy lowDose@1 --out results/tregs
`;
}
