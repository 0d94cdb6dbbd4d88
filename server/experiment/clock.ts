// The runner's clock. The game ticks once a simulated minute (tickSeconds 60); the runner ticks every 3 minutes unless
// asked (--clock 60 runs the game's clock tick for tick), which costs a third of the ticks per simulated day. In the
// game a cell makes one straight crawl a tick, re-aimed at its cue each time. One crawl of speed × a k-times-longer tick
// would spread k times faster (a walk's spread, D = v²·Δt/4, grows with the step's length); scaling the speed by
// √(1/k) keeps D but makes the drift towards cues √k slower, which leaned the 3-minute clock towards killing. So the
// coarser clock crawls in moveSubsteps steps of a minute at the game's speeds (3 at 3 minutes): the game's crawl exactly
// (a clock that is no whole number of minutes: steps of 1-2 minutes at speed × √(60 s / step)). The IL-2 field keeps
// sub-steps of at most 30 s (6 at 3 minutes; the game's are 15 s): the steady profile around a secretor then stays
// within 7% of theory (4 sub-steps of 45 s: 8%). Measured agreement: docs/model.md section 6.
// Pure. Called by args.ts (the runner), test/bench/runnerBench.ts and the validation suite (test/validation/harness.ts).

import type { Params } from "../../shared/sim/index.ts";

/** The game's clock, seconds per tick: runs on it are the game's, tick for tick. */
export const GAME_TICK_SECONDS = 60;
/**
 * The runner's faster clock, seconds per tick, and its default (`npm run experiment` without --clock): ~2.3× the runs
 * per CPU-second, within the tolerances of test/validation/runnerClock.test.ts (docs/model.md section 6).
 */
export const FAST_TICK_SECONDS = 180;
/** The runner's clock when none is asked for: the faster one. */
export const RUNNER_TICK_SECONDS = FAST_TICK_SECONDS;
/** Longest IL-2 field sub-step off the game's clock, seconds. */
export const MAX_SUBSTEP_SECONDS = 30;

/** Longest crawl step off the game's clock, seconds: the game's own (one straight crawl a minute). */
export const MAX_CRAWL_SECONDS = 60;

/** Crawl steps per tick on a clock of `tickSeconds` (params.moveSubsteps): each at most MAX_CRAWL_SECONDS; 1 on the game's. */
export function crawlSteps(tickSeconds: number, asked = 1): number {
  return tickSeconds === GAME_TICK_SECONDS ? asked : Math.max(asked, Math.floor(tickSeconds / MAX_CRAWL_SECONDS));
}

/**
 * Factor on crawling speeds that keeps the game's random motility on a clock of `tickSeconds` with `steps` crawl steps
 * a tick: 1 when each step lasts the game's minute (3 steps of a 3-minute tick), √(60 s / step) otherwise.
 */
export function motilityScale(tickSeconds: number, steps = crawlSteps(tickSeconds)): number {
  const stepSeconds = tickSeconds / steps;
  return stepSeconds === GAME_TICK_SECONDS ? 1 : Math.sqrt(GAME_TICK_SECONDS / stepSeconds);
}

/**
 * The parameters on a clock of `tickSeconds`: tickSeconds set, the crawl taken in steps of at most a minute
 * (moveSubsteps) with speeds scaled by motilityScale when a step is not exactly a minute, the field's sub-steps raised
 * to keep each at most MAX_SUBSTEP_SECONDS. On the game's clock the same values (a copy); the scaled speeds may fall
 * outside the sandbox's range, which bounds what a user sets, not what the clock derives.
 */
export function onClock(params: Params, tickSeconds: number): Params {
  const steps = crawlSteps(tickSeconds, params.moveSubsteps);
  const scale = motilityScale(tickSeconds, steps);
  const substeps = tickSeconds === GAME_TICK_SECONDS ? params.diffusionSubsteps
    : Math.max(params.diffusionSubsteps, Math.ceil(tickSeconds / MAX_SUBSTEP_SECONDS));
  return {
    ...params,
    tickSeconds,
    diffusionSubsteps: substeps,
    moveSubsteps: steps,
    tCellSpeedUmPerMin: params.tCellSpeedUmPerMin * scale,
    nkSpeedUmPerMin: params.nkSpeedUmPerMin * scale,
  };
}

/** One line for people: the clock a run used (`moveSubsteps`: its crawl steps a tick). */
export function clockText(tickSeconds: number, moveSubsteps = crawlSteps(tickSeconds)): string {
  const minutes = tickSeconds / 60;
  const scale = motilityScale(tickSeconds, moveSubsteps);
  const crawl = moveSubsteps === 1 ? "one crawl a tick" : `${moveSubsteps} crawls a tick`;
  const what = tickSeconds === GAME_TICK_SECONDS ? "the game's clock"
    : scale === 1 ? `${crawl}, each a minute long as on the game's clock`
    : `${crawl}, crawling speeds ×${scale.toFixed(3)} to keep the game's random motility`;
  return `clock: ${tickSeconds} s a tick (${Number.isInteger(minutes) ? minutes : minutes.toFixed(2)} min; ${what})`;
}
