// The tissue lattice: one site per `spacing` voxels, each holding at most one tissue, islet, infected or tumour cell.
// Site indices are row-major; neighbours are the 8 surrounding sites. Called by createWorld, threats and compaction.

import { isLattice } from "./cellTypes.ts";
import type { World } from "./world.ts";

export function rebuildLattice(world: World): void {
  const L = world.lattice, c = world.cells;
  L.cell.fill(-1);
  for (let i = 0; i < c.count; i++) if (isLattice(c.type[i]) && c.site[i] >= 0) L.cell[c.site[i]] = i;
}

const DX = [-1, 0, 1, -1, 1, -1, 0, 1];
const DY = [-1, -1, -1, 0, 0, 1, 1, 1];

/** The k-th (0..7) neighbour site of a site, or -1 past the edge. */
export function neighbourSite(world: World, site: number, k: number): number {
  const L = world.lattice;
  const lx = (site % L.width) + DX[k], ly = Math.floor(site / L.width) + DY[k];
  if (lx < 0 || ly < 0 || lx >= L.width || ly >= L.height) return -1;
  return ly * L.width + lx;
}

export function siteX(world: World, site: number): number {
  const L = world.lattice;
  return (site % L.width) * L.spacing + L.spacing / 2;
}
export function siteY(world: World, site: number): number {
  const L = world.lattice;
  return Math.floor(site / L.width) * L.spacing + L.spacing / 2;
}
