// Shared set-up for the validation suite: small experimental tissue patches, multi-seed runs and medians.
// Each case in the model document's behaviour table builds its scenario here and compares medians over ≥ 20 seeds.

import { createWorld, makeParams, step, type MetricName, type Population, type Scenario, type World } from "../../shared/sim/index.ts";
import { onClock } from "../../server/experiment/clock.ts";

export const SEEDS = 20;

export interface PatchOptions {
  size?: number;
  populations: Population[];
  vesselsEvery?: number;
  params?: Record<string, number>;
  threat?: Scenario["threat"];
  tissue?: Scenario["tissue"];
  days?: number;
}

/** A square experimental patch with no tissue and no threat unless asked, and vessels every `vesselsEvery` voxels. */
export function patch(o: PatchOptions): Scenario {
  const size = o.size ?? 48;
  const vessels: Scenario["vessels"] = [];
  if (o.vesselsEvery) {
    for (let x = Math.floor(o.vesselsEvery / 2); x < size; x += o.vesselsEvery) vessels.push({ x0: x, y0: 0, x1: x, y1: size - 1 });
  }
  return {
    id: "validation", name: "validation patch", summary: "an experimental patch", teacherNotes: { notice: [], tryThis: [] },
    grid: { width: size, height: size }, days: o.days ?? 30, params: o.params ?? {}, vessels,
    tissue: o.tissue ?? { kind: "none", spacing: 2 }, threat: o.threat ?? { kind: "none", sites: [] },
    populations: o.populations, therapies: [],
  };
}

/** Dendritic cells at the patch centre's quadrant points, with antigen of the given strength. */
export function dendriticSites(size: number, count: number, strength = 1): Population[] {
  const pops: Population[] = [];
  const spots = [[0.3, 0.3], [0.7, 0.7], [0.3, 0.7], [0.7, 0.3], [0.5, 0.5]];
  for (let k = 0; k < count; k++) {
    const [fx, fy] = spots[k % spots.length];
    pops.push({ type: "dendritic", count: 1, placement: { kind: "cluster", x: fx * size, y: fy * size, radius: 0 }, antigenStrength: strength });
  }
  return pops;
}

export interface RunOptions {
  scenario: Scenario;
  params?: Record<string, number>;
  seed: number;
  days: number;
  /** Seconds a tick, as the runner's --clock (crawling speeds kept to the game's motility, server/experiment/clock.ts);
   * default: the parameters' tickSeconds (the game's 60, unless params set it). */
  clock?: number;
  /** Called after every tick with the world (read metrics from world.history or the world itself). */
  each?: (world: World) => void;
  /** Called once when the given day is reached. */
  at?: { day: number; act: (world: World) => void }[];
}

export function run(o: RunOptions): World {
  const made = makeParams({ ...o.scenario.params, ...o.params });
  const params = o.clock === undefined ? made : onClock(made, o.clock);
  const world = createWorld(o.scenario, params, o.seed);
  const ticks = Math.round((o.days * 86400) / world.dtS);
  const due = (o.at ?? []).map((a) => ({ tick: Math.round((a.day * 86400) / world.dtS), act: a.act }));
  for (let k = 0; k < ticks; k++) {
    for (const d of due) if (d.tick === world.tick) d.act(world);
    step(world);
    o.each?.(world);
  }
  return world;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median over seeds 1..n of a measure taken from one run. */
export function medianOverSeeds(n: number, measure: (seed: number) => number): number {
  const xs: number[] = [];
  for (let seed = 1; seed <= n; seed++) xs.push(measure(seed));
  return median(xs);
}

/** The value of a metric at the sample nearest to `day`. */
export function metricAt(world: World, name: MetricName, day: number): number {
  let best = world.history[0];
  for (const m of world.history) if (Math.abs(m.day - day) < Math.abs(best.day - day)) best = m;
  return best.values[name];
}

export function metricMax(world: World, name: MetricName, fromDay = 0, toDay = Infinity): number {
  let max = -Infinity;
  for (const m of world.history) if (m.day >= fromDay && m.day <= toDay && m.values[name] > max) max = m.values[name];
  return max;
}

export function metricMean(world: World, name: MetricName, fromDay = 0, toDay = Infinity): number {
  let sum = 0, n = 0;
  for (const m of world.history) {
    if (m.day >= fromDay && m.day <= toDay) {
      sum += m.values[name];
      n++;
    }
  }
  return n ? sum / n : 0;
}

/** Prints a case's measured medians so a failing threshold shows how far off it was. */
export function report(name: string, values: Record<string, number>): void {
  const parts = Object.entries(values).map(([k, v]) => `${k}=${Number.isInteger(v) ? v : v.toPrecision(3)}`);
  console.log(`[validation] ${name}: ${parts.join(", ")}`);
}

/** The highest value over the run of the sum of some metrics (e.g. activated helpers plus activated killers). */
export function peakOf(world: World, names: readonly MetricName[]): number {
  let peak = 0;
  for (const m of world.history) {
    let sum = 0;
    for (const name of names) sum += m.values[name];
    if (sum > peak) peak = sum;
  }
  return peak;
}
