// Argument parsing of the experiment runner: a valid command line becomes the right plan, and every bad one becomes
// a problem that names what was wrong and what is allowed. Calls parseArgs directly (no process).

import { describe, expect, it } from "vitest";
import { PARAM_SPECS, THERAPY_NAMES } from "../../shared/sim/index.ts";
import { SCENARIOS, SCENARIO_IDS } from "../../shared/scenarios/index.ts";
import { parseArgs, parseNumber, type ExperimentPlan } from "../../server/experiment/args.ts";
import { closeNames, editDistance } from "../../server/experiment/suggest.ts";

const id = SCENARIO_IDS[0];
const parse = (line: string) => parseArgs(line.split(" ").filter(Boolean), SCENARIOS);

function plan(line: string): ExperimentPlan {
  const r = parse(line);
  if (r.kind !== "run") throw new Error(`expected a plan, got ${JSON.stringify(r)}`);
  return r.plan;
}

function problems(line: string): string[] {
  const r = parse(line);
  if (r.kind !== "error") throw new Error(`expected problems, got ${r.kind}`);
  return r.problems;
}

describe("a valid command line", () => {
  it("uses the defaults: one seed from 1, the scenario's days, samples every 6 h, pool size left to main", () => {
    const p = plan(`--scenario ${id}`);
    expect(p.scenario.id).toBe(id);
    expect(p.seeds).toEqual([1]);
    expect(p.days).toBe(SCENARIOS[id].days);
    expect(p.everyHours).toBe(6);
    expect(p.workers).toBeNull();
    expect(p.json).toBe(false);
    expect(p.out).toBeNull();
    expect(p.overrides).toEqual({});
    expect(p.therapies).toEqual([]);
  });

  it("reads seeds, seed start, days, interval, workers and output options", () => {
    const p = plan(`--scenario ${id} --seeds 3 --seed-start 10 --days 2.5 --every 12 --workers 2 --json --out res/x --quiet`);
    expect(p.seeds).toEqual([10, 11, 12]);
    expect(p.days).toBe(2.5);
    expect(p.everyHours).toBe(12);
    expect(p.workers).toBe(2);
    expect(p.json).toBe(true);
    expect(p.out).toBe("res/x");
    expect(p.quiet).toBe(true);
  });

  it("accepts --flag=value", () => {
    expect(plan(`--scenario=${id} --seeds=4`).seeds).toEqual([1, 2, 3, 4]);
  });

  it("applies --set over the scenario's parameters and the defaults, repeated or listed after one --set", () => {
    const p = plan(`--scenario ${id} --set tregShareOfCd4=0.3 kdHighPm=12 --set tickSeconds=30`);
    expect(p.overrides).toEqual({ tregShareOfCd4: 0.3, kdHighPm: 12, tickSeconds: 30 });
    expect(p.params.tregShareOfCd4).toBe(0.3);
    expect(p.params.kdHighPm).toBe(12);
    expect(p.params.tickSeconds).toBe(30);
    expect(p.params.kdIntPm).toBe(SCENARIOS[id].params.kdIntPm ?? PARAM_SPECS.kdIntPm.default);
  });

  it("schedules therapy courses by day, day 0 when no day is given", () => {
    const p = plan(`--scenario ${id} --days 4 --therapy lowDose@1.5 highDose --therapy antiCd25@3`);
    expect(p.therapies).toEqual([
      { therapy: "lowDose", day: 1.5 }, { therapy: "highDose", day: 0 }, { therapy: "antiCd25", day: 3 },
    ]);
  });

  it("returns help or a list before validating a run", () => {
    expect(parse("--help --seeds nope").kind).toBe("help");
    expect(parse("-h").kind).toBe("help");
    expect(parse("--list-params --json")).toEqual({ kind: "list", what: "params", json: true });
    expect(parse("--list-scenarios")).toEqual({ kind: "list", what: "scenarios", json: false });
    expect(parse("--list-metrics")).toEqual({ kind: "list", what: "metrics", json: false });
  });
});

