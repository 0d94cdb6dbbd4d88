// Where the Treg bot puts Tregs in an infection: round the groups of switched-on helpers that make IL-2 (not parked far
// away, and not on the dendritic cell itself), at every difficulty. The IL-2 they then take is measured over seeds in
// test/validation/viralBots.test.ts.

import { describe, expect, test } from "vitest";
import { createWorld, makeParams, DIFFICULTIES, type Difficulty, type Role, type Scenario } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { Round } from "../../shared/round/index.ts";
import { createBot, observe } from "../../shared/bots/index.ts";
import { il2Sources, ringAround } from "../../shared/bots/il2Sources.ts";

/** Median distance (voxels) from the Treg squad's cells to the nearest switched-on helper, after `days` of bots. */
function tregDistanceToHelpers(difficulty: Difficulty, roles: Role[], days = 0.5): number {
  const sc: Scenario = { ...SCENARIOS.viral, days: 1 };
  const round = new Round(createWorld(sc, makeParams(sc.params), 1));
  const w = round.world;
  for (const role of roles) round.bots.seatBot(createBot(role, difficulty, 8));
  while (w.tick < days * 1440) round.tick(); // the bots' turn, then the step, as the room plays it
  const obs = observe(w, "treg");
  const helpers = obs.cells.filter((c) => c.type === "cd4" && c.activated);
  const d = obs.cells.filter((c) => c.type === "treg" && c.squad === 4)
    .map((t) => Math.min(...helpers.map((h) => Math.hypot(h.x - t.x, h.y - t.y))))
    .sort((a, b) => a - b);
  return d[d.length >> 1];
}

describe("the Treg bot in an infection", () => {
  test("finds where IL-2 is made: switched-on helper groups, else the dendritic cells", () => {
    const sc: Scenario = { ...SCENARIOS.viral, days: 1 };
    const w = createWorld(sc, makeParams(sc.params), 1);
    const before = il2Sources(observe(w, "treg"));
    const dcs = observe(w, "treg").cells.filter((c) => c.type === "dendritic");
    expect(before.length).toBeGreaterThan(0);
    for (const g of before) expect(dcs.some((d) => Math.hypot(d.x - g.x, d.y - g.y) < 12)).toBe(true);
    const ring = ringAround({ x: 1, y: 50 }, 5, 6, 128, 96);
    expect(ring).toHaveLength(6);
    for (const p of ring) expect(p.x).toBeGreaterThanOrEqual(0); // kept on the grid
  });

  test.each(DIFFICULTIES)("%s: Tregs gather near the helpers making IL-2, much nearer than when nobody commands them", (difficulty) => {
    const played = tregDistanceToHelpers(difficulty, ["effector", "treg"]);
    const alone = tregDistanceToHelpers(difficulty, ["effector"]);
    console.log(`[treg bot] ${difficulty}: Tregs' median distance to a switched-on helper ${played.toFixed(1)} voxels (no Treg play: ${alone.toFixed(1)})`);
    expect(played).toBeLessThan(alone / 2);
    expect(played).toBeLessThan(15);
  }, 120_000);
});
