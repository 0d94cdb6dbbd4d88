// CSV text for experiment results: per-seed metrics over time (seed, day, metrics…), medians over time
// (day, metrics…) and the per-seed summary (outcome, final state hash). Called by output.ts.

import type { MedianRow } from "./medians.ts";
import type { SeedResult } from "./run.ts";

/** Numbers to at most 12 significant digits (no 0.14880000000000002); empty for missing values. */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "";
  return String(Number(n.toPrecision(12)));
}

export function csvCell(v: string | number | null | undefined): string {
  const s = typeof v === "string" ? v : formatNumber(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (cells: readonly (string | number | null | undefined)[]) => cells.map(csvCell).join(",") + "\n";

export function perSeedCsv(results: readonly SeedResult[], names: readonly string[]): string {
  let out = line(["seed", "day", ...names]);
  for (const r of results) for (const s of r.samples) out += line([r.seed, s.day, ...names.map((n) => s.values[n])]);
  return out;
}

export function mediansCsv(rows: readonly MedianRow[], names: readonly string[]): string {
  let out = line(["day", ...names]);
  for (const row of rows) out += line([row.day, ...names.map((n) => row.values[n])]);
  return out;
}

export function summaryCsv(results: readonly SeedResult[]): string {
  let out = line(["seed", "outcome", "outcomeDay", "finalDay", "ticks", "stateHash"]);
  for (const r of results) out += line([r.seed, r.outcome, r.outcomeDay, r.samples[r.samples.length - 1]?.day, r.ticks, r.stateHash]);
  return out;
}
