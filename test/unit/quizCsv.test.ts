// The quiz's part of the results CSV: nothing when no quiz was taken (the CSV stays as it was), else columns at the
// right end (per learning goal: choices right, reasons right; then items right on both tiers) and one row per student
// per quiz, after the rounds' rows, whose quiz cells stay blank.

import { describe, expect, test } from "vitest";
import { roundsToCsv } from "../../server/results/csv.ts";
import type { QuizAnswerRecord } from "../../server/results/quizAnswers.ts";
import { quizCsvPart } from "../../server/results/quizCsv.ts";

const a = (over: Partial<QuizAnswerRecord>): QuizAnswerRecord => ({
  code: "ABC234", phase: "pre", nickname: "Swift Dendrite", itemId: "o1-cluster", objective: 1, tier: "choice", pick: 1, right: true, ...over,
});

describe("quiz rows and columns in the CSV", () => {
  test("no answers: no columns, no rows", () => {
    expect(quizCsvPart([])).toEqual({ header: [], rows: [] });
    expect(roundsToCsv([], [])).toBe("session,round,scenario,outcome,nickname,role,squads\r\n");
  });

  test("one row per student per quiz; a right choice with a wrong reason is not right on both tiers", () => {
    const answers = [
      a({}), a({ tier: "reason", pick: 2, right: true }),
      a({ itemId: "o5-high-dose", objective: 5, right: true }), a({ itemId: "o5-high-dose", objective: 5, tier: "reason", right: false }),
      a({ nickname: "Calm Receptor", right: false }), a({ nickname: "Calm Receptor", tier: "reason", right: true }),
      a({ phase: "post" }), a({ phase: "post", tier: "reason" }),
    ];
    const part = quizCsvPart(answers);
    expect(part.header).toHaveLength(15);
    expect(part.header[0]).toBe("quiz 1 Clonal expansion: choice right (of 1)");
    expect(part.header[9]).toBe("quiz 5 Therapy: reason right (of 1)");
    expect(part.header[14]).toBe("quiz: both tiers right (of 2)");
    const row = (nick: string, round: string) => part.rows.find((r) => r.nickname === nick && r.round === round)!.cells;
    expect(row("Swift Dendrite", "pre-quiz")).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1]);
    expect(row("Calm Receptor", "pre-quiz")).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(row("Swift Dendrite", "post-quiz").at(-1)).toBe(1);
    expect(part.rows.map((r) => r.round)).toEqual(["pre-quiz", "pre-quiz", "post-quiz"]);
    const lines = roundsToCsv([], answers).trimEnd().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe("ABC234,pre-quiz,,,Swift Dendrite,,,1,1,0,0,0,0,0,0,1,0,0,0,0,0,1");
  });
});
