// Hard bots against tumours (issue 12: the team still does its job with the Treg bot in play): in patients whose tumour
// is hot, melanoma and renal cancer shrink under hard bots (threat on day 6 below the start; a cold tumour keeps the
// killers out, the lesson of responseRates.test.ts). Measured in bot rounds of the pure model, as the room runs them.
// Directions and floors only. Viral rounds with bots: viralBots.test.ts; type 1 diabetes: t1dBots.test.ts.

import { describe, expect, test } from "vitest";
import { createWorld, makeParams } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { botRound } from "./botRound.ts";
import { median, report } from "./harness.ts";

/** Tumour rounds are judged on day 6: the course given by the hard clinician bot has worked by then. */
const TUMOUR_DAYS = 6;

/** The first `n` seeds whose patient has a hot tumour (a cold one keeps the team's killers out whatever it does). */
function hotSeeds(id: "melanoma" | "rcc", n: number): number[] {
  const sc = SCENARIOS[id], seeds: number[] = [];
  for (let seed = 1; seeds.length < n && seed <= 100; seed++) {
    if (createWorld(sc, makeParams(sc.params), seed).patient.tumourInfiltration >= 1) seeds.push(seed);
  }
  return seeds;
}

describe("with the Treg bot in play the team still wins", () => {
  test.each(["melanoma", "rcc"] as const)("%s: a hot tumour shrinks under hard bots by day 6", (id) => {
    const seeds = hotSeeds(id, 2);
    const ratios = seeds.map((seed) => {
      const w = botRound({ scenarioId: id, days: TUMOUR_DAYS, seed, difficulty: "hard" });
      return w.history.at(-1)!.values["threat.burden"] / w.history[0].values["threat.burden"];
    });
    report(`${id} hard bots, hot tumours: threat on day ${TUMOUR_DAYS} / start`, Object.fromEntries(ratios.map((r, k) => [`seed${seeds[k]}`, r])));
    expect(median(ratios)).toBeLessThan(1);
  });
});
