// The kiosk round's clock (client/src/kiosk/kioskClock.ts) against the model: with the kiosk's default settings the
// round lasts 2-3 minutes of wall-clock, and the visitor's helpers start multiplying within its first minute, whether
// the visitor gathers them at a dendritic cell or leaves them alone. Directions and floors only: if a change to the
// model moves the first divisions past the first minute, this says so.

import { describe, expect, test } from "vitest";
import { CellFlag, CellType, createWorld, makeParams, step, type Scenario } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { readConfig } from "../../client/src/kiosk/config.ts";
import { speedAt, wallSecondsAt, wallSecondsLeft } from "../../client/src/kiosk/kioskClock.ts";
import { WALL_SECONDS_PER_DAY } from "../../shared/net/roundPace.ts";

const cfg = readConfig("");

/** Simulated day at which the helper count first rises above its first sample (Infinity if it never does). */
function firstMoreHelpers(seed: number, gather: boolean): number {
  const sc: Scenario = { ...SCENARIOS[cfg.scenarioId], days: cfg.roundDays };
  const w = createWorld(sc, makeParams(sc.params), seed);
  const c = w.cells;
  let dc = -1;
  for (let i = 0; i < c.count && dc < 0; i++) if (c.type[i] === CellType.dendritic && !(c.flags[i] & CellFlag.dead)) dc = i;
  let start = -1;
  while (w.outcome === "ongoing") {
    if (gather && w.tick % 240 === 30) w.pending.push({ kind: "target", squad: 1, x: c.x[dc], y: c.y[dc] });
    step(w);
    const v = w.history.at(-1)?.values;
    if (!v) continue;
    if (start < 0) start = v["count.cd4"];
    else if (v["count.cd4"] > start) return w.history.at(-1)!.day;
  }
  return Infinity;
}

describe("the kiosk's clock", () => {
  test("the first day runs fast, the rest at speed 1; the time left adds up", () => {
    const pace = cfg.pace;
    expect(pace.fastDays).toBeGreaterThan(0);
    expect(speedAt(0, pace)).toBe(pace.fastSpeed);
    expect(speedAt(pace.fastDays, pace)).toBe(1);
    expect(wallSecondsAt(pace.fastDays, pace)).toBeCloseTo((pace.fastDays * WALL_SECONDS_PER_DAY) / pace.fastSpeed, 9);
    const total = wallSecondsAt(cfg.roundDays, pace);
    expect(wallSecondsLeft(0, cfg.roundDays, pace)).toBeCloseTo(total, 9);
    expect(wallSecondsLeft(cfg.roundDays, cfg.roundDays, pace)).toBe(0);
    // a round of the gallery's length: 2 to 3 minutes
    expect(total).toBeGreaterThanOrEqual(120);
    expect(total).toBeLessThanOrEqual(180);
    // without the fast start (fast=0 in the URL) the same days take longer
    expect(wallSecondsAt(cfg.roundDays, { ...pace, fastDays: 0 })).toBeGreaterThan(total);
  });

  test.each([false, true])("the helpers multiply within the round's first minute (gathered: %s)", (gather) => {
    const day = firstMoreHelpers(1, gather);
    console.log(`[kiosk] helpers first rise on day ${day.toFixed(2)}, ${wallSecondsAt(day, cfg.pace).toFixed(0)} s into the round (gathered: ${gather})`);
    expect(day).toBeLessThan(cfg.roundDays);
    expect(wallSecondsAt(day, cfg.pace)).toBeLessThan(60);
  }, 180_000);
});
