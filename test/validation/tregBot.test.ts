// The Treg bot plays its role where a class can see it (issue 12): Tregs compete for IL-2 where the helpers make it,
// at every difficulty, and the team still does its job. Measured in bot rounds of the pure model, as the room runs them:
// - the sink: over the first 1.25 days (the response building, before the first divisions) Tregs take a share of the
//   captured IL-2 well above their share of the cells that capture it (median over seeds ≥ 1.5×: a sink takes more
//   than its number; with the old parking bot the medians were 0.6-1.2×, and Tregs took 1-2% of the round's IL-2);
// - the team still wins: hard bots clear the viral infection in every seed, normal bots in most; melanoma and renal
//   cancer shrink under hard bots (final threat below the start). Type 1 diabetes, where the bot sits Tregs on the
//   dendritic cells, is checked by bots.test.ts (more islet tissue kept than with no Treg play).
// Directions and floors only, so a change to the model's numbers does not break them without a reason.

import { describe, expect, test } from "vitest";
import { DIFFICULTIES } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { botRound, tregCaptureShare } from "./botRound.ts";
import { median, report } from "./harness.ts";

const SEEDS = [1, 2, 3];

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

  test.each([["melanoma", SEEDS], ["rcc", [1, 2]]] as const)("%s: the tumour shrinks under hard bots", (id, seeds) => {
    const ratios = seeds.map((seed) => {
      const w = botRound({ scenarioId: id, days: SCENARIOS[id].days, seed, difficulty: "hard" });
      return w.history.at(-1)!.values["threat.burden"] / w.history[0].values["threat.burden"];
    });
    report(`${id} hard bots: final threat / start`, Object.fromEntries(ratios.map((r, k) => [`seed${seeds[k]}`, r])));
    expect(median(ratios)).toBeLessThan(1);
  });
});
