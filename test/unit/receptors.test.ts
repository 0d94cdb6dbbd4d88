// The IL-2 receptor arithmetic (shared/sim/receptors.ts, signalling.ts): CD25 pairs with CD122 at equilibrium and the
// pairs never outnumber either chain; pSTAT5 follows the number of bound receptors with each type's own sensitivity.

import { describe, expect, test } from "vitest";
import { CellFlag, CellType, createWorld, defaultParams, makeParams } from "../../shared/sim/index.ts";
import { pairedSites } from "../../shared/sim/receptors.ts";
import { boundSites, pstat5FromBound } from "../../shared/sim/signalling.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";

const P = defaultParams();

describe("CD25 pairing", () => {
  test("pairs never outnumber either chain, and none form without one of them", () => {
    for (const [a, b] of [[3800, 750], [1200, 10800], [30000, 3000], [50, 575], [0, 500], [500, 0], [1e6, 1e6]]) {
      const hi = pairedSites(a, b, P.cd25PairingSites);
      expect(hi).toBeGreaterThanOrEqual(0);
      expect(hi).toBeLessThanOrEqual(Math.min(a, b));
    }
    expect(pairedSites(0, 500, P.cd25PairingSites)).toBe(0);
  });

  test("the literature's receptor numbers give the high-affinity sites measured", () => {
    // a Treg is limited by its CD122; a CD56bright NK cell by its CD25, near the ~1,200 sites Nagler 1990 counted
    expect(pairedSites(P.tregCd25, P.tregCd122, P.cd25PairingSites)).toBeGreaterThan(0.7 * P.tregCd122);
    const bright = pairedSites(P.nkBrightCd25, P.nkBrightCd122, P.cd25PairingSites);
    expect(bright).toBeGreaterThan(800);
    expect(bright).toBeLessThan(P.nkBrightCd25);
    // an activated effector pairs almost all of its CD122
    expect(pairedSites(P.activatedCd25, P.activatedCd122, P.cd25PairingSites)).toBeGreaterThan(0.9 * P.activatedCd122);
  });
});

/** A world holding one resting cell of the named type, receptors at the type's values (no variation), and its index. */
function oneCell(name: "treg" | "cd4" | "cd8" | "nkBright" | "nkDim") {
  const nk = name === "nkBright" || name === "nkDim";
  const scenario = { ...SCENARIOS.sandbox, populations: [{ type: nk ? "nk" as const : name, count: 1, placement: { kind: "random" as const } }] };
  const w = createWorld(scenario, makeParams({ receptorCv: 0, repertoireCv: 0, tregShareOfCd4: 0, nkBrightShare: name === "nkBright" ? 1 : 0 }), 1);
  const i = Array.from(w.cells.type.subarray(0, w.cells.count)).indexOf(CellType[name]);
  return { w, i };
}

describe("pSTAT5 from the number of bound receptors", () => {
  const pstat5 = (name: Parameters<typeof oneCell>[0], pm: number, biasedPm = 0) => {
    const { w, i } = oneCell(name);
    return pstat5FromBound(w, i, boundSites(w, i, pm, biasedPm));
  };

  test("each type's EC50 falls where it was measured (Treg < CD56bright < helper < CD8, CD56dim)", () => {
    expect(pstat5("treg", 50)).toBeGreaterThan(0.5);
    expect(pstat5("treg", 5)).toBeLessThan(0.1);
    expect(pstat5("nkBright", 100)).toBeGreaterThan(0.5);
    expect(pstat5("cd4", 30)).toBeLessThan(0.1);
    expect(pstat5("cd4", 2000)).toBeGreaterThan(0.5);
    for (const name of ["cd8", "nkDim"] as const) {
      expect(pstat5(name, 300), name).toBeLessThan(0.05);
      expect(pstat5(name, 10000), name).toBeGreaterThan(0.5);
    }
  });

  test("CD122-biased IL-2 reaches cells by their CD122: NK cells answer it relatively better than Tregs do, against IL-2", () => {
    // at a level that makes Tregs half-maximal, compare the others' response under IL-2 and under the biased drug
    const biasedForHalfTreg = [30, 100, 300, 1000].find((b) => pstat5("treg", 0, b) > 0.4)!;
    expect(biasedForHalfTreg).toBeDefined();
    expect(pstat5("nkBright", 0, biasedForHalfTreg)).toBeGreaterThan(pstat5("treg", 0, biasedForHalfTreg));
  });

  test("an activated helper or killer uses the blasts' sensitivity", () => {
    const { w, i } = oneCell("cd4");
    const before = pstat5FromBound(w, i, 500);
    w.cells.flags[i] |= CellFlag.activated;
    expect(pstat5FromBound(w, i, 500)).not.toBe(before);
    expect(pstat5FromBound(w, i, w.params.pstat5HalfBoundBlast)).toBeCloseTo(0.5, 6);
  });
});
