// CSV text for experiment results: per-seed metrics over time (seed, day, metrics…), medians over time
// (day, metrics…) and the per-seed summary (outcome, final state hash). Written by the one CSV writer
// (server/csvText.ts) with numbers to 12 significant digits and LF row endings. Called by output.ts.

import { csvText, type CsvStyle, type CsvValue } from "../csvText.ts";
import type { MedianRow } from "./medians.ts";
import type { SeedResult } from "./run.ts";

/** Numbers to at most 12 significant digits (no 0.14880000000000002); empty for missing values. */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "";
  return String(Number(n.toPrecision(12)));
}

const STYLE: CsvStyle = { number: formatNumber, eol: "\n" };

export function perSeedCsv(results: readonly SeedResult[], names: readonly string[]): string {
  const rows: CsvValue[][] = [["seed", "day", ...names]];
  for (const r of results) for (const s of r.samples) rows.push([r.seed, s.day, ...names.map((n) => s.values[n])]);
  return csvText(rows, STYLE);
}

export function mediansCsv(rows: readonly MedianRow[], names: readonly string[]): string {
  return csvText([["day", ...names], ...rows.map((row) => [row.day, ...names.map((n) => row.values[n])])], STYLE);
}

export function summaryCsv(results: readonly SeedResult[]): string {
  const header = ["seed", "outcome", "outcomeDay", "finalDay", "ticks", "stateHash"];
  const rows = results.map((r) => [r.seed, r.outcome, r.outcomeDay, r.samples.at(-1)?.day, r.ticks, r.stateHash]);
  return csvText([header, ...rows], STYLE);
}
