// Geometry helpers the bots share: greedy clustering of seen cells into groups (centre, size), nearest points,
// a noisy aim and a clamp to the grid. Positions in voxels. Called by the role policies.

import { uniform, type Rng } from "../sim/index.ts";

export interface Point { x: number; y: number }
export interface Cluster { x: number; y: number; n: number }

/**
 * Groups points greedily: the densest spot (points within `radius`) becomes a cluster, its points are taken out,
 * and so on. Returns clusters biggest first. Cost is about points × clusters, fine for a few thousand points.
 */
export function clusterPoints(points: readonly Point[], radius: number, maxClusters = 12): Cluster[] {
  const out: Cluster[] = [];
  if (!points.length) return out;
  const cell = Math.max(1, radius);
  let left = points.slice();
  const r2 = radius * radius;
  while (left.length && out.length < maxClusters) {
    // densest bin, counting the 3×3 bins around it
    const bins = new Map<number, number>();
    const key = (bx: number, by: number) => bx * 4096 + by;
    for (const p of left) {
      const k = key(Math.floor(p.x / cell), Math.floor(p.y / cell));
      bins.set(k, (bins.get(k) ?? 0) + 1);
    }
    let best = -1, bestN = -1;
    for (const k of bins.keys()) {
      const bx = Math.floor(k / 4096), by = k - bx * 4096;
      let n = 0;
      for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) n += bins.get(key(bx + dx, by + dy)) ?? 0;
      if (n > bestN || (n === bestN && k < best)) { bestN = n; best = k; }
    }
    const bx = Math.floor(best / 4096), by = best - bx * 4096;
    let cx = (bx + 0.5) * cell, cy = (by + 0.5) * cell;
    // two mean-shift steps toward the local centre of mass
    for (let it = 0; it < 2; it++) {
      let sx = 0, sy = 0, n = 0;
      for (const p of left) {
        const dx = p.x - cx, dy = p.y - cy;
        if (dx * dx + dy * dy <= 4 * r2) { sx += p.x; sy += p.y; n++; }
      }
      if (n) { cx = sx / n; cy = sy / n; }
    }
    const rest: Point[] = [];
    let n = 0;
    for (const p of left) {
      const dx = p.x - cx, dy = p.y - cy;
      if (dx * dx + dy * dy <= 4 * r2) n++;
      else rest.push(p);
    }
    if (!n) break;
    out.push({ x: cx, y: cy, n });
    left = rest;
  }
  return out.sort((a, b) => b.n - a.n);
}

export function dist2(a: Point, b: Point): number {
  const dx = a.x - b.x, dy = a.y - b.y;
  return dx * dx + dy * dy;
}

export function nearest<T extends Point>(from: Point, options: readonly T[]): T | undefined {
  let best: T | undefined, bd = Infinity;
  for (const o of options) {
    const d = dist2(from, o);
    if (d < bd) { bd = d; best = o; }
  }
  return best;
}

export function centroid(points: readonly Point[]): Point | undefined {
  if (!points.length) return undefined;
  let sx = 0, sy = 0;
  for (const p of points) { sx += p.x; sy += p.y; }
  return { x: sx / points.length, y: sy / points.length };
}

/** A point with aim error (uniform in a disc of radius `noise`), kept on the grid and rounded to 0.1 voxel. */
export function aim(rng: Rng, p: Point, noise: number, width: number, height: number): Point {
  let x = p.x, y = p.y;
  if (noise > 0) {
    const a = uniform(rng) * 2 * Math.PI, r = noise * Math.sqrt(uniform(rng));
    x += r * Math.cos(a);
    y += r * Math.sin(a);
  }
  const cl = (v: number, hi: number) => Math.round(Math.min(Math.max(v, 0), hi - 0.5) * 10) / 10;
  return { x: cl(x, width), y: cl(y, height) };
}
