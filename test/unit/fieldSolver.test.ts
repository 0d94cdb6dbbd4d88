// The IL-2 field solver against theory: the 2D steady profile around one steady secretor is
// C(r) = q/(2πDh)·K₀(r/ℓ) with ℓ = √(D/k), and the field's mass balance closes to rounding error.

import { describe, expect, test } from "vitest";
import { createWorld, makeParams, pmPerMolecule, fieldMolecules, type Scenario } from "../../shared/sim/index.ts";
import { advanceField, diffuseField } from "../../shared/sim/field.ts";
import { onClock, FAST_TICK_SECONDS } from "../../server/experiment/clock.ts";

/** Modified Bessel function K₀ (Abramowitz & Stegun 9.8.5-9.8.6), relative error < 1e-7. */
function besselI0(x: number): number {
  const t = (x / 3.75) ** 2;
  return 1 + t * (3.5156229 + t * (3.0899424 + t * (1.2067492 + t * (0.2659732 + t * (0.0360768 + t * 0.0045813)))));
}
function besselK0(x: number): number {
  if (x <= 2) {
    const t = (x * x) / 4;
    return -Math.log(x / 2) * besselI0(x) - 0.57721566 + t * (0.4227842 + t * (0.23069756 + t * (0.0348859 + t * (0.00262698 + t * (0.0001075 + t * 0.0000074)))));
  }
  const t = 2 / x;
  return (Math.exp(-x) / Math.sqrt(x)) * (1.25331414 + t * (-0.07832358 + t * (0.02189568 + t * (-0.01062446 + t * (0.00587872 + t * (-0.0025154 + t * 0.00053208))))));
}

function emptyPatch(size: number): Scenario {
  return {
    id: "solver", name: "solver", summary: "empty", teacherNotes: { notice: [], tryThis: [] }, grid: { width: size, height: size }, days: 1,
    params: {}, vessels: [], tissue: { kind: "none", spacing: 2 }, threat: { kind: "none", sites: [] }, populations: [], therapies: [],
  };
}

function steadyProfile(substeps: number, tickSeconds = 60): { r: number; model: number; theory: number }[] {
  const size = 129, mid = 64, q = 10;
  const params = onClock(makeParams({ backgroundSinkPerHour: 5, diffusionSubsteps: substeps }), tickSeconds);
  const world = createWorld(emptyPatch(size), params, 1);
  const f = world.field;
  for (let k = 0; k < (3000 * 60) / tickSeconds; k++) { // 50 simulated hours
    f.source.fill(0);
    f.source[mid * size + mid] = q;
    advanceField(world, 0);
  }
  const D = params.diffusionUm2PerS, h = params.slabThicknessUm, kTot = (params.il2DecayPerHour + params.backgroundSinkPerHour) / 3600;
  const ell = Math.sqrt(D / kTot);
  const out = [];
  for (const rVox of [2, 3, 5, 8, 12, 16, 20]) {
    const rUm = rVox * 10;
    const perUm3 = (q / (2 * Math.PI * D * h)) * besselK0(rUm / ell);
    out.push({ r: rVox, model: f.c[mid * size + mid + rVox], theory: perUm3 * 1000 * pmPerMolecule(10) });
  }
  return out;
}

describe("IL-2 field solver", () => {
  test("matches the analytic K₀ profile around one steady secretor within 8% (default 4 sub-steps)", () => {
    for (const row of steadyProfile(4)) {
      expect(Math.abs(row.model / row.theory - 1), `r=${row.r} voxels: ${row.model} vs ${row.theory}`).toBeLessThan(0.08);
    }
  });

  test("on the experiment runner's 3-minute clock (sub-steps of at most 30 s) the profile also holds within 8%", () => {
    for (const row of steadyProfile(4, FAST_TICK_SECONDS)) {
      expect(Math.abs(row.model / row.theory - 1), `r=${row.r} voxels: ${row.model} vs ${row.theory}`).toBeLessThan(0.08);
    }
  });

  test("stays non-negative and stable with one huge time step", () => {
    const params = makeParams({ tickSeconds: 300, diffusionSubsteps: 1, diffusionUm2PerS: 100 });
    const world = createWorld(emptyPatch(32), params, 1);
    world.field.c[16 * 32 + 16] = 1e6;
    for (let k = 0; k < 50; k++) {
      advanceField(world, 0);
    }
    let min = Infinity, max = -Infinity;
    for (const v of world.field.c) { min = Math.min(min, v); max = Math.max(max, v); }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1e6);
  });

  test("diffusion alone conserves the IL-2 in the patch (no-flux edges)", () => {
    const world = createWorld(emptyPatch(40), makeParams(), 1);
    for (let i = 0; i < world.field.c.length; i++) world.field.c[i] = (i * 37) % 101;
    const before = fieldMolecules(world.field);
    for (let k = 0; k < 100; k++) diffuseField(world.field, 4);
    expect(Math.abs(fieldMolecules(world.field) - before) / before).toBeLessThan(1e-9);
  });
});
