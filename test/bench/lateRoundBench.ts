// Model benchmark at class scale: ticks per second in a late-round viral tissue of ~25,000 cells (issue 11: a class of
// 30 at 8× reaches 20-26k cells and asks 160 model ticks a second). CPU time of this process, in slices of ticks.
// Called by test/bench/main.ts (`npm run bench`, `--only model`).

import { CellFlag, createWorld, makeParams, step, type Scenario, type World } from "../../shared/sim/index.ts";
import { DEFAULT_SCENARIO_ID, SCENARIOS } from "../../shared/scenarios/index.ts";

/** Cells in the timed world, about as many as the largest class rounds reach. */
export const LATE_ROUND_CELLS = 25_000;
/** Untimed simulated hours first: helpers at the dendritic cells secrete, IL-2 spreads, killers engage. */
const WARMUP_HOURS = 6;
/** Timed ticks per slice, and slices: 300 ticks, the 5 simulated hours after the warm-up. */
const SLICE_TICKS = 20;
const SLICES = 15;

/**
 * The scenario with extra immune cells in its own proportions (no new dendritic cells), so that the world starts with
 * `cells` cells, as late in a round: the extra helpers and killers activated (a late round's cells are mostly the clones
 * that expanded), all placed at random over the patch (the clones have spread through the tissue; the scenario's own
 * placements would stack thousands of cells on the few voxels of the vessels, far past the crowding limit).
 */
export function lateRoundScenario(base: Scenario, cells: number, baseCells: number): Scenario {
  const immune = base.populations.filter((p) => p.type !== "dendritic");
  const immuneTotal = immune.reduce((n, p) => n + p.count, 0);
  const extra = Math.max(0, cells - baseCells);
  return {
    ...base,
    populations: [
      ...base.populations,
      ...immune.map((p) => ({ ...p, count: Math.round((extra * p.count) / immuneTotal), placement: { kind: "random" as const }, activated: true })),
    ],
  };
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function describe(world: World): string {
  const c = world.cells;
  let immune = 0, activated = 0;
  for (let i = 0; i < c.count; i++) {
    if (c.type[i] <= 4) immune++;
    if (c.flags[i] & CellFlag.activated) activated++;
  }
  let il2Max = 0;
  for (const v of world.field.c) if (v > il2Max) il2Max = v;
  return `${c.count} cells (${immune} immune, ${activated} activated), IL-2 max ${il2Max.toFixed(1)} pM, ${world.counters.divisions} divisions so far`;
}

export function benchLateRound(log: (line: string) => void): void {
  const base = SCENARIOS[DEFAULT_SCENARIO_ID];
  const baseCells = createWorld(base, makeParams(base.params), 1).cells.count;
  const scenario = lateRoundScenario(base, LATE_ROUND_CELLS, baseCells);
  const params = makeParams(scenario.params);
  const world = createWorld(scenario, params, 1);
  const warmupTicks = Math.round((WARMUP_HOURS * 3600) / params.tickSeconds);
  for (let k = 0; k < warmupTicks; k++) step(world);
  const before = describe(world);
  const slices: number[] = [];
  for (let s = 0; s < SLICES; s++) {
    const t0 = cpuMs();
    for (let k = 0; k < SLICE_TICKS; k++) step(world);
    slices.push((cpuMs() - t0) / SLICE_TICKS);
  }
  // the lower quartile: noise (other work, the garbage collector) only ever adds time
  const msPerTick = [...slices].sort((a, b) => a - b)[Math.floor(slices.length / 4)];
  log(`model late round: ${base.id} ${base.grid.width}x${base.grid.height} voxels, extra immune cells (helpers and killers activated) at random, seed 1; timed ticks ${warmupTicks}-${warmupTicks + SLICES * SLICE_TICKS}`);
  log(`model late round at the first timed tick: ${before}`);
  log(`model late round at the last: ${describe(world)}`);
  log(`model ms per tick at 25k cells: ${msPerTick.toFixed(3)}`);
  log(`model ticks/s at 25k cells: ${Math.round(1000 / msPerTick)}`);
}
