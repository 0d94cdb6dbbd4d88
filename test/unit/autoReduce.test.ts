// The rule that turns reduced effects on by itself (client/src/play/autoReduce.ts), fed with frame timestamps.

import { describe, expect, test } from "vitest";
import { FrameRateWatch } from "../../client/src/play/autoReduce.ts";

const RULE = { minFps: 20, holdSeconds: 4, warmupSeconds: 3 };

/** Feeds frames at `fps` for `seconds` from `start` (ms); returns the times at which the watch tripped, and the end. */
function run(w: FrameRateWatch, start: number, fps: number, seconds: number): { trips: number[]; end: number } {
  const trips: number[] = [];
  const step = 1000 / fps;
  let t = start;
  for (let i = 0; i < Math.round(fps * seconds); i++) {
    if (w.frame(t)) trips.push(t);
    t += step;
  }
  return { trips, end: t };
}

describe("FrameRateWatch", () => {
  test("a steady 60 fps never trips", () => {
    const w = new FrameRateWatch(RULE);
    expect(run(w, 0, 60, 60).trips).toEqual([]);
    expect(w.hasTripped).toBe(false);
  });

  test("a slow start (the warm-up) does not trip; staying slow past the warm-up trips once", () => {
    const w = new FrameRateWatch(RULE);
    const warm = run(w, 0, 5, RULE.warmupSeconds);
    expect(warm.trips).toEqual([]);
    const slow = run(w, warm.end, 5, 20);
    expect(slow.trips.length).toBe(1);
    // It takes the whole hold (less one frame) after the warm-up, and not much more.
    const afterWarmUp = slow.trips[0] - RULE.warmupSeconds * 1000;
    expect(afterWarmUp).toBeGreaterThanOrEqual(RULE.holdSeconds * 1000 - 200);
    expect(afterWarmUp).toBeLessThanOrEqual((RULE.holdSeconds + 1) * 1000);
    expect(w.hasTripped).toBe(true);
  });

  test("short dips below the minimum, separated by fast seconds, do not trip", () => {
    const w = new FrameRateWatch(RULE);
    let t = run(w, 0, 60, RULE.warmupSeconds).end;
    const trips: number[] = [];
    for (let k = 0; k < 10; k++) {
      const dip = run(w, t, 10, 2);
      const ok = run(w, dip.end, 60, 2);
      trips.push(...dip.trips, ...ok.trips);
      t = ok.end;
    }
    expect(trips).toEqual([]);
  });

  test("frames of several seconds each (a stalled page) count as slow seconds", () => {
    const w = new FrameRateWatch(RULE);
    let t = run(w, 0, 60, RULE.warmupSeconds).end;
    let tripped = false;
    for (let i = 0; i < 4 && !tripped; i++) { t += 1700; tripped = w.frame(t); }
    expect(tripped).toBe(true);
  });
});
