// Model benchmark: ticks per second on the default classroom scenario, and how time per tick grows when the number
// of cells is doubled and quadrupled (extra immune cells in the same patch), all measured in the same run.
// Called by test/bench/main.ts (`npm run bench`).

import { createWorld, makeParams, step, type Scenario } from "../../shared/sim/index.ts";
import { DEFAULT_SCENARIO_ID, SCENARIOS } from "../../shared/scenarios/index.ts";

const WARMUP_TICKS = 300;
const TIMED_TICKS = 1500;
const ROUNDS = 3;

/** The scenario with extra immune cells, in the scenario's own proportions, so the whole world holds `factor`× the cells. */
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

function msPerTick(scenario: Scenario, seed: number): { ms: number; cells: number } {
  const world = createWorld(scenario, makeParams(scenario.params), seed);
  for (let k = 0; k < WARMUP_TICKS; k++) step(world);
  const cells = world.cells.count;
  const t0 = performance.now();
  for (let k = 0; k < TIMED_TICKS; k++) step(world);
  return { ms: (performance.now() - t0) / TIMED_TICKS, cells };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export function benchModel(log: (line: string) => void): void {
  const base = SCENARIOS[DEFAULT_SCENARIO_ID];
  const baseCells = createWorld(base, makeParams(base.params), 1).cells.count;
  const factors = [1, 2, 4];
  const times: Record<number, number[]> = { 1: [], 2: [], 4: [] };
  const cells: Record<number, number> = {};
  // rounds interleave the sizes so that a busy moment on the machine hits all of them alike
  for (let round = 0; round < ROUNDS; round++) {
    for (const f of factors) {
      const r = msPerTick(scaledScenario(base, f, baseCells), 1 + round);
      times[f].push(r.ms);
      cells[f] = r.cells;
    }
  }
  const t1 = median(times[1]), t2 = median(times[2]), t4 = median(times[4]);
  log(`model scenario: ${base.id} ${base.grid.width}x${base.grid.height} voxels, ${cells[1]} / ${cells[2]} / ${cells[4]} cells (x1 / x2 / x4)`);
  log(`model ms per tick: ${t1.toFixed(3)} / ${t2.toFixed(3)} / ${t4.toFixed(3)}`);
  log(`model ticks/s: ${Math.round(1000 / t1)}`);
  log(`model scaling x2: ${(t2 / t1).toFixed(2)}`);
  log(`model scaling x4: ${(t4 / t1).toFixed(2)}`);
}
