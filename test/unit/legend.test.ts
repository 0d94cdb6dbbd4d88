// The side panel's legend names the shapes this round's scenario can show: a viral round lists infected cells and no
// tumour cells, a tumour round no infected cells, the islet scenario islet cells and no ordinary tissue cells, and an
// unknown scenario every shape.

import { describe, expect, test } from "vitest";
import { legendTypes } from "../../client/src/ui/legend.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";

describe("the legend's cell shapes", () => {
  test("follow the scenario", () => {
    const viral = legendTypes(SCENARIOS.viral);
    expect(viral).toContain("infected");
    expect(viral).not.toContain("tumour");
    expect(viral).not.toContain("tumourHidden");
    expect(viral).not.toContain("islet");
    const melanoma = legendTypes(SCENARIOS.melanoma);
    expect(melanoma).toEqual(expect.arrayContaining(["tumour", "tumourHidden"]));
    expect(melanoma).not.toContain("infected");
    const t1d = legendTypes(SCENARIOS.t1d);
    expect(t1d).toContain("islet");
    expect(t1d).not.toContain("tissue");
    expect(t1d).not.toContain("infected");
    for (const id of Object.keys(SCENARIOS)) expect(legendTypes(SCENARIOS[id])).toContain("treg");
    expect(legendTypes(undefined).length).toBeGreaterThan(viral.length);
  });
});
