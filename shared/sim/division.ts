// Division: activated effectors spend their antigen-driven divisions first (no IL-2 needed), then divide only by
// banking enough IL-2 signal (pSTAT5·hours) per division, up to their destiny; Tregs and NK divide on banked signal.
// Never before firstDivisionHours after activation, nor faster than the cycle time. Called by step() after threats.

import { CellType, CELL_TYPE_NAMES } from "./cellTypes.ts";
import { exhaustion } from "./exhaustion.ts";
import { uniform } from "./rng.ts";
import { addDaughter, roomBeside } from "./spawn.ts";
import { CellFlag, perTick, Why, type World } from "./world.ts";

/** The parameters mayDivide reads, once per tick. */
interface DivisionLimits {
  tick: number; dtH: number; cycleHours: number; cd8CycleHours: number; firstDivisionHours: number;
  restingSignal: number; effectorSignal: number; tregSignal: number; nkSignal: number;
}

function mayDivide(world: World, i: number, l: DivisionLimits): boolean {
  const c = world.cells, t = c.type[i], dtH = l.dtH;
  const sinceLast = (l.tick - c.lastDivisionTick[i]) * dtH;
  if ((t === CellType.cd4 || t === CellType.cd8) && !(c.flags[i] & CellFlag.activated)) {
    return sinceLast >= l.cycleHours && c.progress[i] >= l.restingSignal;
  }
  if (t === CellType.cd4 || t === CellType.cd8) {
    if ((l.tick - c.activatedTick[i]) * dtH < l.firstDivisionHours) return false;
    if (c.divisions[i] > 0 && sinceLast < (t === CellType.cd8 ? l.cd8CycleHours : l.cycleHours)) return false;
    if (c.autoDivisions[i] > 0) return true;
    return c.il2Divisions[i] > 0 && c.progress[i] >= l.effectorSignal;
  }
  if (sinceLast < l.cycleHours) return false;
  if (t === CellType.treg) return c.progress[i] >= l.tregSignal;
  if (t === CellType.nkBright || t === CellType.nkDim) return c.progress[i] >= l.nkSignal;
  return false;
}

export function divide(world: World): void {
  const c = world.cells, p = world.params, rng = world.rng.divide;
  const pReady = perTick(p.readyDivisionsPerHour, world.dtH);
  const n = c.count, type = c.type;
  const limits: DivisionLimits = {
    tick: world.tick, dtH: world.dtH, cycleHours: p.cycleHours, cd8CycleHours: p.cd8CycleHours,
    firstDivisionHours: p.firstDivisionHours, restingSignal: p.restingDivisionSignalHours,
    effectorSignal: p.effectorDivisionSignalHours, tregSignal: p.tregDivisionSignalHours, nkSignal: p.nkDivisionSignalHours,
  };
  for (let i = 0; i < n; i++) {
    // only immune cells divide here (mayDivide says no to every other type; tumour cells grow in threat.ts)
    if (type[i] > CellType.nkDim || c.flags[i] & CellFlag.dead || !mayDivide(world, i, limits)) continue;
    // an exhausted effector divides less often, whatever drives it (Wherry 2011)
    const effector = c.flags[i] & CellFlag.activated && (c.type[i] === CellType.cd4 || c.type[i] === CellType.cd8);
    if (uniform(rng) >= (effector ? pReady * (1 - exhaustion(world, i)) : pReady)) continue;
    const at = roomBeside(world, c.x[i], c.y[i], rng);
    if (!at) continue; // crowded: wait for room
    const t = c.type[i];
    if ((t === CellType.cd4 || t === CellType.cd8) && !(c.flags[i] & CellFlag.activated)) {
      c.progress[i] -= p.restingDivisionSignalHours;
    } else if (t === CellType.cd4 || t === CellType.cd8) {
      if (c.autoDivisions[i] > 0) c.autoDivisions[i]--;
      else {
        c.il2Divisions[i]--;
        c.progress[i] -= p.effectorDivisionSignalHours;
      }
    } else {
      c.progress[i] -= t === CellType.treg ? p.tregDivisionSignalHours : p.nkDivisionSignalHours;
    }
    c.lastDivisionTick[i] = world.tick;
    if (c.divisions[i] < 255) c.divisions[i]++;
    c.why[i] = Why.dividing;
    const d = addDaughter(world, i, at, rng);
    world.counters.divisions++;
    world.events.push({
      tick: world.tick, kind: "division", cellId: c.id[i], byId: c.id[d], cellType: CELL_TYPE_NAMES[t],
      x: c.x[i], y: c.y[i],
    });
  }
}
