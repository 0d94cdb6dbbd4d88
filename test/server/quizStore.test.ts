// The quiz's part of the SQLite results file: a file from before the quiz (schema 1) is upgraded in place keeping its
// rounds. The quiz answers on both engines (the first answer standing, retention) are in resultsStore.test.ts.

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
  test("a results file from before the quiz is upgraded in place, its rounds kept", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cytokine-quiz-"));
    try {
      const path = join(dir, "results.sqlite");
      const first = openResultsStore(path);
      await first.saveSession({ code: "ABC234", hostSecret: SECRET, scenarioId: "viral" });
      await first.close();
      // Back to schema 1, as a file written before the quiz existed.
      const raw = new DatabaseSync(path);
      raw.exec("DROP TABLE quiz_answers; PRAGMA user_version = 1;");
      raw.close();
      const again = openResultsStore(path);
      expect(await again.hasSession("ABC234")).toBe(true);
      expect(await again.saveQuizAnswer(answer())).toBe(true);
      await again.close();
      const check = new DatabaseSync(path, { readOnly: true });
      expect((check.prepare("PRAGMA user_version").get() as { user_version: number }).user_version).toBe(SCHEMA_VERSION);
      check.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
