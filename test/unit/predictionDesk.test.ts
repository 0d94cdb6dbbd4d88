// A round's predictions without a room (shared/report/predictionDesk.ts): committed once per question while it is open
// (read from the round's figures, not a world), judged from the round's metric history, tallied per answer for the
// teacher, and turned into results-store measures. Synthetic histories, so the rules are tested whatever the model.

import { describe, expect, test } from "vitest";
import { PredictionDesk, predictionMeasures, tallyPredictions } from "../../shared/report/predictionDesk.ts";
import { judge } from "../../shared/net/predictionJudge.ts";
import { questionsFor, type RoundNow } from "../../shared/net/predictions.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { zeroValues, type MetricSample, type MetricValues } from "../../shared/sim/index.ts";

const sample = (day: number, values: Partial<MetricValues>): MetricSample => ({ tick: Math.round(day * 1440), day, values: { ...zeroValues(), ...values } });
const now = (day: number, doses: Record<string, number> = {}): RoundNow => ({ outcome: "ongoing", day, doses });
/** A viral round in which Tregs took most of the IL-2 and the infection was cleared. */
const tregsWon = [sample(0, { "threat.burden": 20 }), sample(1, { "threat.burden": 0, "il2.captured.treg": 9, "il2.captured.cd4": 3 })];

function viralDesk(round = 2): PredictionDesk {
  const desk = new PredictionDesk();
  desk.reset(SCENARIOS.viral, round);
  return desk;
}

describe("committing predictions", () => {
  test("one per question, final, and nothing kept from a refused one", () => {
    const desk = viralDesk();
    expect(desk.commit("a", { question: "il2Winner", choice: "treg" }, now(0), true)).toBeNull();
    expect(desk.commit("a", { question: "il2Winner", choice: "cd4" }, now(0), true)).toMatch(/already made that prediction/);
    expect(desk.commit("b", { question: "il2Winner", choice: "macrophage" }, now(0), true)).toMatch(/not an answer/);
    expect(desk.has("a")).toBe(true);
    expect(desk.has("b")).toBe(false);
    expect(desk.mine("a")).toEqual({ round: 2, committed: [{ question: "il2Winner", choice: "treg" }], results: null });
  });

  test("closed once the round has got going (read from the round's figures); a held round keeps it open", () => {
    const desk = viralDesk();
    const late = SCENARIOS.viral.days; // the round's last day: long past the first tenth
    expect(desk.commit("a", { question: "clearance", choice: "cleared" }, now(late), true)).toMatch(/before it gets going/);
    expect(desk.commit("a", { question: "clearance", choice: "cleared" }, now(late), false)).toBeNull();
    expect(desk.commit("b", { question: "clearance", choice: "cleared" }, { ...now(0), outcome: "cleared" }, true)).toBe("the round is over");
  });

  test("after finish no prediction is taken, and a reset forgets the round's predictions", () => {
    const desk = viralDesk();
    desk.commit("a", { question: "il2Winner", choice: "treg" }, now(0), true);
    desk.finish(tregsWon);
    expect(desk.commit("b", { question: "il2Winner", choice: "treg" }, now(0), true)).toBe("the round is over");
    desk.reset(SCENARIOS.viral, 3);
    expect(desk.has("a")).toBe(false);
    expect(desk.mine("a")).toEqual({ round: 3, committed: [], results: null });
  });
});

describe("judging, tally and measures from a metric history", () => {
  test("finish judges each prediction from the history", () => {
    const desk = viralDesk();
    desk.commit("a", { question: "il2Winner", choice: "treg" }, now(0), true);
    desk.commit("a", { question: "clearance", choice: "growing" }, now(0), true);
    desk.finish(tregsWon);
    const results = desk.mine("a").results!;
    expect(results.map((r) => [r.question, r.happened, r.right])).toEqual([["il2Winner", "treg", true], ["clearance", "cleared", false]]);
  });

  test("the tally counts the listed students' answers beside what happened", () => {
    const desk = viralDesk(4);
    desk.commit("a", { question: "il2Winner", choice: "treg" }, now(0), true);
    desk.commit("b", { question: "il2Winner", choice: "treg" }, now(0), true);
    desk.commit("c", { question: "il2Winner", choice: "cd8" }, now(0), true);
    desk.commit("gone", { question: "il2Winner", choice: "nk" }, now(0), true);
    const t = desk.tally(["a", "b", "c", "silent"], tregsWon);
    expect(t).toMatchObject({ round: 4, students: 4 });
    const row = t.rows.find((r) => r.question === "il2Winner")!;
    expect(row).toMatchObject({ happened: "treg", happenedText: "Tregs", answered: 3 });
    expect(row.choices.map((c) => [c.choice, c.count])).toEqual([["cd4", 0], ["cd8", 1], ["treg", 2], ["nk", 0]]);
    expect(t.rows.find((r) => r.question === "clearance")!.answered).toBe(0);
  });

  test("a run that cannot tell says so in the tally", () => {
    const questions = questionsFor(SCENARIOS.viral, SCENARIOS.viral.days);
    const t = tallyPredictions(1, questions, new Map([["a", new Map([["il2Winner", "cd4"]])]]), ["a"], [sample(1, {})]);
    expect(t.rows.find((r) => r.question === "il2Winner")).toMatchObject({ happened: null, happenedText: "This run cannot tell", answered: 1 });
  });

  test("measures: the answer's number, and whether it came true only when the run can tell", () => {
    const questions = questionsFor(SCENARIOS.viral, SCENARIOS.viral.days);
    const winner = questions.find((q) => q.id === "il2Winner")!;
    const right = judge(winner, "treg", tregsWon), unknown = judge(winner, "cd4", [sample(1, {})]);
    expect(predictionMeasures(questions, [right])).toEqual([
      { label: "Predicted: who takes the IL-2", value: 3, units: "1 Helper T cells; 2 Killer T cells; 3 Tregs; 4 NK cells" },
      { label: "Prediction came true: who takes the IL-2", value: 1, units: "1 yes; 0 no" },
    ]);
    expect(predictionMeasures(questions, [unknown])).toHaveLength(1);
    const desk = viralDesk();
    desk.commit("a", { question: "il2Winner", choice: "cd4" }, now(0), true);
    expect(desk.measures("a")).toEqual([]); // not judged yet
    desk.finish(tregsWon);
    expect(desk.measures("a").map((m) => m.value)).toEqual([1, 0]);
  });
});
