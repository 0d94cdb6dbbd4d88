// The lesson's pure parts: judging predictions from a round's metrics (synthetic histories, so directions are tested
// whatever the model's numbers), the prediction and sandbox messages at the door, the sandbox controls against the
// parameter specs, round variants, and the lesson plans' rounds fitting 8-12 minutes.

import { describe, expect, test } from "vitest";
import { LESSON_PLANS, checkLessonAction, roundMinutes } from "../../shared/net/lessonPlans.ts";
import { judge, observe } from "../../shared/net/predictionJudge.ts";
import { checkPredict } from "../../shared/net/predictionWire.ts";
import { closedBecause, questionsFor, roundQuestionOpenDays, type PredictionQuestion, type RoundNow } from "../../shared/net/predictions.ts";
import { checkVariant, scenarioWithVariant } from "../../shared/net/roundVariant.ts";
import { SANDBOX_CONTROLS, checkSandbox, controlOf } from "../../shared/net/sandboxControls.ts";
import { nearestStep, shownValue } from "../../client/src/lesson/sandboxPanel.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { PARAM_SPECS, isParamName, zeroValues, type MetricSample, type MetricValues } from "../../shared/sim/index.ts";

const sample = (day: number, values: Partial<MetricValues>): MetricSample => ({ tick: Math.round(day * 1440), day, values: { ...zeroValues(), ...values } });
const q = (id: string, kind: "virus" | "tumour" | "self" | "none" = "tumour"): PredictionQuestion => questionsFor({ threat: { kind, sites: [] } }, 4).find((x) => x.id === id)!;

describe("judging predictions", () => {
  test("clearance: cleared, smaller than at the worst, or still growing", () => {
    const c = q("clearance", "virus");
    const run = (end: number) => [sample(0, { "threat.burden": 10 }), sample(1, { "threat.burden": 80 }), sample(2, { "threat.burden": end })];
    expect(observe(c, run(0)).happened).toBe("cleared");
    expect(observe(c, run(30)).happened).toBe("smaller");
    expect(observe(c, run(80)).happened).toBe("growing");
    expect(observe(c, [sample(0, { "threat.burden": 0 })]).happened).toBeNull();
    expect(judge(c, "cleared", run(0))).toMatchObject({ right: true, predictedText: "Yes: no infected cells left" });
    expect(judge(c, "growing", run(0)).right).toBe(false);
    expect(observe(c, run(30)).numbers).toMatch(/30 infected cells at the end; 80 at the worst \(day 2 at 00:00\)/);
  });

  test("who takes the IL-2: the largest cumulative capture, NK cells of both kinds together", () => {
    const w = q("il2Winner");
    const end = (v: Partial<MetricValues>) => [sample(0, {}), sample(1, v)];
    expect(observe(w, end({ "il2.captured.cd4": 5, "il2.captured.treg": 9, "il2.captured.cd8": 1 })).happened).toBe("treg");
    expect(observe(w, end({ "il2.captured.cd4": 5, "il2.captured.nkBright": 3, "il2.captured.nkDim": 4 })).happened).toBe("nk");
    const r = judge(w, "cd4", end({ "il2.captured.cd4": 6, "il2.captured.treg": 2 }));
    expect(r).toMatchObject({ happened: "cd4", right: true });
    expect(r.numbers).toBe("Shares of all the IL-2 captured: Helper T cells 75%, Killer T cells 0%, Tregs 25%, NK cells 0%.");
    expect(judge(w, "cd4", end({})).right).toBeNull(); // no IL-2 captured: this run cannot tell
  });

  test("high dose: the leak and the killers are judged from the first dose on; no dose, no verdict", () => {
    const leak = q("highDoseLeak"), killers = q("highDoseKillers");
    const dosed = (leakTop: number, cd8After: number) => [
      sample(0, { "toxicity.leak": 0, "count.cd8": 100 }),
      sample(1, { "therapy.highDosePm": 50000, "toxicity.leak": 0.01, "count.cd8": 100 }),
      sample(2, { "therapy.highDosePm": 200, "toxicity.leak": leakTop, "count.cd8": (100 + cd8After) / 2 }),
      sample(3, { "toxicity.leak": leakTop / 2, "count.cd8": cd8After }),
      sample(5, { "toxicity.leak": 0, "count.cd8": 1000 }), // after the two days: not counted
    ];
    expect(observe(leak, dosed(1.2, 100)).happened).toBe("over");
    expect(observe(leak, dosed(0.4, 100)).happened).toBe("rise");
    expect(observe(leak, dosed(0.02, 100)).happened).toBe("flat");
    expect(observe(killers, dosed(0, 180)).happened).toBe("more");
    expect(observe(killers, dosed(0, 102)).happened).toBe("same");
    expect(observe(killers, dosed(0, 50)).happened).toBe("fewer");
    const none = [sample(0, { "count.cd8": 100 }), sample(3, { "count.cd8": 300 })];
    expect(judge(leak, "over", none)).toMatchObject({ happened: null, right: null });
    expect(observe(killers, none).numbers).toMatch(/No high-dose IL-2 was given/);
  });

  test("low dose: the share of Tregs hearing IL-2 in the day after the first dose against the day before", () => {
    const low = q("lowDoseTregs", "self");
    const run = (after: number) => [
      sample(0.2, { "pstat5.treg": 0.1 }), sample(0.6, { "pstat5.treg": 0.1 }),
      sample(1, { "therapy.lowDosePm": 20, "pstat5.treg": after }), sample(1.5, { "therapy.lowDosePm": 28, "pstat5.treg": after }),
      sample(2.5, { "pstat5.treg": 0.9 }), // more than a day after: not counted
    ];
    expect(observe(low, run(0.6)).happened).toBe("more");
    expect(observe(low, run(0.12)).happened).toBe("same");
    expect(observe(low, run(0)).happened).toBe("fewer");
    expect(observe(low, run(0.6)).numbers).toMatch(/Tregs hearing IL-2: 10% in the day before the first dose \(day 2 at 00:00\), 60% in the day after/);
    expect(observe(low, [sample(1, { "pstat5.treg": 0.3 })]).happened).toBeNull(); // no low dose given
  });

  test("islet tissue lost, in three bands", () => {
    const i = q("islets", "self");
    expect(observe(i, [sample(1, { "tissue.damage": 0.01 })]).happened).toBe("little");
    expect(observe(i, [sample(1, { "tissue.damage": 0.1 })]).happened).toBe("some");
    expect(observe(i, [sample(1, { "tissue.damage": 0.5 })]).happened).toBe("much");
  });
});

