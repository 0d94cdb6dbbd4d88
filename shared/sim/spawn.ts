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
  c.strength[i] = 0;
  c.site[i] = site;
  c.kills[i] = 0;
  c.why[i] = Why.resting;
  c.suppression[i] = 0;
  if ((type === CellType.nkBright || type === CellType.nkDim) && uniform(rng) >= world.params.nkNonKillerShare) {
    c.flags[i] |= CellFlag.killer;
  }
  return i;
}

/** Activation by antigen: the cell starts its programme (CD25 up, IL-2 for helpers, a division destiny). */
export function activate(world: World, i: number, strength: number, rng: Rng, atTick = world.tick): void {
  const c = world.cells, p = world.params;
  c.flags[i] |= CellFlag.activated;
  c.activatedTick[i] = atTick;
  c.lastDivisionTick[i] = atTick;
  c.lastAntigenTick[i] = atTick;
  c.strength[i] = strength;
  c.antigen[i] = strength;
  c.autoDivisions[i] = p.antigenDivisions;
  const il2Max = p.costimDivisions + (c.type[i] === CellType.cd8 ? p.cd8Il2Divisions : p.cd4Il2Divisions);
  const whole = Math.floor(il2Max);
  c.il2Divisions[i] = whole + (uniform(rng) < il2Max - whole ? 1 : 0);
  if (uniform(rng) < p.memoryFraction) c.flags[i] |= CellFlag.memory;
  world.counters.activations++;
  world.events.push({ tick: world.tick, kind: "activation", cellId: c.id[i], cellType: c.type[i] === CellType.cd8 ? "cd8" : "cd4", x: c.x[i], y: c.y[i] });
}

/** A daughter beside its mother, sharing her state; the memory fate is drawn anew. Returns the daughter's index. */
export function addDaughter(world: World, mother: number, rng: Rng): number {
  const c = world.cells;
  c.ensure(c.count + 1);
  const d = c.count++;
  for (const key of COPIED) (c[key] as Float32Array)[d] = (c[key] as Float32Array)[mother];
  c.id[d] = world.nextId++;
  const angle = uniform(rng) * 2 * Math.PI;
  c.x[d] = clamp(c.x[mother] + 0.6 * Math.cos(angle), 0, world.field.width - 0.001);
  c.y[d] = clamp(c.y[mother] + 0.6 * Math.sin(angle), 0, world.field.height - 0.001);
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
  "progress", "autoDivisions", "il2Divisions", "divisions", "activatedTick", "lastAntigenTick", "lastDivisionTick", "antigen", "strength", "why", "suppression",
] as const;

export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
