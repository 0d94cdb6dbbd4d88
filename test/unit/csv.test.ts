// The classroom results CSV: a header, one row per student per round with each measure in its own column, RFC 4180
// quoting, and no cell a spreadsheet would run as a formula.

import { describe, expect, test } from "vitest";
import { csvCell, csvText } from "../../server/csvText.ts";
import { roundsToCsv } from "../../server/results/csv.ts";
import type { RoundRecord } from "../../server/results/resultsStore.ts";

/** A small RFC 4180 reader, enough to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(cell); cell = ""; }
    else if (ch === "\r" && text[i + 1] === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i++; }
    else cell += ch;
  }
  expect(cell).toBe(""); // the text ends with CRLF
  return rows;
}

const summary = { round: 1, scenarioId: "viral", outcome: "cleared" as const, days: [0, 1], series: { threat: [5, 0] } };
const round = (n: number, players: RoundRecord["players"]): RoundRecord => ({
  code: "ABC234", round: n, scenarioId: "viral", outcome: n === 1 ? "cleared" : "overrun",
  startedAt: "2026-11-27T10:00:00.000Z", endedAt: "2026-11-27T10:10:00.000Z", days: 5, summary: { ...summary, round: n }, players,
});

describe("roundsToCsv", () => {
  test("a header, then one row per student per round with the union of measures (units in the header)", () => {
    const text = roundsToCsv([
      round(1, [
        { nickname: "Swift Dendrite", role: "effector", squads: "Squad A", measures: [{ label: "IL-2 captured", value: 1200, units: "molecules" }, { label: "Divisions", value: 14, units: "" }] },
        { nickname: "Calm Receptor", role: "nk", squads: "Squad C", measures: [{ label: "Kills", value: 7, units: "cells" }] },
      ]),
      round(2, [{ nickname: "Swift Dendrite", role: "treg", squads: "Squad B", measures: [{ label: "Divisions", value: -2.5, units: "" }] }]),
    ]);
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(["session", "round", "scenario", "outcome", "nickname", "role", "squads", "IL-2 captured (molecules)", "Divisions", "Kills (cells)"]);
    expect(rows.slice(1)).toEqual([
      ["ABC234", "1", "viral", "cleared", "Swift Dendrite", "effector", "Squad A", "1200", "14", ""],
      ["ABC234", "1", "viral", "cleared", "Calm Receptor", "nk", "Squad C", "", "", "7"],
      // Our own negative numbers are data, written as they are.
      ["ABC234", "2", "viral", "overrun", "Swift Dendrite", "treg", "Squad B", "", "-2.5", ""],
    ]);
  });

  test("no rounds: the fixed header alone", () => {
    expect(parseCsv(roundsToCsv([]))).toEqual([["session", "round", "scenario", "outcome", "nickname", "role", "squads"]]);
  });

  test("commas, quotes and line breaks are quoted and survive a round trip", () => {
    const nickname = 'Odd, "Name"\r\nTwo lines';
    const rows = parseCsv(roundsToCsv([round(1, [{ nickname, role: "nk", squads: "Squad A, Squad B", measures: [{ label: 'Kills, "all"', value: 3, units: "" }] }])]));
    expect(rows).toHaveLength(2);
    expect(rows[0][7]).toBe('Kills, "all"');
    expect(rows[1][4]).toBe(nickname);
    expect(rows[1][6]).toBe("Squad A, Squad B");
  });

  test("text starting with = + - @ (or a tab) gets a leading apostrophe, wherever it appears", () => {
    for (const bad of ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx"]) expect(csvCell(bad).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell("=1,2")).toBe("\"'=1,2\"");
    expect(csvCell("Swift Dendrite")).toBe("Swift Dendrite");
    expect(csvCell(Number.NaN)).toBe("");
    const rows = parseCsv(roundsToCsv([round(1, [{ nickname: "=cmd|' /C calc'!A0", role: "@role", squads: "+A", measures: [{ label: "-x", value: 1, units: "" }] }])]));
    for (const cell of [rows[0][7], rows[1][4], rows[1][5], rows[1][6]]) expect(cell.startsWith("'")).toBe(true);
  });

  test("one writer for every CSV: CRLF rows, or LF; numbers in the caller's style; blanks for missing", () => {
    const rows = [["name", "value"], ["a", 0.1 + 0.2], ["b", null], ["c", -1]];
    expect(csvText(rows)).toBe("name,value\r\na,0.30000000000000004\r\nb,\r\nc,-1\r\n");
    expect(csvText(rows, { eol: "\n", number: (n) => n.toFixed(1) })).toBe("name,value\na,0.3\nb,\nc,-1.0\n");
    expect(csvText([])).toBe("");
  });
});
