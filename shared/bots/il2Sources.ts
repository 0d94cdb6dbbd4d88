// Where IL-2 is made, as a player sees it: groups of switched-on (ringed) helper T cells, or, before any helper has
// switched on, the dendritic cells they are heading for; and points on a ring around such a spot, at the edge of its
// IL-2 cloud. Positions in voxels. Called by the Treg bot (tregBot.ts).

import { clusterPoints, type Cluster, type Point } from "./clusters.ts";
import type { BotObservation } from "./observe.ts";

/** Radius of a helper group, voxels (helpers on one dendritic cell crowd within a few voxels of it). */
const GROUP_RADIUS = 6;
/** Fewest switched-on helpers that count as a source of IL-2 (one or two make too little to matter). */
const MIN_HELPERS = 3;

/** Spots where IL-2 is made now, biggest first: switched-on helper groups, else dendritic-cell groups. */
export function il2Sources(obs: BotObservation): Cluster[] {
  const helpers: Point[] = [], dcs: Point[] = [];
  for (const c of obs.cells) {
    if (c.type === "cd4" && c.activated) helpers.push(c);
    else if (c.type === "dendritic") dcs.push(c);
  }
  const groups = clusterPoints(helpers, GROUP_RADIUS, 8).filter((g) => g.n >= MIN_HELPERS);
  return groups.length ? groups : clusterPoints(dcs, GROUP_RADIUS, 8);
}

/** `n` points evenly on a circle of `radius` voxels around `centre`, kept on the grid. */
export function ringAround(centre: Point, radius: number, n: number, width: number, height: number): Point[] {
  const out: Point[] = [];
  for (let k = 0; k < n; k++) {
    const a = (2 * Math.PI * k) / n;
    const x = Math.min(Math.max(centre.x + radius * Math.cos(a), 0), width - 0.5);
    const y = Math.min(Math.max(centre.y + radius * Math.sin(a), 0), height - 0.5);
    out.push({ x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 });
  }
  return out;
}
