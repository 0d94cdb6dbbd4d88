// The microscope (shared/net/inspect.ts): a live cell's numbers match the world's arrays, dead or unknown ids are
// not found, and every Why code has a plain sentence for every cell type.

import { describe, expect, test } from "vitest";
import { CELL_TYPE_NAMES, CellFlag, CellType, Why, createWorld, makeParams, step } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { CD132_TEXT, WHY_NAMES, findCell, inspectCell, whyText } from "../../shared/report/inspect.ts";

function viralWorld(ticks: number) {
  const sc = SCENARIOS.viral;
  const w = createWorld(sc, makeParams(sc.params), 3);
  for (let k = 0; k < ticks; k++) step(w);
  return w;
}

describe("inspectCell", () => {
  const w = viralWorld(150);
  const c = w.cells;

  test("finds a live helper by id and reports the world's numbers, rounded", () => {
    let i = -1;
    for (let k = 0; k < c.count; k++) if (c.type[k] === CellType.cd4 && c.flags[k] & CellFlag.activated && !(c.flags[k] & CellFlag.dead)) { i = k; break; }
    expect(i).toBeGreaterThanOrEqual(0);
    const r = inspectCell(w, c.id[i]);
    expect(r.found).toBe(true);
    expect(r.cellId).toBe(c.id[i]);
    expect(r.type).toBe("cd4");
    expect(r.label).toBe("CD4 helper T cell");
    expect(r.squad).toBe(c.squad[i]);
    expect(r.x).toBeCloseTo(c.x[i], 1);
    expect(r.y).toBeCloseTo(c.y[i], 1);
    expect(r.cd25).toBe(Math.round(c.cd25[i]));
    expect(r.cd122).toBe(Math.round(c.cd122[i]));
    expect(r.highAffinitySites).toBeLessThanOrEqual(r.cd122!);
    expect(r.cd132).toBeUndefined();
    expect(r.cd132Text).toBe(CD132_TEXT);
    expect(r.capturedIl2).toBe(Math.round(c.captured[i]));
    expect(r.pstat5).toBeCloseTo(c.pstat5[i], 3);
    expect(r.signal).toBeCloseTo(c.signal[i], 3);
    expect(r.generation).toBe(c.divisions[i]);
    expect(r.activated).toBe((c.flags[i] & CellFlag.activated) !== 0);
    expect(r.why).toBe(WHY_NAMES[c.why[i]]);
    expect(r.whyText!.length).toBeGreaterThan(20);
  });

  test("finds every live cell at its own index by binary search", () => {
    for (let k = 0; k < c.count; k += 97) expect(findCell(w, c.id[k])).toBe(c.flags[k] & CellFlag.dead ? -1 : k);
  });

  test("an activated helper reports its divisions left; a Treg does not (its divisions are not counted down)", () => {
    let helper = -1, treg = -1;
    for (let k = 0; k < c.count; k++) {
      if (helper < 0 && c.type[k] === CellType.cd4 && c.flags[k] & CellFlag.activated) helper = k;
      if (treg < 0 && c.type[k] === CellType.treg) treg = k;
    }
    expect(helper).toBeGreaterThanOrEqual(0);
    expect(inspectCell(w, c.id[helper]).divisionsLeft).toBe(c.autoDivisions[helper] + c.il2Divisions[helper]);
    expect(inspectCell(w, c.id[treg]).divisionsLeft).toBeUndefined();
  });

  test("a tissue cell has no receptor numbers", () => {
    const k = findCell(w, c.id[0]);
    expect(c.type[k]).toBe(CellType.tissue);
    const r = inspectCell(w, c.id[k]);
    expect(r.found).toBe(true);
    expect(r.cd25).toBeUndefined();
    expect(r.whyText).toMatch(/tissue/);
  });

  test("a dead cell and ids that never existed are not found", () => {
    const w2 = viralWorld(5);
    const k = 10;
    const id = w2.cells.id[k];
    expect(inspectCell(w2, id).found).toBe(true);
    w2.cells.flags[k] |= CellFlag.dead;
    expect(inspectCell(w2, id)).toEqual({ cellId: id, found: false });
    expect(inspectCell(w2, w2.nextId + 5).found).toBe(false);
    expect(inspectCell(w2, 0).found).toBe(false);
  });
});

describe("whyText", () => {
  const numbers = { pstat5: 0.42, signal: 0.03, capturedIl2: 1234.5, generation: 3, kills: 2, activated: true, antigenShown: 0.8 };

  test("every Why code has a sentence for every cell type, activated or not", () => {
    for (const [name, code] of Object.entries(Why)) {
      expect(WHY_NAMES[code]).toBe(name);
      for (const type of CELL_TYPE_NAMES) {
        for (const activated of [true, false]) {
          const text = whyText(code, type, { ...numbers, activated });
          expect(text.length, `${name} ${type}`).toBeGreaterThan(10);
          expect(text).not.toMatch(/undefined|NaN/);
        }
      }
    }
  });

  test("sentences speak to the cell type and quote its numbers", () => {
    expect(whyText(Why.starving, "cd8", numbers)).toMatch(/Starving.*3%.*activated T cell dies/);
    expect(whyText(Why.suppressing, "treg", numbers)).toMatch(/high-affinity receptor.*less for the helpers/);
    expect(whyText(Why.killing, "nkDim", numbers)).toMatch(/42%/);
    expect(whyText(Why.dividing, "cd4", numbers)).toMatch(/division 3/);
    expect(whyText(Why.starving, "treg", numbers)).not.toEqual(whyText(Why.starving, "cd8", numbers));
  });
});
