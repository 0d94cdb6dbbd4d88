// Voxel cell lists (a linked list of cell indices per voxel) and coarse blocks that count threats and antigen
// sources for chemotaxis. Rebuilt once per tick, O(cells + voxels), no allocation unless the cells outgrow the arrays.
// Called by step() before any process that looks at neighbours.

import { CellType, isThreat } from "./cellTypes.ts";
import { CellFlag, Why, type World } from "./world.ts";

/**
 * Antigen strength below which a dendritic cell no longer counts toward world.antigenPresent (a flag that no process
 * reads today, so not a parameter of the model's behaviour).
 */
const ANTIGEN_GONE = 0.05;

/** 1/k where k (up to 64) is a power of two, else 0. */
export const POWER_OF_TWO_RECIPROCAL = Float64Array.from(
  { length: 65 }, (_, k) => (k > 0 && (k & (k - 1)) === 0 ? 1 / k : 0),
);

/**
 * (a / size) | 0: which block (or row of blocks) a coordinate falls in. When the block size is a power of two (the
 * default, 4), a·(1/size) is the very same number as a / size, so a multiplication does it: a division takes several
 * times as long, and every cell asks this a few times a tick.
 */
export function blockIndex(a: number, size: number): number {
  const r = POWER_OF_TWO_RECIPROCAL[size];
  return r > 0 ? (a * r) | 0 : (a / size) | 0;
}

/**
 * Builds the voxel lists: each voxel's list holds its live cells in ascending index order, the cells that are not
 * immune cells first, then the immune cells.
 */
export function buildCellLists(world: World): void {
  const c = world.cells;
  if (world.next.length < c.capacity) {
    world.next = new Int32Array(c.capacity);
    world.targetOf = new Int32Array(c.capacity);
    world.hitCount = new Uint8Array(c.capacity);
  }
  const head = world.head, next = world.next, crowd = world.crowd;
  nearCache.delete(world);
  head.fill(-1);
  crowd.fill(0);
  const B = world.blocks;
  B.threat.fill(0);
  B.antigen.fill(0);
  B.dc.fill(0);
  const size = B.size, bw = B.w, threat = B.threat, antigenBlocks = B.antigen, dc = B.dc;
  const w = world.field.width, h = world.field.height;
  const type = c.type, flags = c.flags, cx = c.x, cy = c.y, voxel = c.voxel, strength = c.strength;
  let threats = 0, antigen = false;
  const why = c.why;
  for (let i = c.count - 1; i >= 0; i--) {
    if (type[i] <= CellType.nkDim) why[i] = Why.resting;
    if (flags[i] & CellFlag.dead) continue;
    const x = cx[i], y = cy[i];
    // voxelOf, inline
    let ix = x | 0, iy = y | 0;
    if (ix < 0) ix = 0; else if (ix >= w) ix = w - 1;
    if (iy < 0) iy = 0; else if (iy >= h) iy = h - 1;
    const v = iy * w + ix;
    voxel[i] = v;
    const t = type[i];
    if (t <= CellType.nkDim) {
      next[i] = head[v];
      head[v] = i;
      if (crowd[v] < 255) crowd[v]++;
      continue; // immune cells count in no block
    }
    const b = blockIndex(y, size) * bw + blockIndex(x, size);
    if (isThreat(t)) {
      threat[b]++;
      threats++;
    }
    if (t === CellType.dendritic) dc[b]++;
    if (t === CellType.dendritic || t === CellType.infected || t === CellType.tumour || t === CellType.islet) {
      antigenBlocks[b]++;
      if (t !== CellType.dendritic || strength[i] > ANTIGEN_GONE) antigen = true;
    }
  }
  // then the other cells, in front of the immune ones: a search for those alone stops at the first immune cell
  for (let i = c.count - 1; i >= 0; i--) {
    if (type[i] <= CellType.nkDim || flags[i] & CellFlag.dead) continue;
    const v = voxel[i];
    next[i] = head[v];
    head[v] = i;
  }
  world.antigenPresent = antigen;
  world.threatCount = threats;
  if (threats > 0) world.threatSeen = true;
}

/**
 * Whether the coarse blocks within contact distance of (x, y) hold any cell counted in `counts`: a cheap test that
 * lets most cells skip the voxel search, since dendritic cells and threats are few.
 */
export function anyInReach(world: World, counts: Uint16Array, x: number, y: number): boolean {
  const B = world.blocks;
  return anyInBlocksReach(counts, B.size, B.w, B.h, x, y, world.params.contactVoxels);
}

/**
 * anyInReach with the block grid's size (voxels) and width and height (blocks) and the contact distance (voxels,
 * params.contactVoxels) passed in, for per-cell loops.
 */
export function anyInBlocksReach(
  counts: Uint16Array, size: number, bw: number, bh: number, x: number, y: number, reach: number,
): boolean {
  let bx0 = blockIndex(x - reach, size), bx1 = blockIndex(x + reach, size);
  let by0 = blockIndex(y - reach, size), by1 = blockIndex(y + reach, size);
  if (x - reach < 0) bx0 = 0;
  if (y - reach < 0) by0 = 0;
  if (bx1 >= bw) bx1 = bw - 1;
  if (by1 >= bh) by1 = bh - 1;
  for (let by = by0; by <= by1; by++) for (let bx = bx0; bx <= bx1; bx++) if (counts[by * bw + bx]) return true;
  return false;
}

/**
 * markNearBlocks' answer for each world until its blocks are counted again (buildCellLists forgets it): three
 * processes of a tick ask. A cache of a pure function of the blocks, invisible to results.
 */
const nearCache = new WeakMap<World, Uint8Array>();

