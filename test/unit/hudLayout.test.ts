// The tissue's fit below a top bar taller than HUD_TOP_PX (phones, where the bar wraps onto several rows:
// client/src/play/hudInset.ts passes its bottom edge to fitWorld).

import { describe, expect, test } from "vitest";
import { BOTTOM_PANEL_SHARE, fitWorld, HUD_TOP_PX } from "../../client/src/play/layout.ts";

describe("fitWorld under a taller top bar", () => {
  test("without a bar height it keeps HUD_TOP_PX, as before", () => {
    expect(fitWorld(375, 667, 128, 96)).toEqual(fitWorld(375, 667, 128, 96, HUD_TOP_PX));
  });

  test("a 141 px bar on a 320 × 568 phone: the tissue starts below it and ends above the bottom panel", () => {
    const f = fitWorld(320, 568, 128, 96, 141);
    expect(f.y).toBeGreaterThanOrEqual(141);
    expect(f.y + f.height).toBeLessThanOrEqual(568 * (1 - BOTTOM_PANEL_SHARE) + 1);
    expect(f.width).toBeGreaterThan(200); // still most of the phone's width
  });

  test("a taller bar never makes the tissue bigger", () => {
    const at = (top: number) => fitWorld(390, 844, 128, 96, top).scale;
    expect(at(200)).toBeLessThanOrEqual(at(120));
    expect(at(120)).toBeLessThanOrEqual(at(HUD_TOP_PX));
  });
});
