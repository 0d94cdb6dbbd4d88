// Case "Treg depletion breaks tolerance" (Kim 2007 Nat Immunol, Foxp3-DTR; IPEX and scurfy): islet tissue whose
// dendritic cells show a weak self-antigen (`selfAntigenStrength`), with helpers and self-reactive killers among them.
// With Tregs (15% of the CD4 cells) the weak response stays small and little islet tissue is lost; without them the
// self-reactive killers expand several-fold and destroy several times more islet cells.

import { describe, expect, test } from "vitest";
import { median, metricAt, patch, peakOf, report, run, SEEDS } from "./harness.ts";

const SIZE = 48, DAYS = 5;
const SPOTS = [[0.3, 0.3], [0.7, 0.7], [0.3, 0.7]];

function islets(tregShare: number, seed: number) {
  const w = run({
    scenario: patch({
      size: SIZE, tissue: { kind: "islet", spacing: 2 }, threat: { kind: "self", sites: [] },
      populations: [
        // dendritic cells without a strength of their own show the scenario's antigen: here the self-antigen
        ...SPOTS.map(([fx, fy]) => ({ type: "dendritic" as const, count: 1, placement: { kind: "cluster" as const, x: fx * SIZE, y: fy * SIZE, radius: 0 } })),
        { type: "cd4", count: 80, placement: { kind: "antigenSites", radius: 6 } },
        { type: "cd8", count: 30, placement: { kind: "antigenSites", radius: 6 } },
      ],
    }),
    params: { tregShareOfCd4: tregShare, repertoireCv: 0 },
    seed, days: DAYS,
  });
  return { killers: peakOf(w, ["count.cd8Activated"]), damage: metricAt(w, "tissue.damage", DAYS) };
}

describe("Treg depletion breaks tolerance to a weak self-antigen", () => {
  test("without Tregs: activated self-reactive killers ≥ 2× and islet damage ≥ 2.5× those with Tregs", () => {
    const measure = (share: number) => {
      const rows = Array.from({ length: SEEDS }, (_, k) => islets(share, k + 1));
      return { killers: median(rows.map((r) => r.killers)), damage: median(rows.map((r) => r.damage)) };
    };
    const withTregs = measure(0.15), without = measure(0);
    report("islets with Tregs", withTregs);
    report("islets without Tregs", without);
    expect(withTregs.damage).toBeLessThan(0.05);
    expect(without.killers).toBeGreaterThanOrEqual(2 * withTregs.killers);
    expect(without.damage).toBeGreaterThanOrEqual(2.5 * withTregs.damage);
  });
});