/** Bits of `near`: which block counts hold anything in the 3×3 blocks around a block. */
export const NEAR_ANTIGEN = 1, NEAR_THREAT = 2, NEAR_DC = 4;

/**
 * For each coarse block, which of the counts (antigen, threat, dendritic) are non-zero somewhere in the 3×3 blocks
 * around it: most cells have nothing to sense or touch, and one look-up tells them so. These are exactly the blocks
 * movement's pull visits, and they include every block within contact distance (blocks are wider than it).
 */
export function markNearBlocks(world: World): Uint8Array {
  const cached = nearCache.get(world);
  if (cached) return cached;
  const B = world.blocks, bw = B.w, bh = B.h;
  const near = new Uint8Array(bw * bh);
  nearCache.set(world, near);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      const k = by * bw + bx;
      const bits = (B.antigen[k] ? NEAR_ANTIGEN : 0) | (B.threat[k] ? NEAR_THREAT : 0) | (B.dc[k] ? NEAR_DC : 0);
      if (!bits) continue;
      for (let yy = by - 1; yy <= by + 1; yy++) {
        if (yy < 0 || yy >= bh) continue;
        for (let xx = bx - 1; xx <= bx + 1; xx++) if (xx >= 0 && xx < bw) near[yy * bw + xx] |= bits;
      }
    }
  }
  return near;
}

/**
 * False only when nothing marked `bits` in `near` lies in the 3×3 blocks around (x, y), so that anyInBlocksReach
 * must be false too (contact distance is shorter than a block; a point off the block grid always gets the full test).
 */
export function mayReach(
  near: Uint8Array, size: number, bw: number, bh: number, x: number, y: number, bits: number, reach: number,
): boolean {
  const bx = blockIndex(x, size), by = blockIndex(y, size);
  if (size <= reach || x < 0 || y < 0 || bx >= bw || by >= bh) return true;
  return (near[by * bw + bx] & bits) !== 0;
}

/** Bit for a cell type in a type mask. */
export const bit = (type: number) => 1 << type;
/** The immune types' bits (cd4 … nkDim, types 0-4). */
const IMMUNE_TYPES = (1 << (CellType.nkDim + 1)) - 1;

/**
 * The nearest live cell (other than `self`) within contact distance of (x, y) whose type is in `mask`, or -1.
 * Ties go to the lower index, so the answer does not depend on list order.
 */
export function nearestOfTypes(world: World, self: number, x: number, y: number, mask: number): number {
  const w = world.field.width, h = world.field.height, head = world.head, next = world.next;
  const c = world.cells, type = c.type, flags = c.flags, cx = c.x, cy = c.y;
  const ix = x | 0, iy = y | 0;
  const y0 = iy > 0 ? iy - 1 : 0, y1 = iy < h - 1 ? iy + 1 : h - 1;
  const x0 = ix > 0 ? ix - 1 : 0, x1 = ix < w - 1 ? ix + 1 : w - 1;
  const reach = world.params.contactVoxels;
  let best = -1, bestD = reach * reach;
  // no immune type asked for: each list's immune cells (at its end) need no look
  const fixedOnly = (mask & IMMUNE_TYPES) === 0;
  for (let yy = y0; yy <= y1; yy++) {
    for (let xx = x0; xx <= x1; xx++) {
      for (let j = head[yy * w + xx]; j >= 0; j = next[j]) {
        const tj = type[j];
        if (fixedOnly && tj <= CellType.nkDim) break;
        if (j === self || !((1 << tj) & mask) || flags[j] & CellFlag.dead) continue;
        const dx = cx[j] - x, dy = cy[j] - y, d = dx * dx + dy * dy;
        if (d < bestD || (d === bestD && j < best)) {
          bestD = d;
          best = j;
        }
      }
    }
  }
  return best;
}

/**
 * nearestOfTypes for two masks in one walk of the voxel lists: returns the nearest cell of `mask` and writes the
 * nearest of `alsoMask` to out[self], each exactly as nearestOfTypes would answer it. Neither mask may hold an immune
 * type (the walk stops at each list's first immune cell). Activated killers ask both (antigen sources, then targets).
 */
export function nearestOfTwoFixedTypes(
  world: World, self: number, x: number, y: number, mask: number, alsoMask: number, out: Int32Array,
): number {
  const w = world.field.width, h = world.field.height, head = world.head, next = world.next;
  const c = world.cells, type = c.type, flags = c.flags, cx = c.x, cy = c.y;
  const ix = x | 0, iy = y | 0;
  const y0 = iy > 0 ? iy - 1 : 0, y1 = iy < h - 1 ? iy + 1 : h - 1;
  const x0 = ix > 0 ? ix - 1 : 0, x1 = ix < w - 1 ? ix + 1 : w - 1;
  const reach = world.params.contactVoxels;
  const either = mask | alsoMask;
  let best = -1, bestD = reach * reach, also = -1, alsoD = bestD;
  for (let yy = y0; yy <= y1; yy++) {
    for (let xx = x0; xx <= x1; xx++) {
      for (let j = head[yy * w + xx]; j >= 0; j = next[j]) {
        const tj = type[j];
        if (tj <= CellType.nkDim) break;
        const tb = 1 << tj;
        if (j === self || !(tb & either) || flags[j] & CellFlag.dead) continue;
        const dx = cx[j] - x, dy = cy[j] - y, d = dx * dx + dy * dy;
        if (tb & mask && (d < bestD || (d === bestD && j < best))) {
          bestD = d;
          best = j;
        }
        if (tb & alsoMask && (d < alsoD || (d === alsoD && j < also))) {
          alsoD = d;
          also = j;
        }
      }
    }
  }
  out[self] = also;
  return best;
}
