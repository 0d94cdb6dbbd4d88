// The keys for zoom, the microscope and keyboard picking (client/src/play/viewKeys.ts, keyboardPick.ts): none clashes
// with a command key, and Space/A pick the player's own cells only.

import { describe, expect, test } from "vitest";
import { ABILITY_KEYS, RELEASE_KEY, SQUAD_KEYS } from "../../client/src/play/controls.ts";
import { boxInView, nearestOwnCell, ownCellsInView, togglePicked } from "../../client/src/play/keyboardPick.ts";
import { fitWorld } from "../../client/src/play/layout.ts";
import { VIEW_KEYS, viewAction } from "../../client/src/play/viewKeys.ts";
import { viewFit, wholeTissue, zoomAbout } from "../../client/src/play/zoomView.ts";

const press = (key: string, mods: Partial<KeyboardEvent> = {}) => viewAction({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe("view keys", () => {
  test("+, =, −, 0, M, Space and A do their thing, in either case; chords with Ctrl stay the browser's", () => {
    expect(press("+")).toBe("zoomIn");
    expect(press("=")).toBe("zoomIn");
    expect(press("-")).toBe("zoomOut");
    expect(press("0")).toBe("whole");
    expect(press("M")).toBe("microscope");
    expect(press(" ")).toBe("togglePick");
    expect(press("a")).toBe("pickInView");
    expect(press("+", { ctrlKey: true })).toBeNull();
    expect(press("r")).toBeNull();
  });
  test("no view key is a squad, ability, release, arrow, Enter or Escape key", () => {
    const taken = new Set<string>([...SQUAD_KEYS, ...Object.keys(ABILITY_KEYS), RELEASE_KEY, "Enter", "Escape", "ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"]);
    for (const keys of Object.values(VIEW_KEYS)) for (const k of keys) expect(taken.has(k), k).toBe(false);
  });
});

describe("keyboard picking", () => {
  const cells = [
    { id: 1, x: 10, y: 10, squad: 1, type: 0 },
    { id: 2, x: 12, y: 10, squad: 1, type: 0 },
    { id: 3, x: 11, y: 11, squad: 2, type: 1 },
    { id: 4, x: 100, y: 80, squad: 1, type: 0 },
    { id: 5, x: 10.5, y: 10, squad: 0, type: 6 }, // tissue: nobody's
  ];
  test("Space finds your own nearest cell, not the tissue or another player's", () => {
    expect(nearestOwnCell(cells, 10.4, 10, 4, [1])?.id).toBe(1);
    expect(nearestOwnCell(cells, 11, 11.2, 4, [1])?.id).not.toBe(3);
    expect(nearestOwnCell(cells, 50, 50, 4, [1])).toBeNull();
  });
  test("Space on a picked cell unpicks it; on another adds it", () => {
    expect(togglePicked([1], 2)).toEqual([1, 2]);
    expect(togglePicked([1, 2], 1)).toEqual([2]);
  });
  test("A picks your cells in view: zoomed on the top-left corner it leaves out the far cell; a picked squad narrows it", () => {
    const base = fitWorld(1366, 768, 128, 96);
    expect(ownCellsInView(cells, boxInView(base, base), [1, 2], null)).toEqual([1, 2, 3, 4]);
    const near = viewFit(base, zoomAbout(base, wholeTissue(base), 4, base.x, base.y));
    expect(ownCellsInView(cells, boxInView(base, near), [1, 2], null)).toEqual([1, 2, 3]);
    expect(ownCellsInView(cells, boxInView(base, near), [1, 2], 2)).toEqual([3]);
  });
});
