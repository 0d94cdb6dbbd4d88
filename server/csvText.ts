// The one CSV writer (RFC 4180): a cell quoted when it holds a comma, quote or line break; text a spreadsheet would
// run as a formula gets a leading apostrophe; a number that is not finite, and a missing value, are blank.
// Used by the teacher's results download (results/csv.ts) and the experiment runner's files (experiment/csv.ts).

export type CsvValue = string | number | null | undefined;

export interface CsvStyle {
  /** How a finite number is written (default: as JavaScript writes it, every digit kept). */
  number?: (n: number) => string;
  /** Row ending (default CRLF, as RFC 4180 asks). */
  eol?: "\r\n" | "\n";
}

/** One cell's text. */
export function csvCell(value: CsvValue, number: (n: number) => string = String): string {
  let text: string;
  if (typeof value === "number") {
    // our own numbers (including negative ones) are data, not formulas
    text = Number.isFinite(value) ? number(value) : "";
  } else if (value === null || value === undefined) {
    text = "";
  } else {
    text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  }
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole text: every row, header first, each ended by the row ending. */
export function csvText(rows: Iterable<readonly CsvValue[]>, style: CsvStyle = {}): string {
  const eol = style.eol ?? "\r\n", number = style.number ?? String;
  let out = "";
  for (const row of rows) out += row.map((v) => csvCell(v, number)).join(",") + eol;
  return out;
}
