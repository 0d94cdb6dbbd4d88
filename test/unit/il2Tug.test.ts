// The IL-2 tug-of-war on the wire and on screen: shares over the last hours from the model's cumulative capture
// metrics, quantized with a step so they cost few bytes, the words (never "0%" for a group that caught some), and the
// bytes per client per second the four shares add to the state patches of a bot round at full speed (printed).

import { describe, expect, test } from "vitest";
import { Encoder } from "@colyseus/schema";
import { createWorld, makeParams, ROLES, zeroValues, type MetricSample, type Scenario } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { Round } from "../../shared/round/index.ts";
import { createBot } from "../../shared/bots/index.ts";
import { TUG_GROUPS, TUG_STEP_PERMILLE, TUG_WINDOW_HOURS, latestShares, nextPermille, sharesBetween, windowOf } from "../../shared/net/il2Tug.ts";
import { HudState, TissueState } from "../../shared/net/TissueState.ts";
import { syncIl2Tug } from "../../server/rooms/il2TugSync.ts";
import { sharePercent, sharesFromHud, tugSummary, TUG_WORDS_EN } from "../../client/src/ui/il2TugWords.ts";
import { describeSituation } from "../../client/src/ui/situation.ts";

const sample = (day: number, captured: Record<string, number>): MetricSample => ({
  tick: Math.round(day * 1440), day,
  values: { ...zeroValues(), ...Object.fromEntries(Object.entries(captured).map(([k, v]) => [`il2.captured.${k}`, v])) },
});

describe("IL-2 tug-of-war shares", () => {
  test("shares are of what was captured inside the window, NK cells of both kinds together, and add up to 1", () => {
    const h = [
      sample(0, { cd4: 0, cd8: 0, treg: 0, nkBright: 0, nkDim: 0 }),
      sample(0.5, { cd4: 1000, cd8: 0, treg: 0, nkBright: 0, nkDim: 0 }),
      sample(1, { cd4: 1100, cd8: 100, treg: 600, nkBright: 100, nkDim: 100 }),
    ];
    const s = latestShares(h)!;
    // the window (6 h) starts after day 0.5: only the last step counts
    expect(TUG_WINDOW_HOURS).toBeLessThan(12);
    expect(s.treg).toBeCloseTo(0.6, 9);
    expect(s.nk).toBeCloseTo(0.2, 9);
    expect(TUG_GROUPS.reduce((a, g) => a + s[g], 0)).toBeCloseTo(1, 9);
    // a round younger than the window counts from its start
    const young = [h[0], sample(0.1, { cd4: 50, cd8: 0, treg: 50, nkBright: 0, nkDim: 0 })];
    expect(windowOf(young).from).toBeUndefined();
    expect(latestShares(young)!.treg).toBeCloseTo(0.5, 9);
    expect(windowOf(h.slice(0, 2)).from).toBe(h[0]);
    expect(latestShares([])).toBeUndefined();
    expect(Object.values(sharesBetween(h[0], h[0]))).toEqual([0, 0, 0, 0]);
  });

  test("a share is sent again only when it moves by the step, or reaches 0 or 100%", () => {
    expect(nextPermille(500, 0.502)).toBe(500);
    expect(nextPermille(500, 0.5 + TUG_STEP_PERMILLE / 1000)).toBe(500 + TUG_STEP_PERMILLE);
    expect(nextPermille(3, 0)).toBe(0);
    expect(nextPermille(0, 0.001)).toBe(1);
    expect(nextPermille(998, 1)).toBe(1000);
  });

  test("the words: whole percent, '<1%' for a little, a sentence for screen readers, and nothing caught said as such", () => {
    expect(sharePercent(0)).toBe("0%");
    expect(sharePercent(0.003)).toBe("<1%");
    expect(sharePercent(0.624)).toBe("62%");
    const hud = { il2ShareCd4: 620, il2ShareCd8: 200, il2ShareTreg: 90, il2ShareNk: 90 };
    expect(tugSummary(sharesFromHud(hud), TUG_WORDS_EN)).toBe("IL-2 tug-of-war, last 6 hours: Helper T cells 62%, Killer T cells 20%, Tregs 9%, NK cells 9%.");
    expect(sharesFromHud({ il2ShareCd4: 0, il2ShareCd8: 0, il2ShareTreg: 0, il2ShareNk: 0 })).toBeUndefined();
    expect(tugSummary(undefined, TUG_WORDS_EN)).toBe(TUG_WORDS_EN.none);
    // the screen-reader description of the situation carries the sentence once IL-2 is caught
    const figures = { day: 1, cd4: 100, cd8: 50, treg: 20, nk: 40, threat: 10, damage: 0, leak: 0, il2MeanPm: 5, il2MaxPm: 80, paused: false, outcome: "ongoing" };
    expect(describeSituation({ ...figures, il2Tug: tugSummary(sharesFromHud(hud), TUG_WORDS_EN) })).toContain("Tregs 9%");
    expect(describeSituation(figures)).not.toContain("tug-of-war");
  });
});

describe("IL-2 tug-of-war on the wire", () => {
  test("the synced shares follow the model, and add a few bytes per client per second at 8× (printed)", () => {
    const sc: Scenario = { ...SCENARIOS.viral, days: 1 };
    const round = new Round(createWorld(sc, makeParams(sc.params), 1));
    const world = round.world;
    for (const role of ROLES) round.bots.seatBot(createBot(role, "hard", 1));
    // a state holding only what the tug writes, so every encoded byte is the tug's (plus a patch's fixed header)
    const state = new TissueState();
    state.hud = new HudState();
    const encoder = new Encoder(state);
    encoder.discardChanges();
    const speed = 8, ticksPerPatch = 2 * speed, patchesPerSecond = 10;
    let bytes = 0, patches = 0, nonEmpty = 0;
    while (world.outcome === "ongoing") {
      for (let k = 0; k < ticksPerPatch && world.outcome === "ongoing"; k++) {
        round.tick(); // the bots' turn, then the step, as the room plays it
      }
      syncIl2Tug(state.hud, latestShares(world.history) ?? null);
      const patch = encoder.encode();
      bytes += patch.byteLength;
      if (patch.byteLength) nonEmpty++;
      encoder.discardChanges();
      patches++;
    }
    const perSecond = bytes / (patches / patchesPerSecond);
    console.log(`[il2Tug] viral, hard bots, 1 day at ${speed}x: ${bytes} B in ${patches} patches (${nonEmpty} carried a change): ${perSecond.toFixed(1)} B/s per client`);
    // what the clients hold matches the model's own shares to the step
    const model = latestShares(world.history)!;
    const synced = sharesFromHud(state.hud)!;
    for (const g of TUG_GROUPS) expect(Math.abs(synced[g] - model[g]), g).toBeLessThanOrEqual(TUG_STEP_PERMILLE / 1000 + 1e-9);
    expect(synced.cd4).toBeGreaterThan(0);
    // small: well under a hundred bytes a second at the fastest speed (a viral room's cells cost tens of KB/s)
    expect(perSecond).toBeLessThan(100);
  }, 180_000); // a day of the viral model with bots: slow on a loaded 2-core machine
});
