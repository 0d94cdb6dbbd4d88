// A session's results as CSV: one row per student per round, each measure in its own column (the union of labels,
// units in the header). Written by the one CSV writer (server/csvText.ts: CRLF rows, quoted when needed, formulas
// defused). Called by the results store (csv(code)) for the teacher's download.

import { csvText, type CsvValue } from "../csvText.ts";
import type { QuizAnswerRecord } from "./quizAnswers.ts";
import { quizCsvPart } from "./quizCsv.ts";
import type { RoundRecord } from "./resultsStore.ts";

const FIXED_COLUMNS = ["session", "round", "scenario", "outcome", "nickname", "role", "squads"];

const headerFor = (label: string, units: string): string => (units ? `${label} (${units})` : label);

/** The CSV text for these rounds (and quiz answers, quizCsv.ts), header first; a header alone when there are none. */
export function roundsToCsv(rounds: readonly RoundRecord[], quiz: readonly QuizAnswerRecord[] = []): string {
  // Union of measure labels in the order first seen, so each role's measures stay together.
  const columns = new Map<string, string>();
  for (const r of rounds) {
    for (const p of r.players) {
      for (const m of p.measures) if (!columns.has(m.label)) columns.set(m.label, headerFor(m.label, m.units));
    }
  }

  const q = quizCsvPart(quiz);
  const lines: CsvValue[][] = [[...FIXED_COLUMNS, ...columns.values(), ...q.header]];
  for (const r of rounds) {
    for (const p of r.players) {
      const values = new Map(p.measures.map((m) => [m.label, m.value]));
      const cells: (string | number)[] = [r.code, r.round, r.scenarioId, r.outcome, p.nickname, p.role, p.squads];
      for (const label of columns.keys()) cells.push(values.get(label) ?? "");
      for (let k = 0; k < q.header.length; k++) cells.push("");
      lines.push(cells);
    }
  }
  for (const row of q.rows) {
    const blanks = [...columns.keys()].map(() => "");
    lines.push([quiz[0].code, row.round, "", "", row.nickname, "", "", ...blanks, ...row.cells]);
  }
  return csvText(lines);
}
