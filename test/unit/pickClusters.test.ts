// Picked cells drawn as one outline and a count per cluster (client/src/play/pickClusters.ts).

import { describe, expect, test } from "vitest";
import { clusterPoints } from "../../client/src/play/pickClusters.ts";

describe("clusterPoints", () => {
  test("no points, no clusters", () => {
    expect(clusterPoints([], 4)).toEqual([]);
  });

  test("a crowd around one place is one cluster with its count; a cell far away is another", () => {
    const crowd = Array.from({ length: 12 }, (_, i) => ({ x: 50 + Math.cos(i) * 2, y: 40 + Math.sin(i) * 2 }));
    const clusters = clusterPoints([...crowd, { x: 10, y: 10 }], 4);
    expect(clusters.map((c) => c.count)).toEqual([12, 1]);
    const [big, lone] = clusters;
    expect(big.x).toBeCloseTo(50, 0);
    expect(big.y).toBeCloseTo(40, 0);
    // The outline reaches past every member of its cluster.
    for (const p of crowd) expect(Math.hypot(p.x - big.x, p.y - big.y)).toBeLessThan(big.r);
    expect(lone).toMatchObject({ x: 10, y: 10, count: 1 });
  });

  test("a chain of cells each within the link distance of the next is one cluster, however long", () => {
    const chain = Array.from({ length: 20 }, (_, i) => ({ x: i * 3.5, y: 0 }));
    expect(clusterPoints(chain, 4).map((c) => c.count)).toEqual([20]);
    // Just past the link distance, the same cells stand alone.
    expect(clusterPoints(chain, 3).length).toBe(20);
  });

  test("cells in neighbouring grid buckets but near each other are joined", () => {
    // 3.9 and 4.1 fall in different buckets of a 4-voxel grid.
    expect(clusterPoints([{ x: 3.9, y: 3.9 }, { x: 4.1, y: 4.1 }], 4).map((c) => c.count)).toEqual([2]);
  });
});
