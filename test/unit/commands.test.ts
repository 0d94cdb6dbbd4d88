// Commands, the one path for players and bots: a squad sent to a point gets there, a rally gathers it, abilities
// change what cells do, and commands that name nothing in this world change nothing.

import { describe, expect, test } from "vitest";
import { createWorld, makeParams, stateHash, step, Mode, type Command, type Scenario } from "../../shared/sim/index.ts";

const patch: Scenario = {
  id: "commands", name: "commands", summary: "two squads", teacherNotes: { notice: [], tryThis: [] }, grid: { width: 64, height: 64 }, days: 1,
  params: {}, vessels: [], tissue: { kind: "none", spacing: 2 }, threat: { kind: "none", sites: [] },
  populations: [
    { type: "cd8", count: 20, placement: { kind: "cluster", x: 10, y: 10, radius: 3 }, squad: 1 },
    { type: "nk", count: 20, placement: { kind: "cluster", x: 50, y: 50, radius: 3 }, squad: 2 },
  ],
  therapies: [],
};

function squadCentre(w: ReturnType<typeof createWorld>, squad: number): [number, number] {
  let x = 0, y = 0, n = 0;
  for (let i = 0; i < w.cells.count; i++) if (w.cells.squad[i] === squad) { x += w.cells.x[i]; y += w.cells.y[i]; n++; }
  return [x / n, y / n];
}

describe("commands", () => {
  test("a squad sent to a point arrives there; the other squad stays", () => {
    const w = createWorld(patch, makeParams(), 1);
    step(w, [{ kind: "target", squad: 1, x: 40, y: 30 }]);
    for (let k = 0; k < 90; k++) step(w);
    const [x, y] = squadCentre(w, 1);
    expect(Math.hypot(x - 40, y - 30)).toBeLessThan(4);
    const [x2, y2] = squadCentre(w, 2);
    expect(Math.hypot(x2 - 50, y2 - 50)).toBeLessThan(12);
  });

  test("hunt and seekIl2 switch a squad's mode; release frees it", () => {
    const w = createWorld(patch, makeParams(), 1);
    step(w, [{ kind: "ability", squad: 2, ability: "hunt" }]);
    const nk = Array.from({ length: w.cells.count }, (_, i) => i).filter((i) => w.cells.squad[i] === 2);
    expect(nk.every((i) => w.cells.mode[i] === Mode.hunt)).toBe(true);
    step(w, [{ kind: "ability", squad: 2, ability: "seekIl2" }]);
    expect(nk.every((i) => w.cells.mode[i] === Mode.seekIl2)).toBe(true);
    step(w, [{ kind: "release", squad: 2 }]);
    expect(nk.every((i) => w.cells.mode[i] === Mode.free)).toBe(true);
  });

  test("commands that name nothing here, or carry non-numbers, change nothing", () => {
    const bad: Command[] = [
      { kind: "target", squad: 99, x: 5, y: 5 },
      { kind: "target", squad: 1, x: Number.NaN, y: 5 },
      { kind: "targetCells", cellIds: [123456], x: 5, y: 5 },
      { kind: "release", squad: 42 },
    ];
    const a = createWorld(patch, makeParams(), 5), b = createWorld(patch, makeParams(), 5);
    step(a, bad);
    step(b);
    for (let k = 0; k < 20; k++) { step(a); step(b); }
    expect(stateHash(a)).toBe(stateHash(b));
  });

  test("chosen cells by id go; the rest of their squad does not", () => {
    const w = createWorld(patch, makeParams(), 2);
    const chosen = [w.cells.id[0], w.cells.id[1]];
    step(w, [{ kind: "targetCells", cellIds: chosen, x: 30, y: 10 }]);
    expect(w.cells.mode[0]).toBe(Mode.target);
    expect(w.cells.mode[2]).toBe(Mode.free);
  });
});

describe("squads from scenarios", () => {
  test("a cd4 population can give its Tregs their own squad, and scatter spreads a squad out", () => {
    const s: Scenario = { ...patch, populations: [{ type: "cd4", count: 40, placement: { kind: "cluster", x: 32, y: 32, radius: 2 }, squad: 1, tregSquad: 4 }] };
    const w = createWorld(s, makeParams({ tregShareOfCd4: 0.25 }), 1);
    const squads = new Set<number>();
    for (let i = 0; i < w.cells.count; i++) squads.add(w.cells.type[i] === 2 ? w.cells.squad[i] * 10 : w.cells.squad[i]);
    expect([...squads].sort()).toEqual([1, 40]);
    const spread = () => {
      let sum = 0;
      for (let i = 0; i < w.cells.count; i++) sum += Math.hypot(w.cells.x[i] - 32, w.cells.y[i] - 32);
      return sum / w.cells.count;
    };
    const before = spread();
    step(w, [{ kind: "ability", squad: 1, ability: "scatter" }]);
    for (let k = 0; k < 40; k++) step(w);
    expect(spread()).toBeGreaterThan(before + 5);
  });
});
