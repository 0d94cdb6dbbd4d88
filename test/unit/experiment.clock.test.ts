// The experiment runner's clock (server/experiment/clock.ts, issue 11): the game's clock by default; 3-minute ticks when
// asked (--clock 180) with three crawl steps of a minute a tick (the game's crawl), a clock that is no whole number of
// minutes with speeds scaled to keep the game's random motility, --clock 60 (or --set tickSeconds=60) exactly the game's parameters, and
// the clock named in --help and in the JSON output. Its agreement with the game's clock: test/validation/runnerClock.test.ts.

import { describe, expect, it } from "vitest";
import { makeParams } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { parseArgs, type ExperimentPlan } from "../../server/experiment/args.ts";
import { clockText, GAME_TICK_SECONDS, motilityScale, onClock, FAST_TICK_SECONDS, RUNNER_TICK_SECONDS } from "../../server/experiment/clock.ts";
import { experimentJson } from "../../server/experiment/output.ts";
import { usage } from "../../server/experiment/usage.ts";

const parse = (line: string) => parseArgs(line.split(" ").filter(Boolean), SCENARIOS);
function plan(line: string): ExperimentPlan {
  const r = parse(line);
  if (r.kind !== "run") throw new Error(`expected a plan, got ${JSON.stringify(r)}`);
  return r.plan;
}
const game = makeParams(SCENARIOS.melanoma.params);

describe("the runner's clock", () => {
  it("runs 3-minute ticks by default (as --clock 180), crawling in 3 steps of a minute, everything else the scenario's", () => {
    const p = plan("--scenario melanoma").params;
    expect(plan("--scenario melanoma --clock 180").params).toEqual(p);
    expect(FAST_TICK_SECONDS).toBe(180);
    expect(RUNNER_TICK_SECONDS).toBe(FAST_TICK_SECONDS);
    expect(p.tickSeconds).toBe(180);
    // each crawl step a minute at the game's speeds: cells crawl as in the game
    expect(game.moveSubsteps).toBe(1);
    expect(p.moveSubsteps).toBe(3);
    expect(p.tCellSpeedUmPerMin).toBe(game.tCellSpeedUmPerMin);
    expect(p.nkSpeedUmPerMin).toBe(game.nkSpeedUmPerMin);
    expect(motilityScale(180)).toBe(1);
    // the field's sub-steps at most 30 s: 6 of them
    expect(p.diffusionSubsteps).toBe(6);
    const rest = (q: typeof p) => ({ ...q, tickSeconds: 0, diffusionSubsteps: 0, moveSubsteps: 0 });
    expect(rest(p)).toEqual(rest(game));
  });

  it("--clock 60 and --set tickSeconds=60 give the game's parameters exactly", () => {
    expect(plan("--scenario melanoma --clock 60").params).toEqual(game);
    expect(plan("--scenario melanoma --set tickSeconds=60").params).toEqual(game);
    expect(onClock(game, 60)).toEqual(game);
    expect(motilityScale(60)).toBe(1);
  });

  it("--clock keeps a speed the user set on whole minutes and scales it otherwise; --set tickSeconds sets the tick alone", () => {
    const p = plan("--scenario melanoma --clock 240 --set tCellSpeedUmPerMin=12").params;
    expect(p.tickSeconds).toBe(240);
    expect(p.moveSubsteps).toBe(4);
    expect(p.tCellSpeedUmPerMin).toBe(12);
    expect(p.diffusionSubsteps).toBe(8);
    // 150 s: two crawl steps of 75 s, speeds × √(60/75), so that a random walk's spread per unit time, v²·Δt, is the game's
    const q = plan("--scenario melanoma --clock 150 --set tCellSpeedUmPerMin=12").params;
    expect(q.moveSubsteps).toBe(2);
    expect(q.tCellSpeedUmPerMin).toBeCloseTo(12 * Math.sqrt(60 / 75), 12);
    expect(q.tCellSpeedUmPerMin ** 2 * 75).toBeCloseTo(12 ** 2 * GAME_TICK_SECONDS, 9);
    // a clock shorter than two minutes: one crawl a tick, scaled
    expect(plan("--scenario melanoma --clock 90").params.moveSubsteps).toBe(1);
    expect(plan("--scenario melanoma --clock 90").params.tCellSpeedUmPerMin).toBeCloseTo(game.tCellSpeedUmPerMin * Math.sqrt(60 / 90), 12);
    // sub-steps the user asked for are kept when there are more of them
    expect(plan("--scenario melanoma --clock 240 --set diffusionSubsteps=10").params.diffusionSubsteps).toBe(10);
    // --set tickSeconds changes that parameter alone
    expect(plan("--scenario melanoma --set tickSeconds=240").params).toEqual({ ...game, tickSeconds: 240 });
  });

  it("refuses a clock out of range, not whole, or given twice", () => {
    const problems = (line: string) => {
      const r = parse(line);
      return r.kind === "error" ? r.problems : [];
    };
    expect(problems("--scenario melanoma --clock 5")[0]).toMatch(/--clock must be a whole number of seconds per tick from 10 to 300; got "5"/);
    expect(problems("--scenario melanoma --clock 90.5")[0]).toMatch(/--clock must be a whole number/);
    expect(problems("--scenario melanoma --clock 60 --set tickSeconds=120")[0]).toMatch(/--clock and --set tickSeconds both set the clock/);
    expect(problems("--scenario melanoma --clock")[0]).toMatch(/--clock needs a value: seconds of simulated time per tick/);
  });

  it("is named in --help, in the line printed for people and in the JSON output", () => {
    const help = usage(["melanoma"]);
    expect(help).toMatch(/--clock <seconds> +simulated seconds per tick \(default 180: 3-minute ticks, ~2\.3× faster than/);
    expect(help).toMatch(/--clock 60 runs the game's 1-minute clock, tick for tick as played/);
    expect(clockText(180)).toBe("clock: 180 s a tick (3 min; 3 crawls a tick, each a minute long as on the game's clock)");
    expect(clockText(90)).toBe("clock: 90 s a tick (1.50 min; one crawl a tick, crawling speeds ×0.816 to keep the game's random motility)");
    expect(clockText(60)).toBe("clock: 60 s a tick (1 min; the game's clock)");
    expect(experimentJson(plan("--scenario melanoma --days 1 --clock 60"), [], []).clock).toEqual({ tickSeconds: 60, speedScale: 1, moveSubsteps: 1 });
    expect(experimentJson(plan("--scenario melanoma --days 1"), [], []).clock).toEqual({ tickSeconds: 180, speedScale: 1, moveSubsteps: 3 });
  });
});
