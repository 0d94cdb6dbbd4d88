// The per-squad IL-2 tug-of-war (shared/net/il2SquadTug.ts, server/rooms/il2SquadTugSync.ts, sampled as server/rooms/model/roundTally.ts does): the window's shares
// from cumulative per-squad captures, and a class-sized viral round (squads split as for 6 effector, 3 Treg and 2 NK
// students) synced into a HUD alone, so every encoded byte is the per-squad tug's: the shares follow the RoleLedger's
// own per-squad counts, the helper squads together never beat the helpers' share of the cell-type bar, and the cost
// is printed and bounded, as il2Tug.test.ts does for the cell-type shares.

import { describe, expect, test } from "vitest";
import { Encoder } from "@colyseus/schema";
import { createWorld, makeParams, splitSquad, step, ROLES, ROLE_SQUADS, type Scenario } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { checkCommand } from "../../shared/net/commandMessage.ts";
import { createBot, observe } from "../../shared/bots/index.ts";
import { latestShares, TUG_STEP_PERMILLE, TUG_WINDOW_HOURS, windowOf } from "../../shared/net/il2Tug.ts";
import { nextSquadPermille, SQUAD_TUG_STEP_PERMILLE, squadShares, trimSamples, type SquadCaptureSample } from "../../shared/net/il2SquadTug.ts";
import { RoundTally } from "../../server/rooms/model/roundTally.ts";
import { HudState, TissueState } from "../../shared/net/TissueState.ts";
import { Il2SquadTugSync, SquadTugWindow } from "../../server/rooms/il2SquadTugSync.ts";

const sample = (day: number, values: Record<string, number>): SquadCaptureSample => ({ tick: Math.round(day * 1440), day, values });

describe("squad shares over the window", () => {
  test("shares of what every immune cell caught in the window; squads in no sample before count from zero", () => {
    const h = [sample(0, { all: 0 }), sample(0.25, { all: 100, 1: 40, 4: 10 }), sample(0.5, { all: 300, 1: 60, 4: 110, 7: 50 })];
    const s = squadShares(h);
    // window: day 0.25 → 0.5, 200 caught: squad 1 took 20, squad 4 took 100, squad 7 (new) took 50
    expect(s.get(1)).toBeCloseTo(0.1);
    expect(s.get(4)).toBeCloseTo(0.5);
    expect(s.get(7)).toBeCloseTo(0.25);
    expect(squadShares([])).toEqual(new Map());
  });

  test("a squad folded into another (its count falls) shows nothing caught, never a negative share", () => {
    const s = squadShares([sample(0, { all: 0, 5: 50 }), sample(0.3, { all: 100, 5: 0, 1: 150 })]);
    expect(s.get(5)).toBe(0);
    expect(s.get(1)).toBe(1); // bounded at the whole
  });

  test("a squad's share moves on the wire in whole percents, and reaches 0 and 100% exactly", () => {
    expect(nextSquadPermille(200, 0.205)).toBe(200);
    expect(nextSquadPermille(200, 0.21)).toBe(210);
    expect(nextSquadPermille(200, 0)).toBe(0);
    expect(nextSquadPermille(0, 0.001)).toBe(1);
    expect(nextSquadPermille(995, 1)).toBe(1000);
  });

  test("trimming keeps the newest sample and the last one at least a window before it", () => {
    const h = Array.from({ length: 60 }, (_, k) => sample(k / 24, { all: k }));
    trimSamples(h, TUG_WINDOW_HOURS);
    expect(h[0].day).toBeCloseTo((59 - TUG_WINDOW_HOURS) / 24);
    expect(h).toHaveLength(TUG_WINDOW_HOURS + 1);
    expect(windowOf(h).from).toBe(h[0]);
  });
});

