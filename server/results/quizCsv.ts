// The quiz in the results CSV: one row per student per quiz taken (the round column says "pre-quiz" or "post-quiz"),
// and columns added at the right end, after every existing one: per objective, how many of its items the student got
// right on the choice and on the reason, and the items right on both tiers. Rounds' rows leave them blank. Called by
// csv.ts; the objectives' items come from the answers stored, so an old file reads the same after the items change.

import { OBJECTIVES, objectiveName, type Objective } from "../../shared/quiz/quizItems.ts";
import type { QuizAnswerRecord } from "./quizAnswers.ts";

export interface QuizCsvPart { header: string[]; rows: { nickname: string; round: string; cells: number[] }[] }

/** Columns and rows for these answers; no columns and no rows when there are none (the CSV stays as before). */
export function quizCsvPart(answers: readonly QuizAnswerRecord[]): QuizCsvPart {
  if (!answers.length) return { header: [], rows: [] };
  const itemsOf = new Map<Objective, Set<string>>(OBJECTIVES.map((o) => [o, new Set()]));
  for (const a of answers) itemsOf.get(a.objective)?.add(a.itemId);
  const total = [...itemsOf.values()].reduce((n, s) => n + s.size, 0);
  const header: string[] = [];
  for (const o of OBJECTIVES) {
    const n = itemsOf.get(o)!.size;
    header.push(`quiz ${o} ${objectiveName(o)}: choice right (of ${n})`, `quiz ${o} ${objectiveName(o)}: reason right (of ${n})`);
  }
  header.push(`quiz: both tiers right (of ${total})`);

  const sheets = new Map<string, QuizAnswerRecord[]>();
  for (const phase of ["pre", "post"] as const) {
    for (const a of answers) if (a.phase === phase) {
      const key = `${phase}\u0000${a.nickname}`;
      if (!sheets.has(key)) sheets.set(key, []);
      sheets.get(key)!.push(a);
    }
  }
  const rows = [...sheets.entries()].map(([key, list]) => {
    const [phase, nickname] = key.split("\u0000");
    const cells: number[] = [];
    for (const o of OBJECTIVES) {
      cells.push(list.filter((a) => a.objective === o && a.tier === "choice" && a.right).length);
      cells.push(list.filter((a) => a.objective === o && a.tier === "reason" && a.right).length);
    }
    const both = new Set(list.filter((a) => a.tier === "choice" && a.right).map((a) => a.itemId));
    cells.push(list.filter((a) => a.tier === "reason" && a.right && both.has(a.itemId)).length);
    return { nickname, round: `${phase}-quiz`, cells };
  });
  return { header, rows };
}
