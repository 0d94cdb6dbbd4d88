// The class's live charts sample by simulated time (client/src/classroom/liveChart.ts): one sample per step of the
// round's length over the samples kept, whatever the speed or the patch rate; a paused round adds none.

import { describe, expect, test } from "vitest";
import { sampleDue, sampleStepDays } from "../../client/src/classroom/liveChart.ts";
import { HISTORY_MAX_POINTS } from "../../shared/net/classroom.ts";

describe("live chart sampling", () => {
  test("the step spreads the round over the samples kept", () => {
    expect(sampleStepDays(6)).toBeCloseTo(6 / HISTORY_MAX_POINTS);
    expect(sampleStepDays(0)).toBeGreaterThan(0); // a round of unknown length still samples
  });

  test("the first sample is always taken; a paused round (the same day) adds none", () => {
    expect(sampleDue(-1, 0.2, 6)).toBe(true);
    expect(sampleDue(0.2, 0.2, 6)).toBe(false);
  });

  test("a full round at patch rate yields at most the samples kept, at any speed", () => {
    for (const daysPerPatch of [0.0005, 0.004, 0.03]) { // speed 1 to beyond 8
      let last = -1, n = 0;
      for (let day = daysPerPatch; day <= 6 && n <= 2 * HISTORY_MAX_POINTS; day += daysPerPatch) {
        if (sampleDue(last, day, 6)) { last = day; n++; }
      }
      expect(n).toBeLessThanOrEqual(HISTORY_MAX_POINTS + 1);
      expect(n).toBeGreaterThan(Math.min(HISTORY_MAX_POINTS, 6 / daysPerPatch) / 2);
    }
  });
});
