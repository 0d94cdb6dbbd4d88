// Patients differ (createWorld's drawPatient): each seed draws its own tumour immunogenicity, MHC-low share and
// repertoire; with no variation every patient is the parameters' own; the draws reach the tumour and its dendritic cells.

import { describe, expect, test } from "vitest";
import { CellType, createWorld, makeParams } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";

const melanoma = SCENARIOS.melanoma;
const world = (seed: number, set: Record<string, number> = {}) => createWorld(melanoma, makeParams({ ...melanoma.params, ...set }), seed);

describe("patients", () => {
  test("seeds draw different patients, and the same seed the same patient", () => {
    const patients = [1, 2, 3, 4, 5, 6].map((s) => world(s).patient);
    expect(new Set(patients.map((p) => p.tumourImmunogenicity.toFixed(4))).size).toBeGreaterThan(4);
    expect(new Set(patients.map((p) => p.repertoire.toFixed(4))).size).toBeGreaterThan(4);
    expect(world(3).patient).toEqual(patients[2]);
  });

  test("with no variation, every patient is the parameters' own", () => {
    const p = world(7, { tumourImmunogenicityCv: 0, tumourHiddenShareCv: 0, repertoireCv: 0 }).patient;
    expect(p.tumourImmunogenicity).toBeCloseTo(melanoma.params.tumourImmunogenicity, 12);
    expect(p.tumourHiddenShare).toBeCloseTo(melanoma.params.tumourHiddenShare, 12);
    expect(p.repertoire).toBe(1);
  });

  test("the patient's immunogenicity is what the tumour's dendritic cells show, and the repertoire scales the T cells placed", () => {
    const counts = (w: ReturnType<typeof world>, t: number) => Array.from(w.cells.type.subarray(0, w.cells.count)).filter((x) => x === t).length;
    for (const seed of [1, 2, 3]) {
      const w = world(seed);
      const c = w.cells;
      for (let i = 0; i < c.count; i++) if (c.type[i] === CellType.dendritic) expect(c.strength[i]).toBeCloseTo(w.patient.tumourImmunogenicity, 6);
      const cd8 = melanoma.populations.find((p) => p.type === "cd8")!.count;
      expect(counts(w, CellType.cd8)).toBe(Math.round(cd8 * w.patient.repertoire));
    }
  });

  test("a tumour is hot (lets immune cells in) in about tumourInflamedShare of patients; cold ones let them touch it only part of the time", () => {
    const reach = Array.from({ length: 200 }, (_, k) => world(k + 1).patient.tumourInfiltration);
    const share = makeParams(melanoma.params).tumourInflamedShare;
    const hot = reach.filter((r) => r === 1).length / reach.length;
    expect(Math.abs(hot - share)).toBeLessThan(0.1);
    expect(new Set(reach)).toEqual(new Set([1, makeParams(melanoma.params).tumourExcludedContact]));
    expect(world(5, { tumourInflamedShare: 1 }).patient.tumourInfiltration).toBe(1);
    expect(world(5, { tumourInflamedShare: 0, tumourExcludedContact: 0.3 }).patient.tumourInfiltration).toBe(0.3);
    // without a tumour nothing is drawn: every patient lets cells in
    const viral = SCENARIOS.viral;
    expect(createWorld(viral, makeParams({ ...viral.params, tumourInflamedShare: 0 }), 5).patient.tumourInfiltration).toBe(1);
  });
});
