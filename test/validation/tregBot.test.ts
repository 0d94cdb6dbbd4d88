// The Treg bot plays its role where a class can see it (issue 12): Tregs compete for IL-2 where the helpers make it,
// at every difficulty, and the team still does its job. Measured in bot rounds of the pure model, as the room runs them:
// - the sink: over the first 1.25 days (the response building, before the first divisions) Tregs take a share of the
//   captured IL-2 well above their share of the cells that capture it (median over seeds ≥ 1.5×: a sink takes more
//   than its number; with the old parking bot the medians were 0.6-1.2×, and Tregs took 1-2% of the round's IL-2);
// - the team still wins: hard bots clear the viral infection in every seed, normal bots in most; in patients whose
//   tumour is hot, melanoma and renal cancer shrink under hard bots (threat on day 6 below the start; a cold tumour
//   keeps the killers out, the lesson of responseRates.test.ts). Type 1 diabetes, where the bot sits Tregs on the
//   dendritic cells, is checked by bots.test.ts (more islet tissue kept than with no Treg play).
// Directions and floors only, so a change to the model's numbers does not break them without a reason.

import { describe, expect, test } from "vitest";
import { createWorld, DIFFICULTIES, makeParams } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { botRound, tregCaptureShare } from "./botRound.ts";
import { median, report } from "./harness.ts";

const SEEDS = [1, 2, 3];
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

describe("the Treg bot competes for IL-2 where it is made", () => {
  test.each(DIFFICULTIES)("%s: Tregs take more of the IL-2 than their number while the response builds", (difficulty) => {
    const ratios = SEEDS.map((seed) => {
      const w = botRound({ scenarioId: "viral", days: 1.25, seed, difficulty });
      const v0 = w.history[0].values;
      const head = v0["count.treg"] / (v0["count.cd4"] + v0["count.cd8"] + v0["count.treg"] + v0["count.nk"]);
      return tregCaptureShare(w) / head;
    });
    report(`Treg bot ${difficulty}, viral day 1.25: Treg share of captured IL-2 / Treg share of capturing cells`, Object.fromEntries(ratios.map((r, k) => [`seed${SEEDS[k]}`, r])));
    expect(median(ratios)).toBeGreaterThanOrEqual(1.5);
  });
});

describe("with the Treg bot in play the team still wins", () => {
  test("viral: hard bots clear the infection in every seed, normal bots in most", () => {
    const outcomes = (difficulty: "hard" | "normal") => SEEDS.map((seed) => botRound({ scenarioId: "viral", days: SCENARIOS.viral.days, seed, difficulty }).outcome);
    const hard = outcomes("hard"), normal = outcomes("normal");
    console.log(`[validation] viral with bots: hard ${hard.join(", ")}; normal ${normal.join(", ")}`);
    expect(hard.every((o) => o === "cleared")).toBe(true);
    expect(normal.filter((o) => o === "cleared").length).toBeGreaterThan(SEEDS.length / 2);
  });

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