describe("a bad command line names the problem and what is allowed", () => {
  it("unknown or missing scenario lists the scenario ids", () => {
    const [unknown] = problems("--scenario nosuch");
    expect(unknown).toContain('"nosuch"');
    for (const s of SCENARIO_IDS) expect(unknown).toContain(s);
    const [missing] = problems("--seeds 2");
    expect(missing).toMatch(/missing --scenario/);
    for (const s of SCENARIO_IDS) expect(missing).toContain(s);
  });

  it("a mistyped scenario id is suggested", () => {
    expect(problems(`--scenario ${id.slice(0, -1)}`)[0]).toContain(`did you mean ${id}`);
  });

  it.each([
    ["--seeds abc", /--seeds must be a whole number of seeds from 1 to 10000; got "abc"/],
    ["--seeds 0", /--seeds .*from 1 to 10000; got "0"/],
    ["--seeds 2.5", /--seeds .*whole number.*got "2.5"/],
    ["--seeds 0x10", /--seeds .*got "0x10"/],
    ["--days 0", /--days must be a number of days greater than 0 and at most 365; got "0"/],
    ["--days -1", /--days .*got "-1"/],
    ["--days ten", /--days .*got "ten"/],
    ["--days 400", /--days .*at most 365; got "400"/],
    ["--every 0", /--every .*greater than 0.*got "0"/],
    ["--workers 0", /--workers must be a whole number of worker threads from 1 to 64; got "0"/],
    ["--seed-start -1", /--seed-start .*from 0 to 4294967295; got "-1"/],
  ])("%s", (bad, message) => {
    const list = problems(`--scenario ${id} ${bad}`);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatch(message);
  });

  it("a flag without its value says what value it needs", () => {
    expect(problems(`--scenario ${id} --seeds`)).toEqual(["--seeds needs a value: a whole number of seeds from 1 to 10000"]);
    expect(problems(`--scenario ${id} --days --json`)[0]).toMatch(/--days needs a value: a number of simulated days/);
  });

  it("an unknown parameter lists close names", () => {
    const [p] = problems(`--scenario ${id} --set kdHigh=15`);
    expect(p).toMatch(/unknown parameter "kdHigh"; close names: kdHighPm/);
    expect(p).toContain("--list-params");
  });

  it("an unknown parameter with no close name lists every parameter", () => {
    const [p] = problems(`--scenario ${id} --set qqqqqqqq=1`);
    expect(p).toContain('unknown parameter "qqqqqqqq"');
    for (const name of Object.keys(PARAM_SPECS)) expect(p).toContain(name);
  });

  it("an out-of-range or non-numeric value gives the allowed range", () => {
    const spec = PARAM_SPECS.kdHighPm;
    const [range] = problems(`--scenario ${id} --set kdHighPm=300`);
    expect(range).toContain("kdHighPm");
    expect(range).toContain(`${spec.min} to ${spec.max} ${spec.units}`);
    const [nan] = problems(`--scenario ${id} --set kdHighPm=lots`);
    expect(nan).toContain(`"lots"`);
    expect(nan).toContain(`${spec.min} to ${spec.max}`);
    const [whole] = problems(`--scenario ${id} --set tickSeconds=61.5`);
    expect(whole).toMatch(/tickSeconds.*whole number/);
  });

  it("--set without = and a parameter set twice are problems", () => {
    expect(problems(`--scenario ${id} --set kdHighPm`)[0]).toMatch(/--set needs param=value.*got "kdHighPm"/);
    expect(problems(`--scenario ${id} --set kdHighPm=12 --set kdHighPm=13`)[0]).toMatch(/"kdHighPm" is set twice/);
  });

  it("an unknown therapy lists the therapies and suggests the close one", () => {
    const [p] = problems(`--scenario ${id} --therapy hiDose@1`);
    expect(p).toContain('unknown therapy "hiDose"');
    expect(p).toContain("did you mean highDose");
    for (const t of THERAPY_NAMES) expect(p).toContain(t);
  });

  it("a therapy day that is not a number, negative, or past the end of the run is refused", () => {
    expect(problems(`--scenario ${id} --therapy lowDose@soon`)[0]).toMatch(/lowDose@soon: the start day must be a number.*got "soon"/);
    expect(problems(`--scenario ${id} --therapy lowDose@-1`)[0]).toMatch(/got "-1"/);
    expect(problems(`--scenario ${id} --days 2 --therapy lowDose@2`)[0]).toMatch(/after the end of the run \(day 2\); choose a day from 0 to below 2/);
  });

  it("an interval shorter than one tick says the shortest allowed", () => {
    expect(problems(`--scenario ${id} --clock 60 --every 0.001`)[0]).toMatch(/shorter than one tick \(60 s\); use at least 0\.0167 hours/);
    // the runner's default clock is the faster one, 180 s
    expect(problems(`--scenario ${id} --every 0.001`)[0]).toMatch(/shorter than one tick \(180 s\)/);
    expect(problems(`--scenario ${id} --clock 180 --every 0.001`)[0]).toMatch(/shorter than one tick \(180 s\); use at least 0\.05 hours/);
    // a longer tick raises the floor
    expect(problems(`--scenario ${id} --set tickSeconds=300 --every 0.05`)[0]).toMatch(/one tick \(300 s\)/);
  });

  it("unknown options, stray words, repeats and two lists are problems", () => {
    const [unknown, ...rest] = problems(`--scenario ${id} --sed 3`);
    expect(unknown).toMatch(/unknown option "--sed" \(did you mean --set or --seeds\?\); options: .*--seeds/);
    expect(rest).toEqual([]); // its value is not reported a second time
    expect(problems(`--scenario ${id} extra`)[0]).toMatch(/unexpected argument "extra"/);
    expect(problems(`--scenario ${id} --seeds 2 --seeds 3`)[0]).toMatch(/--seeds is given twice/);
    expect(problems("--list-params --list-metrics")[0]).toMatch(/one of --list-scenarios, --list-params, --list-metrics/);
  });

  it("reports every problem at once", () => {
    expect(problems("--scenario nosuch --seeds x --set nope=1 --therapy nope")).toHaveLength(4);
  });
});

describe("helpers", () => {
  it("parseNumber accepts plain decimals only", () => {
    expect(parseNumber("2")).toBe(2);
    expect(parseNumber("-0.5")).toBe(-0.5);
    expect(parseNumber("1e-3")).toBe(0.001);
    expect(parseNumber(".5")).toBe(0.5);
    for (const bad of ["", " ", "0x10", "1,5", "Infinity", "NaN", "2d", "1e999"]) expect(parseNumber(bad)).toBeNull();
  });

  it("closeNames ranks by edit distance and finds names containing the word", () => {
    expect(editDistance("kdHigh", "kdHighPm")).toBe(2);
    expect(editDistance("ab", "ba")).toBe(1);
    expect(closeNames("kdhighpm", ["kdHighPm", "kdIntPm", "tickSeconds"])[0]).toBe("kdHighPm");
    expect(closeNames("Cd25", ["tregCd25", "cd4Cd25", "tickSeconds"])).toEqual(["cd4Cd25", "tregCd25"]);
    expect(closeNames("zzzzzz", ["kdHighPm", "tickSeconds"])).toEqual([]);
  });
});
