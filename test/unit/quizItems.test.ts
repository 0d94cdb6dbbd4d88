// The two-tier quiz: its items file is validated on load (every rule checked here against the real file and against
// broken copies), scoring needs both tiers right, the gain per objective is post minus pre over students who answered
// both times, and the wire validators turn away what a student must not send.

import { describe, expect, test } from "vitest";
import file from "../../shared/quiz/items.json" with { type: "json" };
import { MAX_OPTIONS, MIN_OPTIONS, OBJECTIVES, QUIZ_ITEMS, checkQuizBook, type QuizItem } from "../../shared/quiz/quizItems.ts";
import { finished, gainRows, isRight, scoreByObjective, type QuizPick } from "../../shared/quiz/quizScore.ts";
import { checkQuizAnswer, checkQuizStatus, checkQuizTeacher } from "../../shared/net/quiz.ts";

const copy = (): { objectives: Record<string, string>; items: Record<string, unknown>[] } => JSON.parse(JSON.stringify(file));
const errorsOf = (json: unknown) => { const r = checkQuizBook(json); return r.ok ? [] : r.errors; };
/** Both tiers of an item, right or not. */
const answer = (item: QuizItem, choiceRight: boolean, reasonRight: boolean): QuizPick[] => [
  { itemId: item.id, tier: "choice", pick: choiceRight ? item.answer : (item.answer + 1) % item.choices.length },
  { itemId: item.id, tier: "reason", pick: reasonRight ? item.reason : (item.reason + 1) % item.reasons.length },
];
const all = (right: (i: QuizItem) => boolean) => QUIZ_ITEMS.flatMap((i) => answer(i, right(i), right(i)));

describe("the quiz items", () => {
  test("the real file is valid and every item keeps the rules", () => {
    expect(errorsOf(file)).toEqual([]);
    for (const item of QUIZ_ITEMS) {
      expect(item.choices.length).toBeGreaterThanOrEqual(MIN_OPTIONS);
      expect(item.choices.length).toBeLessThanOrEqual(MAX_OPTIONS);
      expect(item.reasons.length).toBeGreaterThanOrEqual(MIN_OPTIONS);
      expect(item.reasons.length).toBeLessThanOrEqual(MAX_OPTIONS);
      expect(item.choices[item.answer], item.id).toBeTypeOf("string");
      expect(item.reasons[item.reason], item.id).toBeTypeOf("string");
      expect(OBJECTIVES).toContain(item.objective);
    }
  });

  test("all seven objectives have at least one item", () => {
    expect(new Set(QUIZ_ITEMS.map((i) => i.objective))).toEqual(new Set(OBJECTIVES));
  });

  test("the right answers are not all in the same place", () => {
    expect(new Set(QUIZ_ITEMS.map((i) => i.answer)).size).toBeGreaterThan(1);
    expect(new Set(QUIZ_ITEMS.map((i) => i.reason)).size).toBeGreaterThan(1);
  });

  test("broken files are refused, each with its reason", () => {
    const cases: [string, (f: ReturnType<typeof copy>) => void, RegExp][] = [
      ["two choices", (f) => { (f.items[0].choices as string[]).splice(0, 2); f.items[0].answer = 0; }, /choices must be a list of 3 to 4/],
      ["five reasons", (f) => { (f.items[0].reasons as string[]).push("A fifth reason here", "and a sixth"); }, /reasons must be a list of 3 to 4/],
      ["answer out of range", (f) => { f.items[1].answer = 7; }, /right one of the choices/],
      ["no right reason", (f) => { delete f.items[1].reason; }, /right one of the reasons/],
      ["objective 8", (f) => { f.items[2].objective = 8; }, /objective must be a whole number from 1 to 7/],
      ["an objective left out", (f) => { f.items = f.items.filter((i) => i.objective !== 4); }, /objective 4 has no item/],
      ["a huge question", (f) => { f.items[0].question = "x".repeat(5000); }, /question must be a text/],
      ["an empty reason", (f) => { (f.items[0].reasons as string[])[1] = " "; }, /reasons 2 must be a text/],
      ["two items with one id", (f) => { f.items[1].id = f.items[0].id; }, /two items have this id/],
      ["the same choice twice", (f) => { const c = f.items[0].choices as string[]; c[1] = c[0]; }, /two choices are the same/],
      ["an unknown field", (f) => { f.items[0].hint = "psst"; }, /unknown field hint/],
      ["no in-game link", (f) => { delete f.items[0].inGame; }, /inGame must say where the game shows it/],
    ];
    for (const [name, breakIt, expected] of cases) {
      const f = copy();
      breakIt(f);
      expect(errorsOf(f).join("\n"), name).toMatch(expected);
    }
    expect(errorsOf(null)).toEqual(["the quiz file is { objectives, items }"]);
  });
});

