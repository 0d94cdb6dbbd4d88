// Movement of immune cells: a random walk biased toward a cue — a commanded point, threats or antigen sensed through
// coarse blocks (chemokines), or up the IL-2 gradient. Cells engaged with antigen or a target nearly stop.
// Speeds in µm/min, positions in voxels. Called by step() last, so contacts use the positions everyone saw.

import { CellType, isImmune } from "./cellTypes.ts";
import { markNearBlocks, NEAR_ANTIGEN, NEAR_DC, NEAR_THREAT } from "./cellLists.ts";
import { nextU32 } from "./rng.ts";
import { clamp } from "./spawn.ts";
import { CellFlag, Mode, Why, type World } from "./world.ts";
import { VOXEL_UM } from "./field.ts";

/** Speed left to a cell that is engaged with antigen or a target (T cells arrest on contact). */
const ENGAGED_SPEED = 0.1;
/** Bias toward the cue when hunting or seeking IL-2 on command. */
const ABILITY_BIAS = 0.9;

/** 256 evenly spread unit vectors: a random heading is one table look-up, not a cosine and a sine. */
const HEADINGS = 256;
const HEADING_X = Float64Array.from({ length: HEADINGS }, (_, k) => Math.cos((2 * Math.PI * k) / HEADINGS));
const HEADING_Y = Float64Array.from({ length: HEADINGS }, (_, k) => Math.sin((2 * Math.PI * k) / HEADINGS));

/** Unit vector toward the blocks around block (bx, by), weighted by their counts; [0, 0] when none. */
function blockPull(counts: Uint16Array, size: number, bw: number, bh: number, bx: number, by: number, x: number, y: number, out: Float64Array): void {
  let vx = 0, vy = 0;
  for (let yy = by - 1; yy <= by + 1; yy++) {
    if (yy < 0 || yy >= bh) continue;
    for (let xx = bx - 1; xx <= bx + 1; xx++) {
      if (xx < 0 || xx >= bw) continue;
      const n = counts[yy * bw + xx];
      if (!n) continue;
      const dx = (xx + 0.5) * size - x, dy = (yy + 0.5) * size - y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      vx += (n * dx) / d;
      vy += (n * dy) / d;
    }
  }
  const m = Math.sqrt(vx * vx + vy * vy);
  out[0] = m > 0 ? vx / m : 0;
  out[1] = m > 0 ? vy / m : 0;
}

function il2Gradient(world: World, x: number, y: number, out: Float64Array): void {
  const f = world.field, w = f.width, h = f.height, c = f.c;
  const ix = clamp(x | 0, 1, w - 2), iy = clamp(y | 0, 1, h - 2);
  const gx = c[iy * w + ix + 1] - c[iy * w + ix - 1];
  const gy = c[(iy + 1) * w + ix] - c[(iy - 1) * w + ix];
  const m = Math.sqrt(gx * gx + gy * gy);
  out[0] = m > 1e-9 ? gx / m : 0;
  out[1] = m > 1e-9 ? gy / m : 0;
}

export function move(world: World, cue: Float64Array): void {
  const c = world.cells, p = world.params, rng = world.rng.move, B = world.blocks;
  const stepT = (p.tCellSpeedUmPerMin * world.dtS) / 60 / VOXEL_UM;
  const stepNk = (p.nkSpeedUmPerMin * world.dtS) / 60 / VOXEL_UM;
  const maxX = world.field.width - 0.001, maxY = world.field.height - 0.001;
  const w = world.field.width, crowd = world.crowd, cap = p.maxCellsPerVoxel;
  const dwellTicks = (p.helperDwellHours * 3600) / world.dtS;
  // per-tick constants and columns, read once (the parameters live in a dictionary-mode object)
  const commandBias = p.commandBias, chemotaxisBias = p.chemotaxisBias, tick = world.tick;
  const size = B.size, bw = B.w, bh = B.h, near = markNearBlocks(world);
  const type = c.type, flags = c.flags, why = c.why, mode = c.mode, cx = c.x, cy = c.y;
  for (let i = 0; i < c.count; i++) {
    const t = type[i];
    if (!isImmune(t) || flags[i] & CellFlag.dead) continue;
    const x = cx[i], y = cy[i];
    let speed = t === CellType.nkBright || t === CellType.nkDim ? stepNk : stepT;
    let bias = 0;
    cue[0] = 0;
    cue[1] = 0;
    const was = why[i];
    const engaged = was === Why.engagedAntigen || was === Why.killing || was === Why.suppressing;
    const m0 = mode[i];
    if (m0 === Mode.target) {
      const dx = c.tx[i] - x, dy = c.ty[i] - y, d = Math.sqrt(dx * dx + dy * dy);
      if (d > 1) {
        cue[0] = dx / d;
        cue[1] = dy / d;
        bias = commandBias;
        if (d < speed) speed = d;
        why[i] = Why.commanded;
      } else speed *= engaged ? ENGAGED_SPEED : 0.3;
    } else if (m0 === Mode.seekIl2) {
      il2Gradient(world, x, y, cue);
      bias = ABILITY_BIAS;
      if (!engaged) why[i] = Why.seekingIl2;
    } else {
      const huntsThreat = t === CellType.cd8 || t === CellType.nkBright || t === CellType.nkDim;
      // killers follow threats and antigen (dendritic cells included); helpers and Tregs home to dendritic cells,
      // until an activated helper has dwelt there long enough and wanders off (keeping a clone together is the player's job)
      const leaving = t === CellType.cd4 && (flags[i] & CellFlag.activated) !== 0 && tick - c.activatedTick[i] > dwellTicks;
      if (!leaving) {
        const bx = (x / size) | 0, by = (y / size) | 0;
        const sensed = t === CellType.cd8 ? NEAR_ANTIGEN : huntsThreat ? NEAR_THREAT : NEAR_DC;
        // (a cell off the block grid, which clamping should prevent, takes the full look)
        if (bx >= bw || by >= bh || near[by * bw + bx] & sensed) {
          blockPull(t === CellType.cd8 ? B.antigen : huntsThreat ? B.threat : B.dc, size, bw, bh, bx, by, x, y, cue);
        }
      }
      bias = m0 === Mode.hunt ? ABILITY_BIAS : chemotaxisBias;
      if (engaged) speed *= ENGAGED_SPEED;
      else if (cue[0] !== 0 || cue[1] !== 0) why[i] = huntsThreat ? Why.chasingThreat : Why.homing;
      else why[i] = flags[i] & CellFlag.activated ? Why.wandering : Why.resting;
    }
    const h = nextU32(rng) & (HEADINGS - 1);
    const vx = (1 - bias) * HEADING_X[h] + bias * cue[0];
    const vy = (1 - bias) * HEADING_Y[h] + bias * cue[1];
    const m = Math.sqrt(vx * vx + vy * vy) || 1;
    const nx = clamp(x + (speed * vx) / m, 0, maxX), ny = clamp(y + (speed * vy) / m, 0, maxY);
    const from = (y | 0) * w + (x | 0), to = (ny | 0) * w + (nx | 0);
    if (to !== from) {
      if (crowd[to] >= cap) continue; // no room there: stay put this tick
      crowd[from]--;
      crowd[to]++;
    }
    cx[i] = nx;
    cy[i] = ny;
  }
}
