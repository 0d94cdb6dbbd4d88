// Making cells: a new cell of a type with its resting receptors, a daughter copying its mother, and activation by antigen.
// Receptor numbers in sites, drawn log-normally around the type's parameters. Called by createWorld, division and threats.

import { CellType } from "./cellTypes.ts";
import type { Params } from "./params.ts";
import { lognormalFactor, uniform, type Rng } from "./rng.ts";
import { CellFlag, Mode, Why, type World } from "./world.ts";

function restingReceptors(p: Params, type: number): [number, number] {
  switch (type) {
    case CellType.cd4: return [p.cd4Cd25, p.cd4Cd122];
    case CellType.cd8: return [p.cd8Cd25, p.cd8Cd122];
    case CellType.treg: return [p.tregCd25, p.tregCd122];
    case CellType.nkBright: return [p.nkBrightCd25, p.nkBrightCd122];
    case CellType.nkDim: return [p.nkDimCd25, p.nkDimCd122];
    default: return [0, 0];
  }
}

/** Appends a cell and returns its index. Lattice cells pass their site; mobile cells pass -1. */
export function addCell(world: World, type: number, x: number, y: number, site: number, rng: Rng): number {
  const c = world.cells;
  c.ensure(c.count + 1);
  const i = c.count++;
  c.id[i] = world.nextId++;
  c.type[i] = type;
  c.flags[i] = 0;
  c.x[i] = x;
  c.y[i] = y;
  c.squad[i] = 0;
  c.mode[i] = Mode.free;
  c.tx[i] = x;
  c.ty[i] = y;
  const [cd25, cd122] = restingReceptors(world.params, type);
  const cv = world.params.receptorCv;
  c.cd25Rest[i] = cd25 * lognormalFactor(rng, cv);
  c.cd122Rest[i] = cd122 * lognormalFactor(rng, cv);
  c.cd25[i] = c.cd25Rest[i];
  c.cd122[i] = c.cd122Rest[i];
  c.bound[i] = 0;
  c.captured[i] = 0;
  c.pstat5[i] = 0;
  c.signal[i] = 0;
  c.progress[i] = 0;
  c.autoDivisions[i] = 0;
  c.il2Divisions[i] = 0;
  c.divisions[i] = 0;
  c.activatedTick[i] = -1;
  c.lastAntigenTick[i] = -1 << 30;
  c.lastDivisionTick[i] = world.tick;
  c.stateTick[i] = world.tick;
  c.antigen[i] = 0;
  c.antigenHours[i] = 0;
  c.strength[i] = 0;
  c.site[i] = site;
  c.kills[i] = 0;
  c.why[i] = Why.resting;
  c.suppression[i] = 0;
  if ((type === CellType.nkBright || type === CellType.nkDim) && uniform(rng) >= world.params.nkNonKillerShare) {
    c.flags[i] |= CellFlag.canKill;
  }
  return i;
}

/** Activation by antigen: the cell starts its programme (CD25 up, IL-2 for helpers, a division destiny that grows with the antigen's strength). */
export function activate(world: World, i: number, strength: number, rng: Rng, atTick = world.tick): void {
  const c = world.cells, p = world.params;
  c.flags[i] |= CellFlag.activated;
  c.activatedTick[i] = atTick;
  c.lastDivisionTick[i] = atTick;
  c.lastAntigenTick[i] = atTick;
  c.strength[i] = strength;
  c.antigen[i] = strength;
  // antigen alone drives more divisions the stronger it is (Marchingo 2014): weak antigen leaves the clone to IL-2
  const auto = p.antigenDivisions * strength, autoWhole = Math.floor(auto);
  c.autoDivisions[i] = autoWhole + (uniform(rng) < auto - autoWhole ? 1 : 0);
  // the divisions IL-2 can add differ from cell to cell (Marchingo 2014; Hawkins 2007): drawn evenly up to the most
  const il2Max = p.costimDivisions + uniform(rng) * (c.type[i] === CellType.cd8 ? p.cd8Il2Divisions : p.cd4Il2Divisions);
  const whole = Math.floor(il2Max);
  c.il2Divisions[i] = whole + (uniform(rng) < il2Max - whole ? 1 : 0);
  if (uniform(rng) < p.memoryFraction) c.flags[i] |= CellFlag.memory;
  world.counters.activations++;
  world.events.push({ tick: world.tick, kind: "activation", cellId: c.id[i], cellType: c.type[i] === CellType.cd8 ? "cd8" : "cd4", x: c.x[i], y: c.y[i] });
}

/**
 * A voxel near (x, y) with room for one more immune cell, as a point in it, or null when all are full: first the
 * 3×3 voxels around, then the ring beyond (a crowded clone pushes outward).
 */
export function roomBeside(world: World, x: number, y: number, rng: Rng): [number, number] | null {
  return roomWithin(world, x, y, 1, rng) ?? roomWithin(world, x, y, 2, rng);
}

function roomWithin(world: World, x: number, y: number, reach: number, rng: Rng): [number, number] | null {
  const w = world.field.width, h = world.field.height, cap = world.params.maxCellsPerVoxel;
  const side = 2 * reach + 1, n = side * side;
  const start = Math.floor(uniform(rng) * n);
  for (let k = 0; k < n; k++) {
    const j = (start + k) % n;
    const vx = (x | 0) + (j % side) - reach, vy = (y | 0) + Math.floor(j / side) - reach;
    if (vx < 0 || vy < 0 || vx >= w || vy >= h || world.crowd[vy * w + vx] >= cap) continue;
    return [vx + 0.1 + 0.8 * uniform(rng), vy + 0.1 + 0.8 * uniform(rng)];
  }
  return null;
}

/** A daughter at a free spot beside her mother, sharing her state; the memory fate is drawn anew. Returns her index. */
export function addDaughter(world: World, mother: number, at: [number, number], rng: Rng): number {
  const c = world.cells;
  c.ensure(c.count + 1);
  const d = c.count++;
  for (const key of COPIED) (c[key] as Float32Array)[d] = (c[key] as Float32Array)[mother];
  c.id[d] = world.nextId++;
  c.x[d] = at[0];
  c.y[d] = at[1];
  const v = (at[1] | 0) * world.field.width + (at[0] | 0);
  world.crowd[v]++;
  c.flags[d] &= ~CellFlag.memory;
  if (c.flags[mother] & CellFlag.activated && uniform(rng) < world.params.memoryFraction) c.flags[d] |= CellFlag.memory;
  c.captured[d] = 0;
  c.kills[d] = 0;
  c.stateTick[d] = world.tick;
  c.site[d] = -1;
  return d;
}

const COPIED = [
  "type", "flags", "x", "y", "squad", "mode", "tx", "ty", "cd25", "cd122", "cd25Rest", "cd122Rest", "bound", "pstat5", "signal",
  "progress", "autoDivisions", "il2Divisions", "divisions", "activatedTick", "lastAntigenTick", "lastDivisionTick", "antigen", "antigenHours", "strength", "why", "suppression",
] as const;

export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
