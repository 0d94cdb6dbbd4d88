// The quiz's part of the results store: one row per student (by nickname) per quiz (pre or post) per item per tier,
// with the objective and whether it was right, kept with the session (deleted with it by retention). The first answer
// to a tier stands: a second one for the same tier is ignored by the table's key, so nothing can overwrite or double
// an answer. Opened by resultsStore.ts on its database; its migration is the store's schema step 2.

import type { DatabaseSync } from "node:sqlite";
import type { QuizPhase } from "../../shared/quiz/quizScore.ts";
import type { Objective, Tier } from "../../shared/quiz/quizItems.ts";

export interface QuizAnswerRecord {
  code: string;
  phase: QuizPhase;
  nickname: string;
  itemId: string;
  objective: Objective;
  tier: Tier;
  pick: number;
  right: boolean;
  /** ISO time; defaults to the store's clock. */
  answeredAt?: string;
}

/** Schema step 2: the quiz answers table. Run inside the store's migration transaction. */
export const QUIZ_TABLES_SQL = `
  CREATE TABLE quiz_answers (
    code TEXT NOT NULL REFERENCES sessions (code) ON DELETE CASCADE,
    phase TEXT NOT NULL CHECK (phase IN ('pre', 'post')),
    nickname TEXT NOT NULL,
    item_id TEXT NOT NULL,
    objective INTEGER NOT NULL,
    tier TEXT NOT NULL CHECK (tier IN ('choice', 'reason')),
    pick INTEGER NOT NULL,
    correct INTEGER NOT NULL,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (code, phase, nickname, item_id, tier)
  );`;

export interface QuizAnswerTable {
  /** Saves one answer; false when that student had already answered this tier (the first answer stands). */
  save(a: QuizAnswerRecord): boolean;
  /** The session's answers, in the order given. */
  list(code: string): QuizAnswerRecord[];
}

export function quizAnswerTable(db: DatabaseSync, now: () => Date): QuizAnswerTable {
  const ensureSession = db.prepare("INSERT OR IGNORE INTO sessions (code, host_secret_hash, scenario_id, created_at) VALUES (?, '', '', ?)");
  const insert = db.prepare(`
    INSERT OR IGNORE INTO quiz_answers (code, phase, nickname, item_id, objective, tier, pick, correct, answered_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const select = db.prepare("SELECT * FROM quiz_answers WHERE code = ? ORDER BY answered_at, rowid");
  return {
    save(a) {
      const at = a.answeredAt ?? now().toISOString();
      ensureSession.run(a.code, at);
      return Number(insert.run(a.code, a.phase, a.nickname, a.itemId, a.objective, a.tier, a.pick, a.right ? 1 : 0, at).changes) === 1;
    },
    list: (code) => (select.all(code) as Record<string, string | number>[]).map((r) => ({
      code: String(r.code), phase: String(r.phase) as QuizPhase, nickname: String(r.nickname), itemId: String(r.item_id),
      objective: Number(r.objective) as Objective, tier: String(r.tier) as Tier, pick: Number(r.pick), right: Number(r.correct) === 1,
      answeredAt: String(r.answered_at),
    })),
  };
}