describe("questions and the door", () => {
  test("each scenario asks questions its run can judge; therapy questions where high dose is the lesson", () => {
    const ids = (id: string) => questionsFor(SCENARIOS[id], SCENARIOS[id].days).map((x) => x.id);
    expect(ids("viral")).toEqual(["clearance", "il2Winner"]);
    expect(ids("melanoma")).toEqual(["clearance", "il2Winner", "highDoseLeak", "highDoseKillers"]);
    expect(ids("t1d")).toEqual(["islets", "il2Winner", "lowDoseTregs"]);
    expect(ids("sandbox")).toEqual(["il2Winner", "highDoseLeak", "highDoseKillers", "lowDoseTregs"]);
    expect(questionsFor(SCENARIOS.viral, 8)[0].text).toBe("Will the infection be cleared within the round's 8 days?");
  });

  test("a prediction must name an offered question and one of its answers", () => {
    const offered = questionsFor(SCENARIOS.viral, 8);
    expect(checkPredict({ question: "il2Winner", choice: "treg" }, offered).ok).toBe(true);
    for (const bad of [null, [], "treg", { question: "il2Winner" }, { question: "il2Winner", choice: "treg", x: 1 }, { question: "x".repeat(41), choice: "a" },
      { question: "highDoseLeak", choice: "over" }, { question: "il2Winner", choice: "macrophage" }, { question: 3, choice: "treg" }]) {
      expect(checkPredict(bad, offered).ok).toBe(false);
    }
  });

  test("round questions close after the first tenth of a started round (at least half a day, at most half the round); therapy questions at the first dose", () => {
    expect(roundQuestionOpenDays(10)).toBe(1);
    expect(roundQuestionOpenDays(2)).toBe(0.5);
    expect(roundQuestionOpenDays(0.5)).toBe(0.25);
    const s = SCENARIOS.melanoma;
    const [clear] = questionsFor(s, 10), leak = questionsFor(s, 10).find((x) => x.id === "highDoseLeak")!;
    const now = (day: number, doses: Record<string, number> = {}, outcome: RoundNow["outcome"] = "ongoing"): RoundNow => ({ outcome, day, doses });
    expect(closedBecause(clear, now(0.99), 10, true)).toBeNull();
    expect(closedBecause(clear, now(1), 10, true)).toMatch(/before it gets going/); // day 1 of 10: the first tenth is over
    expect(closedBecause(clear, now(1), 10, false)).toBeNull(); // a class's lobby holds the round: still before it
    expect(closedBecause(leak, now(5), 10, true)).toBeNull();
    expect(closedBecause(leak, now(5, { lowDose: 2 }), 10, true)).toBeNull(); // another therapy's dose does not close it
    expect(closedBecause(leak, now(5, { highDose: 1 }), 10, true)).toMatch(/high-dose IL-2 has already been given/);
    expect(closedBecause(clear, now(0, {}, "cleared"), 10, true)).toBe("the round is over");
  });
});

