// Outlines that keep up with their cells (client/src/play/clusterTrack.ts): the grouping is done now and then, the
// outline follows the cells' drawn positions on every frame in between.

import { describe, expect, test } from "vitest";
import { ClusterTrack } from "../../client/src/play/clusterTrack.ts";
import { newTrack, retarget, sampleTrack, type Track } from "../../client/src/play/motion.ts";
import type { Pt } from "../../client/src/play/pickClusters.ts";

/** Every cell of the crowd lies inside the outline drawn for it. */
const insideOutline = (c: { x: number; y: number; r: number }, pts: Pt[]) => pts.every((p) => Math.hypot(p.x - c.x, p.y - c.y) <= c.r + 1e-9);

describe("ClusterTrack", () => {
  test("a crowd gliding 6 voxels between two groupings stays inside its outline at every frame", () => {
    const ids = [1, 2, 3, 4, 5];
    const tracks = new Map<number, Track>(ids.map((id, i) => [id, newTrack(20 + i, 30 + (i % 2), 0)]));
    const at = (now: number) => (id: number) => { const t = tracks.get(id); return t ? sampleTrack(t, now) : null; };
    const track = new ClusterTrack();
    track.regroup(ids.map((id) => ({ id, ...at(0)(id)! })), 3);
    // A patch arrives: every cell glides 6 voxels right over 100 ms; no regrouping during the glide.
    for (const t of tracks.values()) retarget(t, t.toX + 6, t.toY, 0, 100);
    const regroupedOnly = track.shapes(at(0))[0];
    for (const now of [10, 30, 50, 70, 100]) {
      const pts = ids.map((id) => at(now)(id)!);
      const [c] = track.shapes(at(now));
      expect(c.count).toBe(5);
      expect(insideOutline(c, pts), `frame at ${now} ms`).toBe(true);
    }
    // Without following, the outline drawn at the grouping would have lost the crowd by the glide's end.
    expect(insideOutline(regroupedOnly, ids.map((id) => at(100)(id)!))).toBe(false);
  });

  test("a cell that died since the grouping leaves its cluster at once; a cluster with none left is dropped", () => {
    const track = new ClusterTrack();
    track.regroup([{ id: 1, x: 10, y: 10 }, { id: 2, x: 11, y: 10 }, { id: 9, x: 80, y: 80 }], 3);
    expect(track.size).toBe(2);
    const alive = new Map<number, Pt>([[1, { x: 10, y: 10 }], [2, { x: 11, y: 10 }]]);
    const shapes = track.shapes((id) => alive.get(id) ?? null);
    expect(shapes.map((c) => c.count)).toEqual([2]);
    alive.delete(2);
    expect(track.shapes((id) => alive.get(id) ?? null).map((c) => c.count)).toEqual([1]);
  });

  test("the outlines are largest first, as drawn with their counts", () => {
    const track = new ClusterTrack();
    const pts = [{ id: 1, x: 5, y: 5 }, { id: 2, x: 50, y: 50 }, { id: 3, x: 51, y: 50 }, { id: 4, x: 52, y: 50 }];
    track.regroup(pts, 3);
    const byId = new Map(pts.map((p) => [p.id, p]));
    expect(track.shapes((id) => byId.get(id) ?? null).map((c) => c.count)).toEqual([3, 1]);
  });
});