describe("per-squad tug-of-war on the wire, in a class-sized round", () => {
  test("follows the ledger's per-squad counts and costs a few bytes per client per second at 8× (printed)", () => {
    const sc: Scenario = { ...SCENARIOS.viral, days: 1 };
    const world = createWorld(sc, makeParams(sc.params), 2);
    // As ClassroomRoom splits them: 6 helper and killer clones, 3 Treg clones, 2 NK clones (squads above 4 are new).
    let next = 5;
    const clones = (n: number) => Array.from({ length: n - 1 }, () => next++);
    const [helpers, killers] = ROLE_SQUADS.effector, [nk] = ROLE_SQUADS.nk, [tregs] = ROLE_SQUADS.treg;
    const helperSquads = [helpers, ...clones(6)], killerSquads = [killers, ...clones(6)];
    splitSquad(world, helpers, helperSquads);
    splitSquad(world, killers, killerSquads);
    splitSquad(world, tregs, [tregs, ...clones(3)]);
    splitSquad(world, nk, [nk, ...clones(2)]);
    const squads = Array.from({ length: next - 1 }, (_, k) => k + 1);

    const bots = ROLES.map((r) => createBot(r, "hard", 2));
    // counted as where the model steps (model/roundTally.ts), the squads' capture sampled there and windowed in the room
    const tally = new RoundTally(), ledger = tally.ledger, tugWindow = new SquadTugWindow();
    const state = new TissueState();
    state.hud = new HudState();
    const encoder = new Encoder(state);
    encoder.discardChanges();
    const sync = new Il2SquadTugSync();
    // the ledger's own all-time count per squad at every model sample, for a second opinion on the window
    const ledgerSamples: SquadCaptureSample[] = [];
    let seen = 0;
    const speed = 8, ticksPerPatch = 2 * speed, patchesPerSecond = 10;
    let bytes = 0, patches = 0, nonEmpty = 0, checked = 0;
    while (world.outcome === "ongoing") {
      for (let k = 0; k < ticksPerPatch && world.outcome === "ongoing"; k++) {
        for (const b of bots) {
          if (world.tick % b.thinkEveryTicks) continue;
          for (const p of b.decide(observe(world, b.role))) {
            const r = checkCommand(p);
            if (r.ok) world.pending.push(r.command);
          }
        }
        const counted = tally.after(world, step(world));
        if (counted.squadSample) tugWindow.add(counted.squadSample);
        if (world.history.length !== seen) {
          seen = world.history.length;
          const values: Record<string, number> = {};
          for (const sq of squads) values[sq] = ledger.captured(world, sq);
          ledgerSamples.push({ tick: world.tick, day: world.history[seen - 1].day, values });
        }
      }
      sync.sync(state.hud, tugWindow);
      const patch = encoder.encode();
      bytes += patch.byteLength;
      if (patch.byteLength) nonEmpty++;
      encoder.discardChanges();
      patches++;

      // Every few patches once IL-2 flows: the synced shares against the ledger's counts over the same window.
      if (patches % 5 !== 0 || state.hud.il2Squads.size === 0) continue;
      const { from, to } = windowOf(ledgerSamples);
      const types = latestShares(world.history)!;
      const took = new Map(squads.map((sq) => [sq, Math.max(0, to!.values[sq] - (from?.values[sq] ?? 0))]));
      const sumTook = [...took.values()].reduce((a, b) => a + b, 0);
      if (sumTook <= 0) continue;
      // Relative sizes agree with the ledger (the synced shares are of every immune cell's catch, the ledger's of squads').
      const synced = (sq: number) => (state.hud.il2Squads.get(String(sq)) ?? 0) / 1000;
      const syncedSum = squads.reduce((a, sq) => a + synced(sq), 0);
      for (const sq of squads) {
        expect(Math.abs(synced(sq) / Math.max(syncedSum, 1e-9) - took.get(sq)! / sumTook), `squad ${sq} on day ${to!.day.toFixed(2)}`)
          .toBeLessThanOrEqual(0.03);
      }
      // The helper squads together caught no more than all the helpers did (the cell-type bar), to the wire's step.
      const helperSum = helperSquads.reduce((a, sq) => a + synced(sq), 0);
      expect(helperSum).toBeLessThanOrEqual(types.cd4 + helperSquads.length * SQUAD_TUG_STEP_PERMILLE / 1000 + TUG_STEP_PERMILLE / 1000 + 1e-9);
      expect(syncedSum).toBeLessThanOrEqual(1 + squads.length * SQUAD_TUG_STEP_PERMILLE / 1000);
      checked++;
    }
    const perSecond = bytes / (patches / patchesPerSecond);
    console.log(`[il2SquadTug] viral, ${squads.length} squads (6 effector, 3 Treg, 2 NK clones), hard bots, 1 day at ${speed}x: ${bytes} B in ${patches} patches (${nonEmpty} carried a change): ${perSecond.toFixed(1)} B/s per client`);
    expect(checked).toBeGreaterThan(5);
    expect(state.hud.il2Squads.size).toBeGreaterThan(10);
    expect(helperSquads.some((sq) => (state.hud.il2Squads.get(String(sq)) ?? 0) > 0)).toBe(true);
    // small: under 150 bytes a second at the fastest speed (about 100 measured for 17 squads) (a viral room's cells cost tens of KB/s)
    expect(perSecond).toBeLessThan(150);
  }, 240_000);
});
