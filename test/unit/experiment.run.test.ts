// One seed's run in the experiment runner, on a tiny scenario so it stays fast: sampling times, therapy courses
// scheduled on the right day, and the same seed giving the same samples and state hash.

import { describe, expect, it } from "vitest";
import { METRIC_NAMES, THERAPY_NAMES, makeParams, parseScenario, type Scenario } from "../../shared/sim/index.ts";
import { runSeed, sampleTicks, type SeedJob } from "../../server/experiment/run.ts";

function tinyScenario(): Scenario {
  const r = parseScenario({
    id: "tiny", name: "Tiny", summary: "A small patch for fast runner tests.", teacherNotes: { notice: [], tryThis: [] },
    grid: { width: 24, height: 16 }, days: 1, params: {},
    vessels: [{ x0: 0, y0: 8, x1: 23, y1: 8 }],
    tissue: { kind: "tissue", spacing: 2 },
    threat: { kind: "virus", sites: [{ x: 6, y: 4, radius: 2, count: 2 }] },
    populations: [
      { type: "dendritic", count: 2, placement: { kind: "cluster", x: 12, y: 8, radius: 4 }, antigenStrength: 0.8 },
      { type: "cd4", count: 20, placement: { kind: "antigenSites", radius: 3 } },
      { type: "cd8", count: 10, placement: { kind: "vessels" } },
    ],
    therapies: [],
  }, THERAPY_NAMES);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.scenario;
}

const job = (over: Partial<SeedJob> = {}): SeedJob => ({
  scenario: tinyScenario(), params: makeParams(), seed: 1, days: 0.25, everyHours: 2, therapies: [], ...over,
});

describe("sampleTicks", () => {
  it("samples tick 0, every k ticks, and always the last tick", () => {
    expect(sampleTicks(10, 5)).toEqual([0, 5, 10]);
    expect(sampleTicks(11, 5)).toEqual([0, 5, 10, 11]);
    expect(sampleTicks(3, 10)).toEqual([0, 3]);
    expect(sampleTicks(2, 0)).toEqual([0, 1, 2]);
  });
});

describe("runSeed", () => {
  it("samples every metric at the interval, from day 0 to the end", () => {
    const r = runSeed(job());
    // 0.25 days of 60 s ticks = 360 ticks, every 2 h = 120 ticks
    expect(r.ticks).toBe(360);
    expect(r.samples.map((s) => s.tick)).toEqual([0, 120, 240, 360]);
    expect(r.samples.map((s) => s.day)).toEqual([0, 1 / 12, 2 / 12, 0.25]);
    for (const s of r.samples) expect(Object.keys(s.values).sort()).toEqual([...METRIC_NAMES].sort());
    expect(r.stateHash).toMatch(/^[0-9a-f]{16}$/);
    expect(r.seed).toBe(1);
  });

  it("is deterministic per seed, and different seeds differ", () => {
    const a = runSeed(job()), b = runSeed(job()), c = runSeed(job({ seed: 2 }));
    expect(b).toEqual(a);
    expect(c.stateHash).not.toBe(a.stateHash);
  });

  it("starts a therapy course on its day, not before", () => {
    const r = runSeed(job({ therapies: [{ therapy: "lowDose", day: 0.1 }] })); // day 0.1 = tick 144
    const doses = r.samples.map((s) => s.values["events.doses"]);
    expect(doses).toEqual([0, 0, 1, 1]);
    expect(r.samples[3].values["il2.plasmaPm"]).toBeGreaterThan(0);
    expect(runSeed(job()).samples[3].values["il2.plasmaPm"]).toBe(0);
  });

  it("parameter changes reach the world (a longer tick means fewer ticks for the same days)", () => {
    const r = runSeed(job({ params: makeParams({ tickSeconds: 120 }) }));
    expect(r.ticks).toBe(180);
    expect(r.samples.map((s) => s.tick)).toEqual([0, 60, 120, 180]);
  });

  it("reports progress, ending at the last tick", () => {
    const seen: [number, number][] = [];
    runSeed(job({ days: 0.05 }), (tick, total) => seen.push([tick, total]), 24);
    expect(seen.at(-1)).toEqual([72, 72]);
    expect(seen.map((s) => s[0])).toEqual([24, 48, 72]);
    const odd: number[] = [];
    runSeed(job({ days: 0.05 }), (tick) => odd.push(tick), 50);
    expect(odd).toEqual([50, 72]);
  });
});
