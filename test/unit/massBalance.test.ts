// Mass balance of the IL-2 field: what is in the tissue now equals what was there, plus what helpers secreted and
// vessels brought in, minus what receptors internalised, decay destroyed and the background sink removed.

import { describe, expect, test } from "vitest";
import { createWorld, fieldMolecules, makeParams, step } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";

describe("IL-2 mass balance", () => {
  test("the ledger closes to within 1e-6 of the IL-2 handled, with secretion, uptake, vessels and a high dose", () => {
    const scenario = SCENARIOS.viral;
    const world = createWorld(scenario, makeParams(scenario.params), 11);
    const start = fieldMolecules(world.field);
    for (let t = 0; t < 900; t++) step(world, t === 300 ? [{ kind: "therapy", therapy: "highDose" }] : []);
    const L = world.ledger;
    const expected = start + L.secreted + L.vesselIn - L.internalised - L.decayed - L.sunk;
    const handled = L.secreted + Math.abs(L.vesselIn) + L.internalised;
    expect(L.secreted).toBeGreaterThan(0);
    expect(L.internalised).toBeGreaterThan(0);
    expect(L.vesselIn).toBeGreaterThan(0);
    expect(Math.abs(fieldMolecules(world.field) - expected) / handled).toBeLessThan(1e-6);
  });
});
