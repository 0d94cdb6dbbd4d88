// The words a round ends and is dated with: one day count (shared/net/dayClock.ts) in the clock, the debrief and the
// learning points; the outcomes' words, with `endedByTeacher` distinct from time running out (outcomeWords.ts,
// debrief.ts); and the threat in autoimmunity named as what it is (activated self-reactive killers) in the debrief's
// charts and the class's chart history.

import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { roundHistory } from "../../shared/net/classroom.ts";
import { daysLong, dayAndTime, formatClock, onDay } from "../../shared/net/dayClock.ts";
import { buildDebrief, threatMetricOf } from "../../shared/report/debrief.ts";
import { isOutcome, OUTCOME_WORDS, OUTCOMES, outcomeWords } from "../../shared/net/outcomeWords.ts";
import { RoleLedger } from "../../shared/report/roleLedger.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { createWorld, makeParams, step, type Scenario, type World } from "../../shared/sim/index.ts";

/** The model's Outcome names, as world.ts spells them. */
const MODEL_OUTCOMES = (readFileSync(new URL("../../shared/sim/world.ts", import.meta.url), "utf8").match(/export type Outcome = ([^;]+);/)?.[1] ?? "")
  .match(/"([A-Za-z]+)"/g)?.map((s) => s.slice(1, -1)) ?? [];

function run(sc: Scenario, ticks: number, seed = 5): { w: World; ledger: RoleLedger } {
  const w = createWorld(sc, makeParams({ ...sc.params, tickSeconds: 300 }), seed);
  const ledger = new RoleLedger();
  for (let k = 0; k < ticks && w.outcome === "ongoing"; k++) ledger.record(w, step(w));
  return { w, ledger };
}

describe("one day count", () => {
  test("a moment counts days from one, in the clock and in sentences", () => {
    expect(dayAndTime(1)).toEqual({ day: 2, time: "00:00" });
    expect(formatClock(1)).toBe("Day 2, 00:00");
    expect(onDay(1)).toBe("day 2 at 00:00");
    expect(onDay(0.25)).toBe("day 1 at 06:00");
    expect(onDay(Number.NaN)).toBe("day 1 at 00:00");
  });

  test("a length of time is in days", () => {
    expect(daysLong(1)).toBe("1 day");
    expect(daysLong(2.54)).toBe("2.5 days");
    expect(daysLong(0)).toBe("0 days");
  });

  test("the debrief's sentences never write a day the old way (\"day 1.0\")", () => {
    const { w, ledger } = run(SCENARIOS.viral, 400);
    w.outcome = "endedByTeacher";
    const d = buildDebrief(w, [], ledger);
    for (const text of [d.outcomeText, ...d.learning, ...d.moments.map((m) => m.text)]) {
      expect(text).not.toMatch(/\bday \d+\.\d/);
      for (const m of text.matchAll(/\bday (\d+)/g)) expect(text.slice(m.index)).toMatch(/^day \d+ at \d\d:\d\d/);
    }
  });
});

describe("outcomes", () => {
  test("the words cover exactly the model's outcomes, with endedByTeacher among them", () => {
    expect([...OUTCOMES].sort()).toEqual([...MODEL_OUTCOMES].sort());
    expect(isOutcome("endedByTeacher")).toBe(true);
    expect(isOutcome("toString")).toBe(false);
    expect(outcomeWords("endedByTeacher")).toBe("The teacher ended the round");
    expect(OUTCOME_WORDS.timeUp).not.toBe(OUTCOME_WORDS.endedByTeacher);
    expect(outcomeWords("somethingNew")).toBe("somethingNew");
  });

  test("a round the teacher ended says so, never that time ran out, in every kind of scenario", () => {
    for (const id of ["viral", "t1d", "sandbox"]) {
      const { w, ledger } = run(SCENARIOS[id], 200);
      expect(w.outcome, id).toBe("ongoing");
      w.outcome = "endedByTeacher";
      const d = buildDebrief(w, [], ledger);
      expect(d.outcome).toBe("endedByTeacher");
      expect(d.outcomeText, id).toMatch(/the teacher ended the round on day \d+ at \d\d:\d\d/i);
      expect(d.outcomeText, id).not.toMatch(/time ran out|time is up|protected/i);
    }
  });

  test("time running out is still said as such", () => {
    const sc: Scenario = { ...SCENARIOS.viral, days: 0.2 };
    const { w, ledger } = run(sc, 1000);
    expect(w.outcome).toBe("timeUp");
    expect(buildDebrief(w, [], ledger).outcomeText).toMatch(/^Time ran out on day 1 at /);
  });
});

describe("the threat in autoimmunity", () => {
  test("is the activated self-reactive killers in the debrief's charts and the class's history", () => {
    const { w, ledger } = run(SCENARIOS.t1d, 300);
    expect(threatMetricOf(w)).toBe("count.cd8Activated");
    const d = buildDebrief(w, [], ledger);
    const names = d.series.map((s) => s.name);
    expect(names).toContain("count.cd8Activated");
    expect(names).not.toContain("threat.burden");
    expect(d.series.find((s) => s.name === "count.cd8Activated")!.label).toMatch(/self-reactive killer/);
    const activated = w.history.map((m) => m.values["count.cd8Activated"]);
    expect(Math.max(...activated)).toBeGreaterThan(0); // the inflamed islet's killers are switched on
    const h = roundHistory(1, w.history, 600, threatMetricOf(w));
    expect(h.threat).toEqual(activated.map((v) => Math.round(v * 100) / 100));
  });

  test("is the infected or tumour cells elsewhere", () => {
    const { w } = run(SCENARIOS.viral, 10);
    expect(threatMetricOf(w)).toBe("threat.burden");
  });
});
