// A session's results as CSV (RFC 4180: CRLF rows, quoted when needed): one row per student per round, each measure
// in its own column (the union of labels, units in the header). Text cells that a spreadsheet would run as a formula
// get a leading apostrophe. Called by the results store (csv(code)) for the teacher's download.

import type { QuizAnswerRecord } from "./quizAnswers.ts";
import { quizCsvPart } from "./quizCsv.ts";
import type { RoundRecord } from "./resultsStore.ts";

const FIXED_COLUMNS = ["session", "round", "scenario", "outcome", "nickname", "role", "squads"];

/** Quotes a cell when it holds a comma, quote or line break; neutralizes text a spreadsheet would treat as a formula. */
export function csvCell(value: string | number): string {
  let text: string;
  if (typeof value === "number") {
    // Our own numbers (including negative ones) are data, not formulas; only non-finite values become blank.
    text = Number.isFinite(value) ? String(value) : "";
  } else {
    text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  }
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const headerFor = (label: string, units: string): string => (units ? `${label} (${units})` : label);

/** The CSV text for these rounds (and quiz answers, quizCsv.ts), header first; a header alone when there are none. */
export function roundsToCsv(rounds: readonly RoundRecord[], quiz: readonly QuizAnswerRecord[] = []): string {
  // Union of measure labels in the order first seen, so each role's measures stay together.
  const columns = new Map<string, string>();
  for (const r of rounds) for (const p of r.players) for (const m of p.measures) if (!columns.has(m.label)) columns.set(m.label, headerFor(m.label, m.units));

  const q = quizCsvPart(quiz);
  const lines = [[...FIXED_COLUMNS, ...columns.values(), ...q.header].map(csvCell).join(",")];
  for (const r of rounds) {
    for (const p of r.players) {
      const values = new Map(p.measures.map((m) => [m.label, m.value]));
      const cells: (string | number)[] = [r.code, r.round, r.scenarioId, r.outcome, p.nickname, p.role, p.squads];
      for (const label of columns.keys()) cells.push(values.get(label) ?? "");
      for (let k = 0; k < q.header.length; k++) cells.push("");
      lines.push(cells.map(csvCell).join(","));
    }
  }
  for (const row of q.rows) {
    const cells: (string | number)[] = [quiz[0].code, row.round, "", "", row.nickname, "", "", ...[...columns.keys()].map(() => ""), ...row.cells];
    lines.push(cells.map(csvCell).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}
