// Division: activated effectors spend their antigen-driven divisions first (no IL-2 needed), then divide only by
// banking enough IL-2 signal (pSTAT5·hours) per division, up to their destiny; Tregs and NK divide on banked signal.
// Never before firstDivisionHours after activation, nor faster than the cycle time. Called by step() after threats.

import { CellType, CELL_TYPE_NAMES } from "./cellTypes.ts";
import { exhaustion } from "./exhaustion.ts";
import { uniform } from "./rng.ts";
import { addDaughter, roomBeside } from "./spawn.ts";
import { CellFlag, perTick, Why, type World } from "./world.ts";

function mayDivide(world: World, i: number): boolean {
  const c = world.cells, p = world.params, t = c.type[i], dtH = world.dtH;
  const sinceLast = (world.tick - c.lastDivisionTick[i]) * dtH;
  if ((t === CellType.cd4 || t === CellType.cd8) && !(c.flags[i] & CellFlag.activated)) {
    return sinceLast >= p.cycleHours && c.progress[i] >= p.restingDivisionSignalHours;
  }
  if (t === CellType.cd4 || t === CellType.cd8) {
    if ((world.tick - c.activatedTick[i]) * dtH < p.firstDivisionHours) return false;
    if (c.divisions[i] > 0 && sinceLast < (t === CellType.cd8 ? p.cd8CycleHours : p.cycleHours)) return false;
    if (c.autoDivisions[i] > 0) return true;
    return c.il2Divisions[i] > 0 && c.progress[i] >= p.effectorDivisionSignalHours;
  }
  if (sinceLast < p.cycleHours) return false;
  if (t === CellType.treg) return c.progress[i] >= p.tregDivisionSignalHours;
  if (t === CellType.nkBright || t === CellType.nkDim) return c.progress[i] >= p.nkDivisionSignalHours;
  return false;
}

export function divide(world: World): void {
  const c = world.cells, p = world.params, rng = world.rng.divide;
  const pReady = perTick(p.readyDivisionsPerHour, world.dtH);
  const n = c.count, type = c.type;
  for (let i = 0; i < n; i++) {
    // only immune cells divide here (mayDivide says no to every other type; tumour cells grow in threat.ts)
    if (type[i] > CellType.nkDim || c.flags[i] & CellFlag.dead || !mayDivide(world, i)) continue;
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
