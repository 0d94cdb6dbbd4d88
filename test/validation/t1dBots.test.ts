// The Treg bot in type 1 diabetes, where it sits Tregs on the dendritic cells: alone (every other seat empty) it keeps
// more islet tissue than no Treg play (day 4, medians over three seeds). Bots act only through checked commands queued
// into world.pending (botRound.ts). Viral rounds with bots: viralBots.test.ts; tumours: tumourBots.test.ts.

import { describe, expect, test } from "vitest";
import { botRound } from "./botRound.ts";
import { median } from "./harness.ts";

/** Tissue damage at the end of a 4-day type 1 diabetes round, the Treg seat a hard bot or nobody's. */
function damage(seed: number, tregBot: boolean): number {
  const w = botRound({ scenarioId: "t1d", days: 4, seed, difficulty: "hard", roles: tregBot ? ["treg"] : [] });
  return w.history.at(-1)!.values["tissue.damage"];
}

describe("bots over seeds", () => {
  test("t1d: the Treg bot keeps more islet tissue than no Treg play", () => {
    const seeds = [1, 2, 3];
    const none = seeds.map((s) => damage(s, false));
    const treg = seeds.map((s) => damage(s, true));
    console.log("t1d day 4, tissue damage, no Treg play:", JSON.stringify(none), "\nhard Treg bot:", JSON.stringify(treg));
    expect(median(treg)).toBeLessThan(median(none));
  });
});
