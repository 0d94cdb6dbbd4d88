// Model benchmark: ticks per second on the default classroom scenario, and how time per tick grows when the number
// of cells is doubled and quadrupled (extra immune cells in the same patch), all measured in the same run.
// Called by test/bench/main.ts (`npm run bench`).

import { createWorld, makeParams, step, type Scenario, type World } from "../../shared/sim/index.ts";
import { DEFAULT_SCENARIO_ID, SCENARIOS } from "../../shared/scenarios/index.ts";

/** Ticks a throwaway world of each size runs first, so the JIT has compiled the hot loops. */
const WARMUP_TICKS = 200;
/** Ticks per timed slice; slices of the three sizes alternate, so a busy moment on the machine hits all alike. */
const SLICE_TICKS = 25;
/** 24 slices of 25 ticks: the first 10 simulated hours, before any cell divides, so each world keeps its cell count. */
const SLICES = 24;

/**
 * The scenario with extra immune cells in its own proportions, in the same patch, so that the world holds `factor`×
 * the cells. Tissue cells sit on a fixed lattice, so all the added cells are immune cells (the expensive kind).
 */
export function scaledScenario(base: Scenario, factor: number, baseCells: number): Scenario {
  if (factor === 1) return base;
  const immune = base.populations.filter((p) => p.type !== "dendritic");
  const immuneTotal = immune.reduce((n, p) => n + p.count, 0);
  const extra = (factor - 1) * baseCells;
  return {
    ...base,
    populations: base.populations.map((p) =>
      p.type === "dendritic" ? p : { ...p, count: p.count + Math.round((extra * p.count) / immuneTotal) }),
  };
}

/** CPU time of this process for `ticks` ticks, ms per tick: another program on the machine cannot inflate it. */
function timeSlice(world: World, ticks: number): number {
  const t0 = process.cpuUsage();
  for (let k = 0; k < ticks; k++) step(world);
  const used = process.cpuUsage(t0);
  return (used.user + used.system) / 1000 / ticks;
}

/** The lower quartile of the slices: noise (other work, the garbage collector) only ever adds time. */
function lowerQuartile(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 4)];
}

export function benchModel(log: (line: string) => void): void {
  const base = SCENARIOS[DEFAULT_SCENARIO_ID];
  const baseCells = createWorld(base, makeParams(base.params), 1).cells.count;
  const factors = [1, 2, 4] as const;
  const scenarios = factors.map((f) => scaledScenario(base, f, baseCells));
  for (const scenario of scenarios) {
    const warm = createWorld(scenario, makeParams(scenario.params), 2);
    for (let k = 0; k < WARMUP_TICKS; k++) step(warm);
  }
  const worlds = scenarios.map((scenario) => createWorld(scenario, makeParams(scenario.params), 1));
  const cells = worlds.map((w) => w.cells.count);
  const slices: number[][] = [[], [], []];
  for (let s = 0; s < SLICES; s++) worlds.forEach((w, k) => slices[k].push(timeSlice(w, SLICE_TICKS)));
  const [t1, t2, t4] = slices.map(lowerQuartile);
  log(`model scenario: ${base.id} ${base.grid.width}x${base.grid.height} voxels, ${cells[0]} / ${cells[1]} / ${cells[2]} cells (x1 / x2 / x4)`);
  log(`model ms per tick: ${t1.toFixed(3)} / ${t2.toFixed(3)} / ${t4.toFixed(3)}`);
  log(`model ticks/s: ${Math.round(1000 / t1)}`);
  log(`model scaling x2: ${(t2 / t1).toFixed(2)}`);
  log(`model scaling x4: ${(t4 / t1).toFixed(2)}`);
}
