// The experiment runner's clock (server/experiment/clock.ts, issue 11): the game's clock by default; 3-minute ticks when
// asked (--clock 180) with crawling speeds scaled to keep the game's random motility, --clock 60 (or --set tickSeconds=60) exactly the game's parameters, and
// the clock named in --help and in the JSON output. Its agreement with the game's clock: test/validation/runnerClock.test.ts.

import { describe, expect, it } from "vitest";
import { makeParams } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { parseArgs, type ExperimentPlan } from "../../server/experiment/args.ts";
import { clockText, GAME_TICK_SECONDS, motilityScale, onClock, FAST_TICK_SECONDS } from "../../server/experiment/clock.ts";
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
  it("runs the game's clock by default; --clock 180 gives 3-minute ticks with crawling speeds × √(1/3), everything else the scenario's", () => {
    expect(plan("--scenario melanoma").params).toEqual(game);
    const p = plan("--scenario melanoma --clock 180").params;
    expect(FAST_TICK_SECONDS).toBe(180);
    expect(p.tickSeconds).toBe(180);
    expect(p.tCellSpeedUmPerMin).toBeCloseTo(game.tCellSpeedUmPerMin / Math.sqrt(3), 12);
    expect(p.nkSpeedUmPerMin).toBeCloseTo(game.nkSpeedUmPerMin / Math.sqrt(3), 12);
    // a random walk's spread per unit time, v²·Δt, is the game's
    expect(p.tCellSpeedUmPerMin ** 2 * p.tickSeconds).toBeCloseTo(game.tCellSpeedUmPerMin ** 2 * GAME_TICK_SECONDS, 9);
    // the field's sub-steps at most 30 s: 6 of them
    expect(p.diffusionSubsteps).toBe(6);
    const rest = (q: typeof p) => ({ ...q, tickSeconds: 0, tCellSpeedUmPerMin: 0, nkSpeedUmPerMin: 0, diffusionSubsteps: 0 });
    expect(rest(p)).toEqual(rest(game));
  });

  it("--clock 60 and --set tickSeconds=60 give the game's parameters exactly", () => {
    expect(plan("--scenario melanoma --clock 60").params).toEqual(game);
    expect(plan("--scenario melanoma --set tickSeconds=60").params).toEqual(game);
    expect(onClock(game, 60)).toEqual(game);
    expect(motilityScale(60)).toBe(1);
  });

  it("--clock scales a speed the user set; --set tickSeconds sets the tick alone", () => {
    const p = plan("--scenario melanoma --clock 240 --set tCellSpeedUmPerMin=12").params;
    expect(p.tickSeconds).toBe(240);
    expect(p.tCellSpeedUmPerMin).toBeCloseTo(6, 12);
    expect(p.diffusionSubsteps).toBe(8);
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
    expect(help).toMatch(/--clock <seconds> +simulated seconds per tick \(default 60: the game's 1-minute clock/);
    expect(help).toMatch(/--clock 180 runs 3-minute ticks/);
    expect(clockText(180)).toBe("clock: 180 s a tick (3 min; crawling speeds ×0.577 to keep the game's random motility)");
    expect(clockText(60)).toBe("clock: 60 s a tick (1 min; the game's clock)");
    expect(experimentJson(plan("--scenario melanoma --days 1"), [], []).clock).toEqual({ tickSeconds: 60, speedScale: 1 });
    expect(experimentJson(plan("--scenario melanoma --days 1 --clock 180"), [], []).clock).toEqual({ tickSeconds: 180, speedScale: motilityScale(180) });
  });
});
