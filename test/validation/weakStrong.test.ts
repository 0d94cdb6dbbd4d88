// Case "Tregs brake weak responses, not strong ones" (Busse 2010; Baecher-Allan 2002; Tkach 2014): helpers and killers
// primed at dendritic cells showing weak (0.3) or strong (1) antigen, with Tregs (a fifth of the CD4 cells) or none.
// Tregs hold back the weak response much more than the strong one: strong antigen switches CD25 on by itself and
// overrides the loss of costimulation, while a weak response needs IL-2 that Tregs take.

import { describe, expect, test } from "vitest";
import { dendriticSites, median, patch, peakOf, report, run, SEEDS } from "./harness.ts";

const HELPERS = 60, KILLERS = 40, TREGS = 15;

function peakEffectors(strength: number, tregs: number, seed: number): number {
  const w = run({
    scenario: patch({
      size: 48,
      populations: [
        ...dendriticSites(48, 3, strength),
        { type: "cd4", count: HELPERS, placement: { kind: "antigenSites", radius: 5 } },
        { type: "treg", count: tregs, placement: { kind: "antigenSites", radius: 5 } },
        { type: "cd8", count: KILLERS, placement: { kind: "antigenSites", radius: 6 } },
      ],
    }),
    params: { tregShareOfCd4: 0, repertoireCv: 0 },
    seed, days: 4,
  });
  return peakOf(w, ["count.cd4Activated", "count.cd8Activated"]);
}

describe("Tregs brake weak responses more than strong ones", () => {
  test("suppression by Tregs at weak antigen ≥ 30% and ≥ 1.5× that at strong antigen", () => {
    const suppression = (strength: number) => {
      const none = median(Array.from({ length: SEEDS }, (_, k) => peakEffectors(strength, 0, k + 1)));
      const withTregs = median(Array.from({ length: SEEDS }, (_, k) => peakEffectors(strength, TREGS, k + 1)));
      report(`antigen strength ${strength}, peak effectors`, { none, withTregs });
      return 1 - withTregs / none;
    };
    const weak = suppression(0.3), strong = suppression(1);
    report("suppression by Tregs", { weak, strong });
    expect(weak).toBeGreaterThanOrEqual(0.3);
    expect(weak).toBeGreaterThanOrEqual(1.5 * strong);
  });
});
