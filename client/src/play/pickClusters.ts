// Groups picked cells (the player's selection or the squad being commanded) into clusters that are drawn as one
// outline with a count, instead of one halo per cell: a crowd around a dendritic cell stays readable and does not
// hide it. Two cells belong to the same cluster when a chain of cells, each within `link` voxels of the next, joins
// them. Pure; used by ClusterOutlines.

export interface Pt { x: number; y: number }

export interface Cluster {
  /** Centre of the outline (voxels): the middle of the cells' bounding box. */
  x: number;
  y: number;
  /** Radius reaching the farthest cell's centre plus `pad` voxels. */
  r: number;
  count: number;
}

/** Clusters of `points` (linked within `link` voxels), largest first. Cost: a grid of cells `link` wide. */
export function clusterPoints(points: readonly Pt[], link: number, pad = 1.5): Cluster[] {
  return groupPoints(points, link).map((members) => encircle(members.map((i) => points[i]), pad));
}

/** The indexes of `points` in each cluster (linked within `link` voxels), largest cluster first. */
export function groupPoints(points: readonly Pt[], link: number): number[][] {
  const n = points.length;
  if (n === 0) return [];
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) { parent[i] = parent[parent[i]]; i = parent[i]; }
    return i;
  };
  const buckets = new Map<string, number[]>();
  const keyOf = (cx: number, cy: number) => `${cx},${cy}`;
  points.forEach((p, i) => {
    const k = keyOf(Math.floor(p.x / link), Math.floor(p.y / link));
    const list = buckets.get(k);
    if (list) list.push(i); else buckets.set(k, [i]);
  });
  const link2 = link * link;
  points.forEach((p, i) => {
    const cx = Math.floor(p.x / link), cy = Math.floor(p.y / link);
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      for (const j of buckets.get(keyOf(cx + dx, cy + dy)) ?? []) {
        if (j <= i) continue;
        const q = points[j];
        if ((q.x - p.x) ** 2 + (q.y - p.y) ** 2 <= link2) parent[find(j)] = find(i);
      }
    }
  });
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(i); else groups.set(root, [i]);
  }
  return [...groups.values()].sort((a, b) => b.length - a.length);
}

/** One outline around `points`: centred on their bounding box, reaching the farthest plus `pad` voxels. */
export function encircle(points: readonly Pt[], pad = 1.5): Cluster {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const p of points) {
    x0 = Math.min(x0, p.x); y0 = Math.min(y0, p.y); x1 = Math.max(x1, p.x); y1 = Math.max(y1, p.y);
  }
  const x = (x0 + x1) / 2, y = (y0 + y1) / 2;
  let far = 0;
  for (const p of points) far = Math.max(far, Math.hypot(p.x - x, p.y - y));
  return { x, y, r: far + pad, count: points.length };
}
