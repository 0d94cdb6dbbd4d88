// New clones arriving (inflow.ts), off by default, and helpers' IL-2 feedback on their own secretion (secretion.ts), on
// by default: with the inflow on, naive helpers appear beside dendritic cells that show antigen and nowhere else; a
// helper with no IL-2 signal keeps secreting part of its peak after the burst (as far as the feedback says), a
// signalling one the trickle (docs/model.md 2.6, 2.11).

import { describe, expect, test } from "vitest";
import { CellFlag, CellType, createWorld, makeParams, step, type World } from "../../shared/sim/index.ts";
import { secretionRate } from "../../shared/sim/secretion.ts";
import { patch } from "../validation/harness.ts";

function world(set: Record<string, number>, strength = 1): World {
  const scenario = patch({
    size: 24,
    populations: [
      { type: "dendritic", count: 1, placement: { kind: "cluster", x: 6, y: 6, radius: 0 }, antigenStrength: strength },
      { type: "dendritic", count: 1, placement: { kind: "cluster", x: 18, y: 18, radius: 0 }, antigenStrength: 0 },
    ],
  });
  return createWorld(scenario, makeParams({ tregShareOfCd4: 0, ...set }), 5);
}
const helpers = (w: World) => Array.from({ length: w.cells.count }, (_, i) => i)
  .filter((i) => w.cells.type[i] === CellType.cd4 && !(w.cells.flags[i] & CellFlag.dead));

describe("new clones arriving at antigen sites", () => {
  test("off by default: no helper ever enters", () => {
    const w = world({});
    for (let k = 0; k < 600; k++) step(w);
    expect(helpers(w)).toHaveLength(0);
  });

  test("at 2 per hour, about 2 per hour arrive beside the dendritic cell that shows antigen, none at the other", () => {
    const w = world({ helperInflowPerHour: 2 });
    const hours = 10;
    const born: number[] = [];
    for (let k = 0; k < hours * 60; k++) {
      step(w);
      for (const i of helpers(w)) if (!born.includes(w.cells.id[i])) {
        born.push(w.cells.id[i]);
        // where it entered: within reach of the showing dendritic cell (it may wander afterwards)
        expect(Math.hypot(w.cells.x[i] - 6.5, w.cells.y[i] - 6.5)).toBeLessThan(6);
      }
    }
    expect(born.length).toBeGreaterThanOrEqual(8);
    expect(born.length).toBeLessThanOrEqual(35);
  });

  test("no dendritic cell showing antigen, no new clones", () => {
    const w = world({ helperInflowPerHour: 5 }, 0);
    for (let k = 0; k < 300; k++) step(w);
    expect(helpers(w)).toHaveLength(0);
  });
});

describe("helpers' IL-2 feedback on their own secretion after the burst", () => {
  /** A helper past its burst, touching the strongest antigen, unsuppressed and fresh; its peak output. */
  function pastBurst(set: Record<string, number>) {
    const w = world({ secretionSustainedFraction: 0.05, helperInflowPerHour: 4, ...set });
    const p = w.params;
    let i = -1;
    for (let k = 0; k < 600 && i < 0; k++) {
      step(w);
      i = helpers(w).find((j) => w.cells.flags[j] & CellFlag.activated) ?? -1;
    }
    expect(i).toBeGreaterThanOrEqual(0);
    const c = w.cells;
    c.activatedTick[i] = w.tick - Math.round((p.secretionEndHours + 5) / w.dtH);
    c.antigen[i] = 1;
    c.strength[i] = 1;
    c.suppression[i] = 0;
    c.antigenHours[i] = 0;
    const rate = (signal: number) => { c.signal[i] = signal; return secretionRate(w, i); };
    return { rate, peak: p.secretionMoleculesPerS * p.secretionStrongFold };
  }

  test("shut-off in proportion to the signal (half-signal 0): an unsignalled helper keeps part of its peak as far as the feedback says, a fully signalling one the trickle; no feedback: the trickle either way", () => {
    for (const [feedback, expectNone] of [[1, 1], [0, 0.05], [0.5, 0.525]] as const) {
      const { rate, peak } = pastBurst({ secretionFeedback: feedback, secretionFeedbackHalfSignal: 0 });
      expect(rate(0)).toBeCloseTo(peak * expectNone, 9);
      expect(rate(0.5)).toBeCloseTo(peak * (0.05 + (expectNone - 0.05) / 2), 9);
      expect(rate(1)).toBeCloseTo(peak * 0.05, 9);
    }
  });

  test("a sensitive shut-off (the default): no signal keeps the peak, the half-signal halves the way to the trickle, a little more signal all but shuts it off", () => {
    const { rate, peak } = pastBurst({});
    const half = makeParams({}).secretionFeedbackHalfSignal;
    expect(makeParams({}).secretionFeedback).toBe(1);
    expect(half).toBeGreaterThan(0);
    expect(rate(0)).toBeCloseTo(peak, 9);
    expect(rate(half)).toBeCloseTo(peak * (0.05 + 0.95 / 2), 5); // signal is stored in single precision
    expect(rate(10 * half)).toBeLessThan(peak * 0.065);
    expect(rate(1)).toBeGreaterThanOrEqual(peak * 0.05);
    expect(rate(1)).toBeLessThan(peak * 0.051);
  });
});