describe("scoring", () => {
  test("an item counts only when both tiers are right", () => {
    const [a] = QUIZ_ITEMS;
    const right = (c: boolean, r: boolean) => scoreByObjective(answer(a, c, r)).get(a.objective)!;
    expect(right(true, true)).toEqual({ right: 1, of: 1 });
    expect(right(true, false)).toEqual({ right: 0, of: 1 });
    expect(right(false, true)).toEqual({ right: 0, of: 1 });
    expect(scoreByObjective(answer(a, true, true).slice(0, 1)).get(a.objective)).toEqual({ right: 0, of: 0 });
    expect(isRight({ itemId: "no-such-item", tier: "choice", pick: 0 })).toBe(false);
  });

  test("the gain per objective is post minus pre over students who answered both times", () => {
    const o5 = QUIZ_ITEMS.filter((i) => i.objective === 5);
    expect(o5.length).toBe(2);
    const sheets = [
      // Learned everything.
      { pre: all(() => false), post: all(() => true) },
      // Knew objective 1 already, learned one of the two therapy items.
      { pre: all((i) => i.objective === 1), post: all((i) => i.objective === 1 || i.id === o5[0].id) },
      // Took only the pre-quiz: counted in pre, not in the gain.
      { pre: all(() => true), post: [] },
    ];
    const rows = gainRows(sheets);
    const row = (o: number) => rows.find((r) => r.objective === o)!;
    expect(row(1)).toMatchObject({ pre: { right: 2, of: 3 }, post: { right: 2, of: 2 }, paired: 2, gain: 0.5 });
    expect(row(2)).toMatchObject({ pre: { right: 1, of: 3 }, post: { right: 1, of: 2 }, paired: 2, gain: 0.5 });
    expect(row(5)).toMatchObject({ pre: { right: 2, of: 6 }, post: { right: 3, of: 4 }, paired: 2, gain: 0.75 });
    expect(gainRows([{ pre: all(() => true), post: [] }]).every((r) => r.gain === null)).toBe(true);
    expect(finished(all(() => true))).toBe(true);
    expect(finished(all(() => true).slice(1))).toBe(false);
  });
});

describe("the quiz on the wire", () => {
  const item = QUIZ_ITEMS[0];
  test("a well-formed answer passes; garbage, unknown items and out-of-range picks do not", () => {
    expect(checkQuizAnswer({ phase: "pre", itemId: item.id, tier: "reason", pick: 1 })).toEqual({ ok: true, value: { phase: "pre", itemId: item.id, tier: "reason", pick: 1 } });
    const bad: unknown[] = [
      null, "x", [], { phase: "pre", itemId: item.id, tier: "choice" },
      { phase: "during", itemId: item.id, tier: "choice", pick: 0 },
      { phase: "pre", itemId: "nope-not-here", tier: "choice", pick: 0 },
      { phase: "pre", itemId: "x".repeat(10_000), tier: "choice", pick: 0 },
      { phase: "pre", itemId: item.id, tier: "both", pick: 0 },
      { phase: "pre", itemId: item.id, tier: "choice", pick: item.choices.length },
      { phase: "pre", itemId: item.id, tier: "choice", pick: -1 },
      { phase: "pre", itemId: item.id, tier: "choice", pick: 0.5 },
      { phase: "pre", itemId: item.id, tier: "choice", pick: 0, nickname: "Someone Else" },
    ];
    for (const b of bad) expect(checkQuizAnswer(b).ok, JSON.stringify(b)?.slice(0, 80)).toBe(false);
  });

  test("teacher quiz actions need a secret and a known action", () => {
    expect(checkQuizTeacher({ secret: "s", action: "open", phase: "post" })).toEqual({ ok: true, value: { secret: "s", action: { action: "open", phase: "post" } } });
    expect(checkQuizTeacher({ secret: "s", action: "gains" }).ok).toBe(true);
    for (const b of [{ action: "gains" }, { secret: "", action: "close" }, { secret: "s", action: "open" }, { secret: "s", action: "grade" }, { secret: "s", action: "close", phase: "pre" }]) {
      expect(checkQuizTeacher(b).ok, JSON.stringify(b)).toBe(false);
    }
  });

  test("a status message is checked before a page uses it", () => {
    expect(checkQuizStatus({ open: "pre", mine: { pre: [], post: [] } }).ok).toBe(true);
    expect(checkQuizStatus({ open: "later", mine: { pre: [], post: [] } }).ok).toBe(false);
    expect(checkQuizStatus({ open: null, mine: { pre: [{ itemId: 3 }], post: [] } }).ok).toBe(false);
  });
});
