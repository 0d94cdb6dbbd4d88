// Bots, over several seeds: hard bots hold a viral infection better than easy ones (lower peak threat and tissue damage
// by day 4, medians over five seeds), and in type 1 diabetes the Treg bot alone keeps more islet tissue than no Treg
// play (day 4, medians over three seeds). Bots act only through checked commands queued into world.pending.

import { describe, expect, test } from "vitest";
import { createWorld, makeParams, step, ROLES, type Difficulty, type Role, type Scenario } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { checkCommand } from "../../shared/net/commandMessage.ts";
import { createBot, observe } from "../../shared/bots/index.ts";

const median = (v: number[]) => v.slice().sort((a, b) => a - b)[Math.floor(v.length / 2)];

/** Runs a scenario for `days` with bots in `roles` (none when difficulty is null); returns the last metrics sample. */
function run(id: string, days: number, seed: number, difficulty: Difficulty | null, roles: readonly Role[]) {
  const sc: Scenario = { ...SCENARIOS[id], days };
  const w = createWorld(sc, makeParams(sc.params), seed);
  const bots = difficulty ? roles.map((r) => createBot(r, difficulty, seed * 7 + 1)) : [];
  while (w.outcome === "ongoing") {
    for (const b of bots) {
      if (w.tick % b.thinkEveryTicks) continue;
      for (const p of b.decide(observe(w, b.role))) {
        const r = checkCommand(p);
        if (!r.ok) throw new Error(r.error);
        w.pending.push(r.command);
      }
    }
    step(w);
  }
  const v = w.history.at(-1)!.values;
  return { outcome: w.outcome, damage: v["tissue.damage"], threat: v["threat.burden"], peak: w.peakThreat };
}

describe("bots over seeds", () => {
  test("viral: hard bots hold the infection better than easy bots", () => {
    const seeds = [1, 2, 3, 4, 5];
    const hard = seeds.map((s) => run("viral", 4, s, "hard", ROLES));
    const easy = seeds.map((s) => run("viral", 4, s, "easy", ROLES));
    console.log("viral day 4, hard:", JSON.stringify(hard), "\neasy:", JSON.stringify(easy));
    expect(median(hard.map((r) => r.peak))).toBeLessThan(median(easy.map((r) => r.peak)));
    expect(median(hard.map((r) => r.damage))).toBeLessThan(median(easy.map((r) => r.damage)));
  });

  test("t1d: the Treg bot keeps more islet tissue than no Treg play", () => {
    const seeds = [1, 2, 3];
    const none = seeds.map((s) => run("t1d", 4, s, null, []));
    const treg = seeds.map((s) => run("t1d", 4, s, "hard", ["treg"]));
    console.log("t1d day 4, no Treg play:", JSON.stringify(none), "\nhard Treg bot:", JSON.stringify(treg));
    expect(median(treg.map((r) => r.damage))).toBeLessThan(median(none.map((r) => r.damage)));
  });
});
