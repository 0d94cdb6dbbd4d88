// The quiz's part of the results store (node:sqlite): answers per nickname per quiz per item per tier, the first
// answer standing; a results file from before the quiz (schema 1) is upgraded in place keeping its rounds; retention
// deletes a session's answers with it; a session without quiz answers downloads the same CSV as before the quiz.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, test } from "vitest";
import { openResultsStore, SCHEMA_VERSION } from "../../server/results/resultsStore.ts";
import type { QuizAnswerRecord } from "../../server/results/quizAnswers.ts";

const SECRET = "a-teachers-secret";
const answer = (over: Partial<QuizAnswerRecord> = {}): QuizAnswerRecord => ({
  code: "ABC234", phase: "pre", nickname: "Swift Dendrite", itemId: "o1-cluster", objective: 1, tier: "choice", pick: 1, right: true,
  answeredAt: "2026-11-20T09:00:00.000Z", ...over,
});

describe("quiz answers in the results store", () => {
  test("stored per nickname; a second answer to the same tier does not replace the first", () => {
    const store = openResultsStore(":memory:");
    store.saveSession({ code: "ABC234", hostSecret: SECRET, scenarioId: "viral" });
    expect(store.saveQuizAnswer(answer())).toBe(true);
    expect(store.saveQuizAnswer(answer({ pick: 0, right: false }))).toBe(false);
    expect(store.saveQuizAnswer(answer({ tier: "reason", pick: 2 }))).toBe(true);
    expect(store.saveQuizAnswer(answer({ phase: "post" }))).toBe(true);
    expect(store.saveQuizAnswer(answer({ nickname: "Calm Receptor", right: false, pick: 0 }))).toBe(true);
    const saved = store.quizAnswers("ABC234");
    expect(saved).toHaveLength(4);
    expect(saved.filter((a) => a.nickname === "Swift Dendrite" && a.phase === "pre" && a.tier === "choice")).toEqual([answer()]);
    expect(store.quizAnswers("ZZZ999")).toEqual([]);
    // Without quiz answers a session's CSV has the columns it always had.
    store.saveSession({ code: "DEF234", hostSecret: SECRET, scenarioId: "viral" });
    expect(store.csv("DEF234")).toBe("session,round,scenario,outcome,nickname,role,squads\r\n");
    store.close();
  });

  test("retention deletes a session's quiz answers with it", () => {
    const store = openResultsStore(":memory:");
    store.saveSession({ code: "OLD234", hostSecret: SECRET, scenarioId: "viral", createdAt: "2026-10-01T08:00:00.000Z" });
    store.saveQuizAnswer(answer({ code: "OLD234" }));
    expect(store.deleteOlderThan(30, new Date("2026-11-27T08:00:00.000Z"))).toBe(1);
    expect(store.quizAnswers("OLD234")).toEqual([]);
    store.close();
  });

  test("a results file from before the quiz is upgraded in place, its rounds kept", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cytokine-quiz-"));
    try {
      const path = join(dir, "results.sqlite");
      const first = openResultsStore(path);
      first.saveSession({ code: "ABC234", hostSecret: SECRET, scenarioId: "viral" });
      first.close();
      // Back to schema 1, as a file written before the quiz existed.
      const raw = new DatabaseSync(path);
      raw.exec("DROP TABLE quiz_answers; PRAGMA user_version = 1;");
      raw.close();
      const again = openResultsStore(path);
      expect(again.hasSession("ABC234")).toBe(true);
      expect(again.saveQuizAnswer(answer())).toBe(true);
      again.close();
      const check = new DatabaseSync(path, { readOnly: true });
      expect((check.prepare("PRAGMA user_version").get() as { user_version: number }).user_version).toBe(SCHEMA_VERSION);
      check.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
