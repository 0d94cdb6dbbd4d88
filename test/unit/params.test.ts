// Parameters as data: every one has a default inside its range, units, a description and a source; overrides
// outside the range or unknown names are refused with a message that names the parameter and what is allowed.

import { describe, expect, test } from "vitest";
import { checkParamValue, makeParams, PARAM_NAMES, PARAM_SPECS } from "../../shared/sim/index.ts";

describe("parameters", () => {
  test("every parameter has a default within its range, a description and a source", () => {
    for (const name of PARAM_NAMES) {
      const s = PARAM_SPECS[name];
      expect(s.default, name).toBeGreaterThanOrEqual(s.min);
      expect(s.default, name).toBeLessThanOrEqual(s.max);
      expect(s.description.length, name).toBeGreaterThan(10);
      expect(s.source.length, name).toBeGreaterThan(3);
    }
  });

  test("bad overrides are refused with the name, the value and the allowed range", () => {
    expect(checkParamValue("kdHighPm", 300)).toMatch(/kdHighPm.*300.*10 to 25 pM/);
    expect(checkParamValue("nope", 1)).toMatch(/unknown parameter "nope"/);
    expect(checkParamValue("diffusionSubsteps", 2.5)).toMatch(/whole number/);
    expect(() => makeParams({ kdHighPm: 300, nope: 1 })).toThrow(/kdHighPm.*; unknown parameter "nope"/);
    expect(makeParams({ kdHighPm: 12 }).kdHighPm).toBe(12);
  });
});
