// Bots in a viral infection, every seat a bot, over several seeds (each round run once and read at the days the tests
// ask: viralBotRounds.ts). Directions and floors only, so a change to the model's numbers does not break them without
// a reason.
// - The Treg bot plays its role where a class can see it (issue 12): over the first 1.25 days (the response building,
//   before the first divisions) Tregs take a share of the captured IL-2 well above their share of the cells that
//   capture it (median over seeds ≥ 1.5×: a sink takes more than its number; with the old parking bot the medians were
//   0.6-1.2×, and Tregs took 1-2% of the round's IL-2), at every difficulty;
// - the team still wins with the Treg bot in play: hard bots clear the infection in every seed, normal bots in most;
// - hard bots hold the infection better than easy ones: lower peak threat and tissue damage by day 4 (medians over five
//   seeds).
// Tumours under hard bots: tumourBots.test.ts; the Treg bot in type 1 diabetes: t1dBots.test.ts.

import { describe, expect, test } from "vitest";
import { DIFFICULTIES } from "../../shared/sim/index.ts";
import { tregCaptureShareOf } from "./botRound.ts";
import { median, report } from "./harness.ts";
import { viralRoundAt } from "./viralBotRounds.ts";

const SEEDS = [1, 2, 3];

describe("the Treg bot competes for IL-2 where it is made", () => {
  test.each(DIFFICULTIES)("%s: Tregs take more of the IL-2 than their number while the response builds", (difficulty) => {
    const ratios = SEEDS.map((seed) => {
      const r = viralRoundAt(difficulty, seed, 1.25), v0 = r.first;
      const head = v0["count.treg"] / (v0["count.cd4"] + v0["count.cd8"] + v0["count.treg"] + v0["count.nk"]);
      return tregCaptureShareOf(r.values) / head;
    });
    report(`Treg bot ${difficulty}, viral day 1.25: Treg share of captured IL-2 / Treg share of capturing cells`, Object.fromEntries(ratios.map((r, k) => [`seed${SEEDS[k]}`, r])));
    expect(median(ratios)).toBeGreaterThanOrEqual(1.5);
  });
});

describe("with the Treg bot in play the team still wins", () => {
  test("viral: hard bots clear the infection in every seed, normal bots in most", () => {
    const outcomes = (difficulty: "hard" | "normal") => SEEDS.map((seed) => viralRoundAt(difficulty, seed).outcome);
    const hard = outcomes("hard"), normal = outcomes("normal");
    console.log(`[validation] viral with bots: hard ${hard.join(", ")}; normal ${normal.join(", ")}`);
    expect(hard.every((o) => o === "cleared")).toBe(true);
    expect(normal.filter((o) => o === "cleared").length).toBeGreaterThan(SEEDS.length / 2);
  });
});

describe("bots over seeds", () => {
  test("viral: hard bots hold the infection better than easy bots", () => {
    const seeds = [1, 2, 3, 4, 5];
    const byDay4 = (difficulty: "hard" | "easy") => seeds.map((seed) => {
      const r = viralRoundAt(difficulty, seed, 4);
      return { outcome: r.outcome, damage: r.values["tissue.damage"], threat: r.values["threat.burden"], peak: r.peakThreat };
    });
    const hard = byDay4("hard"), easy = byDay4("easy");
    console.log("viral day 4, hard:", JSON.stringify(hard), "\neasy:", JSON.stringify(easy));
    expect(median(hard.map((r) => r.peak))).toBeLessThan(median(easy.map((r) => r.peak)));
    expect(median(hard.map((r) => r.damage))).toBeLessThan(median(easy.map((r) => r.damage)));
  });
});
