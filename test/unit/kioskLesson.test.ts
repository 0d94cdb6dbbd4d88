// The kiosk's one idea must hold in the model its result screen judges: on the kiosk's scenario over a visitor's
// round (readConfig's days), helpers sent together to a dendritic cell make IL-2 above GATHERED_IL2_PM, and helpers left alone do not.

import { describe, expect, test } from "vitest";
import { CellFlag, CellType, createWorld, makeParams, step, type Scenario } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { GATHERED_IL2_PM } from "../../client/src/kiosk/resultScreen.ts";
import { readConfig } from "../../client/src/kiosk/config.ts";

const kioskDefaults = readConfig("");

/** Highest IL-2 (pM) over the round, with the helpers sent to the first dendritic cell every 4 h, or left alone. */
function il2Peak(seed: number, gather: boolean): number {
  const base = SCENARIOS[kioskDefaults.scenarioId];
  const sc: Scenario = { ...base, days: kioskDefaults.roundDays };
  const w = createWorld(sc, makeParams(sc.params), seed);
  const c = w.cells;
  let dc = -1;
  for (let i = 0; i < c.count && dc < 0; i++) if (c.type[i] === CellType.dendritic && !(c.flags[i] & CellFlag.dead)) dc = i;
  const dcX = c.x[dc], dcY = c.y[dc];
  let peak = 0;
  while (w.outcome === "ongoing") {
    if (gather && w.tick % 240 === 30) w.pending.push({ kind: "target", squad: 1, x: dcX, y: dcY });
    step(w);
    const last = w.history.at(-1);
    if (last) peak = Math.max(peak, last.values["il2.maxPm"]);
  }
  return peak;
}

describe("the kiosk's lesson", () => {
  test.each([1, 2])("seed %i: gathered helpers make IL-2 above the line, helpers left alone stay below it", (seed) => {
    const alone = il2Peak(seed, false), gathered = il2Peak(seed, true);
    console.log(`[kiosk] seed ${seed}: IL-2 peak ${alone.toFixed(0)} pM alone, ${gathered.toFixed(0)} pM gathered (line ${GATHERED_IL2_PM})`);
    expect(alone).toBeLessThan(GATHERED_IL2_PM);
    expect(gathered).toBeGreaterThanOrEqual(GATHERED_IL2_PM);
  }, 180_000); // two kiosk rounds of the model: slow on a loaded 2-core machine
});
