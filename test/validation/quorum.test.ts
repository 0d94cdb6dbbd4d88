// Case "Quorum / autocrine loop" (Busse 2010; Marchingo 2014): activated helpers at one antigen site expand more the
// more of them there are (≥ 10× with 25 clustered); with IL-2 neutralised they manage no more than 2-3 divisions.

import { describe, expect, test } from "vitest";
import { median, metricMax, patch, report, run, SEEDS } from "./harness.ts";

function expansion(helpers: number, neutralised: boolean): number {
  return median(Array.from({ length: SEEDS }, (_, k) => {
    const w = run({
      scenario: patch({
        size: 48,
        populations: [
          // one antigen site: a cluster of dendritic cells, as in a lymph node's T-cell zone
          { type: "dendritic", count: 8, placement: { kind: "cluster", x: 24, y: 24, radius: 3 }, antigenStrength: 1 },
          { type: "cd4", count: helpers, placement: { kind: "cluster", x: 24, y: 24, radius: 3 }, activated: true, antigenStrength: 1 },
        ],
      }),
      params: { tregShareOfCd4: 0, il2BlockFraction: neutralised ? 1 : 0 },
      seed: k + 1, days: neutralised ? 3 : 4,
    });
    return metricMax(w, "count.cd4") / helpers;
  }));
}

describe("quorum: IL-2 makes clustered helpers expand together", () => {
  test("expansion rises with helpers per site, ≥ 10× at 25; without IL-2 at most 2-3 divisions", () => {
    const rows = [1, 5, 25].map((n) => ({ n, withIl2: expansion(n, false), neutralised: expansion(n, true) }));
    for (const r of rows) report(`helpers per site ${r.n}`, r);
    expect(rows[1].withIl2).toBeGreaterThan(rows[0].withIl2);
    expect(rows[2].withIl2).toBeGreaterThan(rows[1].withIl2);
    expect(rows[2].withIl2).toBeGreaterThanOrEqual(10);
    for (const r of rows) expect(Math.log2(r.neutralised), `divisions without IL-2 at ${r.n} helpers`).toBeLessThanOrEqual(3);
  });
});
