// The experiment runner end to end: `node server/experiment/main.ts` as a child process, small runs (2 seeds, a
// quarter day), checking exit codes, stdout and files, progress on stderr, identical results for 1 and 2 workers,
// and seed order.

import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { METRIC_NAMES, PARAM_NAMES, PARAM_SPECS, THERAPY_NAMES, makeParams } from "../../shared/sim/index.ts";
import { SCENARIOS, SCENARIO_IDS } from "../../shared/scenarios/index.ts";
import { runSeed } from "../../server/experiment/run.ts";

const MAIN = resolve(import.meta.dirname, "../../server/experiment/main.ts");
const ID = SCENARIO_IDS.includes("viral") ? "viral" : SCENARIO_IDS[0];
const SLOW_MS = 60_000;

interface Ran { code: number; stdout: string; stderr: string }

function cli(args: string[]): Promise<Ran> {
  return new Promise((done) => {
    execFile(process.execPath, [MAIN, ...args], { maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

const tmp = mkdtempSync(join(tmpdir(), "experiment-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Doc {
  seeds: number[];
  perSeed: { seed: number; stateHash: string; outcome: string; ticks: number; samples: { tick: number; day: number; values: Record<string, number> }[] }[];
  medians: { day: number; values: Record<string, number | null> }[];
}

describe("experiment CLI: bad arguments exit 2 and say what is allowed", () => {
  it("unknown scenario lists the ids", async () => {
    const r = await cli(["--scenario", "nosuch", "--seeds", "2"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain('unknown scenario "nosuch"');
    for (const id of SCENARIO_IDS) expect(r.stderr).toContain(id);
    expect(r.stderr).toContain("--help");
  });

  it("bad seeds, unknown parameter, out-of-range value and unknown therapy are all reported", async () => {
    const r = await cli(["--scenario", ID, "--seeds", "zero", "--set", "kdHigh=15", "--set", "kdIntPm=1", "--therapy", "megaDose@1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--seeds must be a whole number of seeds from 1 to 10000; got "zero"/);
    expect(r.stderr).toMatch(/unknown parameter "kdHigh"; close names: kdHighPm/);
    expect(r.stderr).toContain(`${PARAM_SPECS.kdIntPm.min} to ${PARAM_SPECS.kdIntPm.max}`);
    expect(r.stderr).toContain(`allowed: ${THERAPY_NAMES.join(", ")}`);
  });
});

describe("experiment CLI: help and lists", () => {
  it("--help prints usage and exits 0", async () => {
    const r = await cli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Cytokine Command experiment runner/);
    for (const flag of ["--scenario", "--seeds", "--days", "--set", "--therapy", "--json", "--out", "--every", "--workers"]) {
      expect(r.stdout).toContain(flag);
    }
  });

  it("--list-params --json gives every parameter with default, range, units, description and source", async () => {
    const r = await cli(["--list-params", "--json"]);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { name: string; default: number; min: number; max: number; units: string; source: string }[];
    expect(list.map((p) => p.name)).toEqual(PARAM_NAMES);
    const kd = list.find((p) => p.name === "kdHighPm")!;
    expect(kd).toMatchObject({ default: PARAM_SPECS.kdHighPm.default, min: PARAM_SPECS.kdHighPm.min, max: PARAM_SPECS.kdHighPm.max, units: "pM" });
    expect(kd.source.length).toBeGreaterThan(0);
  });

  it("--list-metrics and --list-scenarios print one row per entry after a header", async () => {
    const metrics = await cli(["--list-metrics"]);
    expect(metrics.code).toBe(0);
    const rows = metrics.stdout.trimEnd().split("\n");
    expect(rows[0]).toMatch(/^name\s+units\s+description$/);
    expect(rows.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(METRIC_NAMES);
    const scenarios = await cli(["--list-scenarios", "--json"]);
    expect(JSON.parse(scenarios.stdout).map((s: { id: string }) => s.id)).toEqual(SCENARIO_IDS);
  });
});

describe("experiment CLI: runs", () => {
  it("prints the medians CSV on stdout, progress and a per-seed summary on stderr", { timeout: SLOW_MS }, async () => {
    const r = await cli(["--scenario", ID, "--seeds", "2", "--days", "0.25"]);
    expect(r.stderr).not.toMatch(/failed/);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(["day", ...METRIC_NAMES].join(","));
    // samples every 6 h: day 0 and day 0.25
    expect(lines.map((l) => l.split(",")[0])).toEqual(["day", "0", "0.25"]);
    for (const l of lines) expect(l.split(",")).toHaveLength(1 + METRIC_NAMES.length);
    expect(r.stderr).toMatch(/^clock: 180 s a tick \(3 min; 3 crawls a tick, each a minute long as on the game's clock\)/); // the runner's default clock, said first
    expect(r.stderr).toMatch(/seed \d\/2 day \d\.\d\d\/0\.25/);
    expect(r.stderr).toMatch(/done: 2 seeds × 0\.25 days in \d+\.\d s with 2 workers/);
    const summary = r.stderr.split("\n").filter((l) => /^\d+ +\S+ +\S.* [0-9a-f]{16}$/.test(l));
    expect(summary.map((l) => l.split(/ +/)[0])).toEqual(["1", "2"]);
  });

  // three seeds on two workers: seed 3 starts on whichever worker finishes first
  // on the game's clock (--clock 60), so that a worker's run can be compared with makeParams' in-process one
  const small = ["--scenario", ID, "--seeds", "3", "--days", "0.05", "--every", "0.5", "--clock", "60"];
  let doc: Doc;

  it("--json orders seeds by seed, and a worker's result equals an in-process run", { timeout: SLOW_MS }, async () => {
    const r = await cli([...small, "--json", "--quiet", "--workers", "2"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(""); // --quiet
    doc = JSON.parse(r.stdout) as Doc;
    expect(doc.seeds).toEqual([1, 2, 3]);
    expect(doc.perSeed.map((s) => s.seed)).toEqual([1, 2, 3]);
    expect(new Set(doc.perSeed.map((s) => s.stateHash)).size).toBe(3); // seeds really differ
    // 0.05 days = 72 ticks: samples at 0, 0.5 h and 1 h, and the last tick
    expect(doc.perSeed[0].samples.map((s) => s.tick)).toEqual([0, 30, 60, 72]);
    expect(doc.medians).toHaveLength(4);
    const scenario = SCENARIOS[ID];
    const local = runSeed({ scenario, params: makeParams(scenario.params), seed: 2, days: 0.05, everyHours: 0.5, therapies: [] });
    expect(doc.perSeed[1]).toEqual(JSON.parse(JSON.stringify(local)));
  });

  it("same result with 1 and 2 workers: --out CSV files from 1 worker match the 2-worker JSON", { timeout: SLOW_MS }, async () => {
    expect(doc).toBeDefined();
    const base = join(tmp, "sub", "run");
    const r = await cli([...small, "--out", base, "--workers", "1"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`wrote ${base}.medians.csv`);
    expect(r.stderr).toContain("with 1 worker");
    const read = (suffix: string) => readFileSync(`${base}.${suffix}.csv`, "utf8").trimEnd().split("\n").map((l) => l.split(","));
    const fmt = (v: number | null) => (v === null ? "" : String(Number(v.toPrecision(12))));

    const perSeed = read("per-seed");
    expect(perSeed[0]).toEqual(["seed", "day", ...METRIC_NAMES]);
    expect(perSeed).toHaveLength(1 + 3 * 4);
    expect(perSeed.slice(1).map((c) => c.slice(0, 2).join(","))).toEqual(
      doc.perSeed.flatMap((s) => s.samples.map((x) => `${s.seed},${fmt(x.day)}`)),
    );
    expect(perSeed.slice(1).map((c) => c.slice(2))).toEqual(
      doc.perSeed.flatMap((s) => s.samples.map((x) => METRIC_NAMES.map((n) => fmt(x.values[n])))),
    );

    const medians = read("medians");
    expect(medians[0]).toEqual(["day", ...METRIC_NAMES]);
    expect(medians.slice(1).map((c) => c.slice(1))).toEqual(doc.medians.map((m) => METRIC_NAMES.map((n) => fmt(m.values[n]))));
    // with three seeds each median is the middle of the three seeds' values
    const k = METRIC_NAMES.indexOf("il2.meanPm");
    const atEnd = [4, 8, 12].map((row) => Number(perSeed[row][2 + k])).sort((a, b) => a - b);
    expect(Number(medians[4][1 + k])).toBe(atEnd[1]);

    const summary = read("summary");
    expect(summary[0]).toEqual(["seed", "outcome", "outcomeDay", "finalDay", "ticks", "stateHash"]);
    expect(summary.slice(1).map((c) => `${c[0]} ${c[1]} ${c[4]} ${c[5]}`)).toEqual(
      doc.perSeed.map((s) => `${s.seed} ${s.outcome} ${s.ticks} ${s.stateHash}`),
    );
  });
});