describe("sandbox controls", () => {
  test("every control's steps lie within its parameter's range, and live controls are read every tick", () => {
    for (const c of SANDBOX_CONTROLS) {
      expect(c.steps.length).toBeGreaterThan(1);
      expect([...c.steps].sort((a, b) => a - b)).toEqual([...c.steps]);
      if (!isParamName(c.name)) continue;
      const spec = PARAM_SPECS[c.name];
      for (const v of c.steps) expect(v >= spec.min && v <= spec.max).toBe(true);
      expect(c.steps).toContain(spec.default);
    }
    expect(SANDBOX_CONTROLS.filter((c) => c.when === "live").map((c) => c.name)).toEqual(["holdIl2Pm", "secretionMoleculesPerS", "activatedCd25", "il2BlockFraction"]);
  });

  test("the message: known names and values in range, else a sentence and nothing taken", () => {
    expect(checkSandbox({ set: { holdIl2Pm: 30, tregShareOfCd4: 0.2 } })).toEqual({ ok: true, value: { set: { holdIl2Pm: 30, tregShareOfCd4: 0.2 } } });
    expect(checkSandbox({ therapy: "lowDose" }).ok).toBe(true);
    const error = (p: unknown) => { const r = checkSandbox(p); return r.ok ? "" : r.error; };
    expect(error({ set: { holdIl2Pm: Number.NaN } })).toMatch(/must be a number \(0 to 100000 pM\); nothing was changed/);
    expect(error({ set: { holdIl2Pm: 1e9 } })).toMatch(/outside its range/);
    expect(error({ set: { tickSeconds: 30 } })).toMatch(/unknown sandbox control "tickSeconds"/);
    expect(error({ set: { holdIl2Pm: "30" } })).toMatch(/must be a number/);
    expect(error({ set: { dendriticCells: 99 } })).toMatch(/whole number from 0 to 16/);
    expect(error({ set: { holdIl2Pm: 30 }, therapy: "highDose" })).toMatch(/sandbox message is/);
    expect(error([])).toMatch(/must be an object/);
  });

  test("the sliders say their values in words with units, and land on the step nearest the server's value", () => {
    const hold = controlOf("holdIl2Pm"), tregs = controlOf("tregShareOfCd4"), cd25 = controlOf("activatedCd25");
    expect(shownValue(hold, 0)).toBe("off");
    expect(shownValue(hold, 3000)).toBe("3,000 pM");
    expect(shownValue(tregs, 0.07)).toBe("7%");
    expect(shownValue(cd25, 30000)).toBe("30,000 receptors");
    expect(hold.steps[nearestStep(hold, 25)]).toBe(30);
    expect(tregs.steps[nearestStep(tregs, 0.07)]).toBe(0.07);
  });

  test("a variant changes the scenario's parameters and dendritic cells without touching the scenario", () => {
    const base = SCENARIOS.sandbox;
    const v = scenarioWithVariant(base, 2, { params: { tregShareOfCd4: 0.3 }, dendriticCells: 9 });
    expect(v.days).toBe(2);
    expect(v.params.tregShareOfCd4).toBe(0.3);
    expect(v.populations.filter((p) => p.type === "dendritic").map((p) => p.count)).toEqual([9]);
    expect(base.params.tregShareOfCd4).toBeUndefined();
    expect(base.populations.find((p) => p.type === "dendritic")!.count).toBe(4);
    expect(checkVariant({ params: { tregShareOfCd4: 2 } })).toMatch(/outside its range/);
    expect(checkVariant({ dendriticCells: -1 })).toMatch(/whole number/);
  });
});

describe("lesson plans", () => {
  test("two or three rounds of 8 to 12 minutes, each on a scenario with a valid variant and a question", () => {
    expect(LESSON_PLANS.length).toBeGreaterThan(0);
    for (const plan of LESSON_PLANS) {
      expect(plan.rounds.length).toBeGreaterThanOrEqual(2);
      expect(plan.rounds.length).toBeLessThanOrEqual(3);
      for (const r of plan.rounds) {
        expect(SCENARIOS[r.scenarioId]).toBeDefined();
        expect(r.days).toBeLessThanOrEqual(SCENARIOS[r.scenarioId].days);
        expect(roundMinutes(r)).toBeGreaterThanOrEqual(8);
        expect(roundMinutes(r)).toBeLessThanOrEqual(12);
        expect(r.question).toMatch(/\?$/);
        expect(checkVariant(r.variant ?? {})).toBeNull();
      }
    }
  });

  test("the lesson message at the door", () => {
    expect(checkLessonAction({ secret: "s", action: "use", plan: LESSON_PLANS[0].id }).ok).toBe(true);
    expect(checkLessonAction({ secret: "s", action: "next" }).ok).toBe(true);
    for (const bad of [null, { action: "next" }, { secret: "", action: "next" }, { secret: "s", action: "use", plan: "nope" }, { secret: "s", action: "next", plan: "x" }, { secret: "s", action: "jump" }]) {
      expect(checkLessonAction(bad).ok).toBe(false);
    }
  });
});
