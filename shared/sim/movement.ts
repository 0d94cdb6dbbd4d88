// Movement of immune cells: a random walk biased toward a cue — a commanded point, threats or antigen sensed through
// coarse blocks (chemokines), or up the IL-2 gradient. Cells engaged with antigen or a target nearly stop.
// Speeds in µm/min, positions in voxels. Called by step() last, so contacts use the positions everyone saw.

import { CellType } from "./cellTypes.ts";
import { markNearBlocks, POWER_OF_TWO_RECIPROCAL, NEAR_ANTIGEN, NEAR_DC, NEAR_THREAT } from "./cellLists.ts";
import { clamp } from "./spawn.ts";
import { CellFlag, Mode, Why, type World } from "./world.ts";
import { VOXEL_UM } from "./field.ts";

/** 256 evenly spread unit vectors: a random heading is one table look-up, not a cosine and a sine. */
const HEADINGS = 256;
const HEADING_X = Float64Array.from({ length: HEADINGS }, (_, k) => Math.cos((2 * Math.PI * k) / HEADINGS));
const HEADING_Y = Float64Array.from({ length: HEADINGS }, (_, k) => Math.sin((2 * Math.PI * k) / HEADINGS));

/** Unit vector toward the blocks around block (bx, by), weighted by their counts; [0, 0] when none. */
function blockPull(
  counts: Uint16Array, size: number, bw: number, bh: number, bx: number, by: number, x: number, y: number,
  out: Float64Array,
): void {
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

/**
 * A cue-less step for each heading: (Δx, Δy) = speed·v/|v| with v = (1 − bias)·heading + bias·(0, 0), the very
 * arithmetic move() does for a cell with no cue, done once per heading instead of once per cell (most cells sense
 * nothing: no square root or division for them). One table per bias (none, chemotaxis, ability), speed factor (whole,
 * engaged, arrived at the commanded point) and kind of cell (T cell, NK); each table HEADINGS pairs.
 */
const BIAS_NONE = 0, BIAS_CHEMOTAXIS = 1, BIAS_ABILITY = 2;
const SPEED_WHOLE = 0, SPEED_ENGAGED = 1, SPEED_ARRIVED = 2;
const tableOf = (bias: number, speed: number, nk: boolean) => (bias * 3 + speed) * 2 + (nk ? 1 : 0);

/**
 * The tables for these speeds and biases, kept while they stay the same (a cache of a pure function of its
 * arguments, so worlds that share a process cannot change each other's steps; made again when they differ).
 */
interface StepKey {
  stepT: number; stepNk: number; chemotaxisBias: number; abilityBias: number; engaged: number; arrived: number;
}
let cached: { key: StepKey; steps: Float64Array } | null = null;

const sameKey = (a: StepKey, b: StepKey): boolean =>
  a.stepT === b.stepT && a.stepNk === b.stepNk && a.chemotaxisBias === b.chemotaxisBias
  && a.abilityBias === b.abilityBias && a.engaged === b.engaged && a.arrived === b.arrived;

function cuelessSteps(key: StepKey): Float64Array {
  if (cached && sameKey(cached.key, key)) return cached.steps;
  const { stepT, stepNk, chemotaxisBias, abilityBias, engaged, arrived } = key;
  const steps = new Float64Array(18 * HEADINGS * 2);
  for (const biasKind of [BIAS_NONE, BIAS_CHEMOTAXIS, BIAS_ABILITY]) {
    const bias = biasKind === BIAS_NONE ? 0 : biasKind === BIAS_CHEMOTAXIS ? chemotaxisBias : abilityBias;
    for (const speedKind of [SPEED_WHOLE, SPEED_ENGAGED, SPEED_ARRIVED]) {
      for (const nk of [false, true]) {
        const base = nk ? stepNk : stepT;
        // as move() computes it: the whole step, or the step times the factor
        const speed = speedKind === SPEED_WHOLE ? base : speedKind === SPEED_ENGAGED ? base * engaged : base * arrived;
        const o = tableOf(biasKind, speedKind, nk) * HEADINGS * 2;
        for (let h = 0; h < HEADINGS; h++) {
          const vx = (1 - bias) * HEADING_X[h] + bias * 0;
          const vy = (1 - bias) * HEADING_Y[h] + bias * 0;
          const m = Math.sqrt(vx * vx + vy * vy) || 1;
          steps[o + 2 * h] = (speed * vx) / m;
          steps[o + 2 * h + 1] = (speed * vy) / m;
        }
      }
    }
  }
  cached = { key: { ...key }, steps };
  return steps;
}

/**
 * Moves every live immune cell `params.moveSubsteps` times (once in the game), each a crawl of its share of the tick;
 * `cue` is scratch for the sensing helpers. Contacts stay those of the tick's start (its voxel lists and blocks).
 */
export function move(world: World, cue: Float64Array): void {
  const n = world.params.moveSubsteps, crawlS = world.dtS / n; // (x / 1 is x: the game's steps are unchanged)
  for (let k = 0; k < n; k++) crawl(world, cue, crawlS);
}

/**
 * Moves every live immune cell one straight crawl of `crawlS` seconds. The random heading is drawn for every cell in
 * index order, whether or not it then finds room.
 */
function crawl(world: World, cue: Float64Array, crawlS: number): void {
  const c = world.cells, p = world.params, rng = world.rng.move, B = world.blocks;
  const stepT = (p.tCellSpeedUmPerMin * crawlS) / 60 / VOXEL_UM;
  const stepNk = (p.nkSpeedUmPerMin * crawlS) / 60 / VOXEL_UM;
  const maxX = world.field.width - 0.001, maxY = world.field.height - 0.001;
  const w = world.field.width, crowd = world.crowd;
  const dwellTicks = (p.helperDwellHours * 3600) / world.dtS;
  // per-tick constants and columns, read once
  const cap = +p.maxCellsPerVoxel, commandBias = +p.commandBias, chemotaxisBias = +p.chemotaxisBias, tick = world.tick;
  const abilityBias = +p.abilityBias, engagedSpeed = +p.engagedSpeedFraction, arrivedSpeed = +p.arrivedSpeedFraction;
  const steps = cuelessSteps({
    stepT, stepNk, chemotaxisBias, abilityBias, engaged: engagedSpeed, arrived: arrivedSpeed,
  });
  const size = B.size, bw = B.w, bh = B.h, near = markNearBlocks(world);
  const type = c.type, flags = c.flags, why = c.why, mode = c.mode, cx = c.x, cy = c.y, tx = c.tx, ty = c.ty;
  const activatedTick = c.activatedTick;
  // the move stream's state in locals for the loop (nextU32, inline: the same numbers in the same order), stored back
  // after it
  const rs = rng.s;
  let s0 = rs[0], s1 = rs[1], s2 = rs[2], s3 = rs[3];
  // blockIndex, with the block size's reciprocal looked up once
  const blockR = POWER_OF_TWO_RECIPROCAL[size];
  for (let i = 0, n = c.count; i < n; i++) {
    const t = type[i];
    if (t > CellType.nkDim || flags[i] & CellFlag.dead) continue; // immune cells only
    const x = cx[i], y = cy[i];
    const nk = t >= CellType.nkBright;
    let speed = nk ? stepNk : stepT;
    let bias = 0, cueX = 0, cueY = 0;
    let biasKind = BIAS_NONE, speedKind = SPEED_WHOLE;
    const was = why[i];
    const engaged = was === Why.engagedAntigen || was === Why.killing || was === Why.suppressing;
    const m0 = mode[i];
    if (m0 === Mode.target) {
      const dx = tx[i] - x, dy = ty[i] - y, d = Math.sqrt(dx * dx + dy * dy);
      if (d > 1) {
        cueX = dx / d;
        cueY = dy / d;
        bias = commandBias;
        if (d < speed) speed = d;
        why[i] = Why.commanded;
      } else {
        speedKind = engaged ? SPEED_ENGAGED : SPEED_ARRIVED;
        speed *= engaged ? engagedSpeed : arrivedSpeed;
      }
    } else if (m0 === Mode.seekIl2) {
      il2Gradient(world, x, y, cue);
      cueX = cue[0];
      cueY = cue[1];
      bias = abilityBias;
      biasKind = BIAS_ABILITY;
      if (!engaged) why[i] = Why.seekingIl2;
    } else {
      const huntsThreat = t === CellType.cd8 || nk;
      // killers follow threats and antigen (dendritic cells included); helpers and Tregs home to dendritic cells,
      // until an activated helper has dwelt there long enough and wanders off (keeping a clone together is the
      // player's job)
      const leaving = t === CellType.cd4 && (flags[i] & CellFlag.activated) !== 0
        && tick - activatedTick[i] > dwellTicks;
      if (!leaving) {
        const bx = blockR > 0 ? (x * blockR) | 0 : (x / size) | 0, by = blockR > 0 ? (y * blockR) | 0 : (y / size) | 0;
        const sensed = t === CellType.cd8 ? NEAR_ANTIGEN : huntsThreat ? NEAR_THREAT : NEAR_DC;
        // (a cell off the block grid, which clamping should prevent, takes the full look)
        if (bx >= bw || by >= bh || near[by * bw + bx] & sensed) {
          blockPull(t === CellType.cd8 ? B.antigen : huntsThreat ? B.threat : B.dc, size, bw, bh, bx, by, x, y, cue);
          cueX = cue[0];
          cueY = cue[1];
        }
      }
      if (m0 === Mode.hunt) {
        bias = abilityBias;
        biasKind = BIAS_ABILITY;
      } else {
        bias = chemotaxisBias;
        biasKind = BIAS_CHEMOTAXIS;
      }
      if (engaged) {
        speed *= engagedSpeed;
        speedKind = SPEED_ENGAGED;
      } else if (cueX !== 0 || cueY !== 0) why[i] = huntsThreat ? Why.chasingThreat : Why.homing;
      else why[i] = flags[i] & CellFlag.activated ? Why.wandering : Why.resting;
    }
    const drawn = (((s0 + s1) >>> 0) + s3) >>> 0;
    s3 = (s3 + 1) >>> 0;
    s0 = (s1 ^ (s1 >>> 9)) >>> 0;
    const s2Rotated = ((s2 << 21) | (s2 >>> 11)) >>> 0;
    s1 = (s2 + (s2 << 3)) >>> 0;
    s2 = (s2Rotated + drawn) >>> 0;
    const h = drawn & (HEADINGS - 1);
    let nx: number, ny: number;
    if (cueX === 0 && cueY === 0) {
      const k = (tableOf(biasKind, speedKind, nk) * HEADINGS + h) * 2;
      nx = x + steps[k];
      ny = y + steps[k + 1];
    } else {
      const vx = (1 - bias) * HEADING_X[h] + bias * cueX;
      const vy = (1 - bias) * HEADING_Y[h] + bias * cueY;
      const m = Math.sqrt(vx * vx + vy * vy) || 1;
      nx = x + (speed * vx) / m;
      ny = y + (speed * vy) / m;
    }
    // clamp to the patch
    nx = nx < 0 ? 0 : nx > maxX ? maxX : nx;
    ny = ny < 0 ? 0 : ny > maxY ? maxY : ny;
    const from = (y | 0) * w + (x | 0), to = (ny | 0) * w + (nx | 0);
    if (to !== from) {
      if (crowd[to] >= cap) continue; // no room there: stay put this tick
      crowd[from]--;
      crowd[to]++;
    }
    cx[i] = nx;
    cy[i] = ny;
  }
  rs[0] = s0;
  rs[1] = s1;
  rs[2] = s2;
  rs[3] = s3;
}
