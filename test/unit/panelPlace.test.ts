// The side panel's place by window shape (client/src/play/panelPlace.ts) and the tissue's fit around it
// (client/src/play/layout.ts fitWorld with the panel's real box), and the tutorial's words by input kind
// (client/src/ui/tutorialSteps.ts with client/src/ui/inputWords.ts).

import { describe, expect, test } from "vitest";
import { fitWorld, SIDE_PANEL_PX } from "../../client/src/play/layout.ts";
import { MIN_BOTTOM_SHARE, MIN_SIDE_PX, placePanel } from "../../client/src/play/panelPlace.ts";
import { tutorialSteps } from "../../client/src/ui/tutorialSteps.ts";
import { ROLES } from "../../shared/sim/roles.ts";

describe("where the side panel goes", () => {
  test("laptops and projectors: beside the tissue, 300 px", () => {
    expect(placePanel(1366, 768, 64, 128, 96)).toEqual({ mode: "side", widthPx: SIDE_PANEL_PX });
    expect(placePanel(1920, 1080, 64, 128, 96)).toEqual({ mode: "side", widthPx: SIDE_PANEL_PX });
    expect(placePanel(1024, 768, 64, 128, 96)).toEqual({ mode: "side", widthPx: SIDE_PANEL_PX });
  });

  test("a phone held sideways: beside the tissue, narrower, so the tissue gets the height", () => {
    const p = placePanel(667, 375, 80, 128, 96);
    expect(p.mode).toBe("side");
    if (p.mode === "side") { expect(p.widthPx).toBeGreaterThanOrEqual(MIN_SIDE_PX); expect(p.widthPx).toBeLessThan(SIDE_PANEL_PX); }
    const fit = fitWorld(667, 375, 128, 96, 80, { right: p.mode === "side" ? p.widthPx : 0, bottom: 0 });
    const old = fitWorld(667, 375, 128, 96, 118); // the panel below, the bar three rows: what it was
    expect(fit.scale).toBeGreaterThan(2 * old.scale);
  });

  test("upright phones and tablets: below, starting where the full-width tissue ends (no empty band)", () => {
    for (const [w, h, top] of [[390, 844, 130], [375, 667, 130], [768, 1024, 90], [820, 1180, 90]]) {
      const p = placePanel(w, h, top, 128, 96);
      expect(p.mode, `${w}x${h}`).toBe("bottom");
      if (p.mode !== "bottom") continue;
      expect(h - p.topPx, `${w}x${h}: the panel keeps its share`).toBeGreaterThanOrEqual(Math.floor(h * MIN_BOTTOM_SHARE));
      const fit = fitWorld(w, h, 128, 96, top, { right: 0, bottom: h - p.topPx });
      expect(fit.y + fit.height, `${w}x${h}: the tissue ends above the panel`).toBeLessThanOrEqual(p.topPx);
      const gap = p.topPx - (fit.y + fit.height);
      expect(gap, `${w}x${h}: at most a margin between tissue and panel`).toBeLessThanOrEqual(9);
    }
  });

  test("a tall phone gives the panel the room the tissue does not need", () => {
    const p = placePanel(390, 844, 130, 128, 96);
    expect(p.mode === "bottom" && 844 - p.topPx).toBeGreaterThan(Math.round(844 * 0.38));
  });
});

describe("the tutorial's words by input", () => {
  test("on touch screens: taps, no keys; with a mouse: clicks and keys", () => {
    for (const role of ROLES) {
      const touch = tutorialSteps(role, "touch").map((s) => s.text).join(" ");
      const mouse = tutorialSteps(role, "mouse").map((s) => s.text).join(" ");
      expect(touch, role).not.toMatch(/\bclick|\bpress\b|\bkey\b|Shift/i);
      expect(touch, role).toMatch(/\btap/i);
      expect(mouse, role).toMatch(/\bclick/i);
    }
    expect(tutorialSteps("effector", "mouse")[0].text).toContain("press 1");
    expect(tutorialSteps("effector")[0].text).toBe(tutorialSteps("effector", "mouse")[0].text);
  });
});
