// The debrief's sentences as a 14-year-old reads them beside the rest of the screen: a round ended before the first
// division does not say helpers "take off: they divided 0 times"; the vascular leak is a share of the dose-limiting
// line, as the top bar's toxicity meter shows it ("78%", never "0.78" or "0.0043"); type 1 diabetes with no islet
// cell lost says "none", not "only 0%"; and NK cells, which have nothing to kill in type 1 diabetes, are not said
// to have "killed 0 cells without IL-2's boost". Learning points and the outcome sentence on this run's facts, with
// the numbers of rounds seen in a walkthrough put in.

import { describe, expect, test } from "vitest";
import { createWorld, makeParams, step, type Scenario } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { outcomeText } from "../../shared/report/debrief.ts";
import { RoleLedger } from "../../shared/report/roleLedger.ts";
import { runFacts, type RunFacts } from "../../shared/report/runFacts.ts";
import { learningPoints } from "../../shared/report/learningPoints.ts";
import { observe } from "../../shared/net/predictionJudge.ts";
import { questionsFor } from "../../shared/net/predictions.ts";
import { zeroValues, type MetricSample } from "../../shared/sim/index.ts";

function run(sc: Scenario, ticks = 20) {
  const w = createWorld(sc, makeParams({ ...sc.params }), 4);
  const ledger = new RoleLedger();
  for (let k = 0; k < ticks; k++) ledger.record(w, step(w));
  return { w, ledger, facts: runFacts(w, ledger) };
}

/** The learning point on NK cells (objectives 2 and 4). */
const nkPoint = (p: string) => p.startsWith("Most NK cells") || p.startsWith("NK cells lit up");

/** The ledger as the learning points read it: the IL-2 peak beside its helpers, and doses held back. */
const ledgerWith = (withheldDoses = 0) =>
  ({ il2Peak: { pm: 250, day: 0.36, helpers: 11, nearDendritic: true }, withheldDoses }) as unknown as RoleLedger;

describe("the debrief's words", () => {
  const viral = run(SCENARIOS.viral);

  test("helpers that have not divided yet are not said to have taken off by dividing 0 times", () => {
    const say = (helperDivisions: number) => learningPoints(viral.w, { ...viral.facts, helperDivisions }, ledgerWith())[0];
    expect(say(0)).toMatch(/^IL-2 peaked at 250 pM on day 1 at 08:38, where 11 switched-on helpers sat together at a dendritic cell\./);
    expect(say(0)).not.toMatch(/divided 0 times/);
    expect(say(0)).toMatch(/a day or more after it switches on: none had divided yet/);
    expect(say(40)).toMatch(/take off: they divided 40 times in this run\.$/);
    expect(say(1)).toMatch(/they divided once in this run\.$/);
  });

  test("the vascular leak is a share of the dose-limiting line, as on the top bar's toxicity meter", () => {
    const therapy = (leakPeak: number, leakCrossedDay = -1, withheld = 0) => {
      const facts: RunFacts = { ...viral.facts, doses: { highDose: 3 }, firstDoseDay: { highDose: 1 }, leakPeak, leakCrossedDay };
      return learningPoints(viral.w, facts, ledgerWith(withheld)).find((p) => p.startsWith("High-dose IL-2"))!;
    };
    expect(therapy(0.78)).toMatch(/Vascular leak peaked at 78% of the dose-limiting line: no dose had to be held back\.$/);
    expect(therapy(0.0043)).toMatch(/Vascular leak peaked at under 1% of the dose-limiting line/);
    expect(therapy(1.3, 2.1, 2)).toMatch(/The price: vascular leak peaked at 130% of the dose-limiting line and crossed it on day 3 at 02:24, so 2 doses were held back\.$/);
    expect(therapy(1.3, 2.1, 1)).toMatch(/so 1 dose was held back\.$/);
    for (const p of [therapy(0.78), therapy(0.0043), therapy(1.3, 2.1, 2)]) expect(p).not.toMatch(/peaked at 0\.\d|line of 1/);
  });

  test("the Tregs' share of the IL-2 says it is the whole round's (the live tug-of-war bar shows the last hours')", () => {
    const treg = learningPoints(viral.w, viral.facts, ledgerWith()).find((p) => p.startsWith("Tregs were"))!;
    expect(treg).toMatch(/caught \d+% of all the IL-2 the immune cells took in over the whole round/);
  });

  test("type 1 diabetes: no islet cell lost is 'none', and NK cells are not said to have killed anything", () => {
    const t1d = run(SCENARIOS.t1d);
    t1d.w.outcome = "protected";
    expect(outcomeText(t1d.w, { ...t1d.facts, damageEnd: 0, days: 2 })).toBe("Self tissue protected: after 2 days none of the islet cells had been destroyed by the body's own killer T cells.");
    expect(outcomeText(t1d.w, { ...t1d.facts, damageEnd: 0.003, days: 2 })).toMatch(/after 2 days fewer than 1% of the islet cells/);
    expect(outcomeText(t1d.w, { ...t1d.facts, damageEnd: 0.12, days: 2 })).toMatch(/after 2 days only 12% of the islet cells/);
    const nk = learningPoints(t1d.w, { ...t1d.facts, killsByNk: 0 }, ledgerWith()).find(nkPoint)!;
    expect(nk).toMatch(/pSTAT5-positive\.$/);
    expect(nk).not.toMatch(/killed/);
    // With a threat they can kill, the kills stay.
    const viralNk = learningPoints(viral.w, { ...viral.facts, killsByNk: 11 }, ledgerWith()).find(nkPoint)!;
    expect(viralNk).toMatch(/killed 11 cells/);
  });

  test("'Predict first' gives the leak as a share of the dose-limiting line too", () => {
    const leak = questionsFor(SCENARIOS.melanoma, 10).find((x) => x.id === "highDoseLeak")!;
    const sample = (day: number, values: Record<string, number>): MetricSample => ({ tick: Math.round(day * 1440), day, values: { ...zeroValues(), ...values } });
    const history = [sample(0, {}), sample(1, { "therapy.highDosePm": 50000, "toxicity.leak": 0.004 }), sample(2, { "toxicity.leak": 0.85 })];
    expect(observe(leak, history).numbers).toBe("The leak meter went from 0% of the dose-limiting line before the first dose (day 2 at 00:00) to 85% at its highest.");
  });
});
