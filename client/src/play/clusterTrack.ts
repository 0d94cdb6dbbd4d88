// Outlines that keep up with the cells they outline. Which picked cells belong together (pickClusters.ts groupPoints)
// is worked out now and then (ClusterOutlines: every 60 ms, 200 ms with reduced effects); where each outline is drawn
// is worked out from its members' drawn (gliding) positions every frame they move, so a crowd on the move stays
// inside its outline instead of leaving it behind. Each frame costs one position per picked cell, not a regrouping.
// Pure; voxels. Used by ClusterOutlines.

import { encircle, groupPoints, type Cluster, type Pt } from "./pickClusters.ts";

export interface IdPt extends Pt { id: number }

export class ClusterTrack {
  /** The member cell ids of each cluster, largest first. */
  private groups: number[][] = [];

  get size(): number { return this.groups.length; }

  /** Groups the picked cells (`link`: cells this close, voxels, are outlined together). */
  regroup(members: readonly IdPt[], link: number): void {
    this.groups = groupPoints(members, link).map((g) => g.map((i) => members[i].id));
  }

  /**
   * Each cluster's outline where its members are drawn now (`at`: a cell's drawn position, null once it is gone).
   * Cells gone since the grouping are left out; a cluster with none left is dropped. Largest first.
   */
  shapes(at: (id: number) => Pt | null, pad?: number): Cluster[] {
    const out: Cluster[] = [];
    const pts: Pt[] = [];
    for (const g of this.groups) {
      pts.length = 0;
      for (const id of g) { const p = at(id); if (p) pts.push(p); }
      if (pts.length) out.push(encircle(pts, pad));
    }
    return out.sort((a, b) => b.count - a.count);
  }
}
