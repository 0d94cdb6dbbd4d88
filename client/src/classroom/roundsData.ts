// Pure helpers for comparing a class's rounds on one chart: the series names the rounds share, each round's values
// carried onto one common day grid (step interpolation), and a row of figures per round for the table alternative.
// Units are whatever the server's RoundSummary series carry. Used by roundsChart.ts and its unit tests.

import type { RoundSummary } from "../../../shared/net/classroom.ts";

/**
 * Words for the series names the server sends (RoundSeriesName, glossary words); unknown names are shown as they come.
 * The older names (killers, helpers, tregs, il2, il2Mean) are kept for rounds saved before the rename.
 */
export const ROUND_SERIES_LABELS: Record<string, string> = {
  threat: "Threat", damage: "Tissue lost (%)", il2MeanPm: "IL-2 mean (pM)", cd8: "Killer T cells", cd4: "Helper T cells",
  treg: "Tregs", leak: "Toxicity (% of the dose-limiting line)",
  il2: "IL-2 mean", il2Mean: "IL-2 mean", killers: "Killer T cells", helpers: "Helper T cells", tregs: "Tregs",
};

/** Series names of rounds saved before the glossary's names, and the name each now has (same units). */
const RENAMED_SERIES: Record<string, string> = { killers: "cd8", helpers: "cd4", tregs: "treg" };

/** The rounds with their series under today's names, so rounds saved before and after the rename share a line. */
export function withCurrentNames(rounds: readonly RoundSummary[]): RoundSummary[] {
  return rounds.map((r) => {
    if (!r.series || !Object.keys(r.series).some((k) => k in RENAMED_SERIES)) return r;
    const series: Record<string, number[]> = {};
    for (const [k, v] of Object.entries(r.series)) {
      const name = RENAMED_SERIES[k] ?? k;
      if (!(name in series) || !(k in RENAMED_SERIES)) series[name] = v as number[];
    }
    return { ...r, series } as RoundSummary;
  });
}

/** Series the server sends as fractions (0..1); people read them as percentages. */
const FRACTION_SERIES = new Set(["damage", "leak"]);

/** A round's series as shown: fractions become percentages, everything else as it came. */
export function shownValues(name: string, values: readonly number[]): number[] {
  return FRACTION_SERIES.has(name) ? values.map((v) => v * 100) : [...values];
}

/** Series names in the order the rounds first list them, kept only if at least one round has values for them. */
export function sharedSeriesNames(rounds: readonly RoundSummary[]): string[] {
  const names: string[] = [];
  for (const r of rounds) for (const [k, v] of Object.entries(r.series ?? {})) if (Array.isArray(v) && v.length && !names.includes(k)) names.push(k);
  return names;
}

/** Evenly spaced days from 0 to the longest round's last day, `points` of them (at least 2). */
export function commonDays(rounds: readonly RoundSummary[], points = 60): number[] {
  const last = Math.max(0, ...rounds.map((r) => r.days[r.days.length - 1] ?? 0));
  const n = Math.max(2, Math.floor(points));
  return Array.from({ length: n }, (_, i) => (last * i) / (n - 1));
}

/**
 * One round's values read at each grid day: the latest sample at or before that day (the first sample before the
 * round's first day); NaN past the round's end, so a shorter round's line stops where the round stopped.
 */
export function onGrid(days: readonly number[], values: readonly number[], grid: readonly number[]): number[] {
  const n = Math.min(days.length, values.length);
  const end = n ? days[n - 1] : -Infinity;
  let j = 0;
  return grid.map((g) => {
    if (n === 0 || g > end + 1e-9) return Number.NaN;
    while (j + 1 < n && days[j + 1] <= g + 1e-9) j++;
    return values[j];
  });
}

export interface RoundRow { round: number; scenarioId: string; outcome: string; lastDay: number; peaks: Record<string, number>; finals: Record<string, number> }

/** Per round: its outcome, how long it ran, and each series' peak and final value as shown (the table under the chart). */
export function roundRows(rounds: readonly RoundSummary[]): RoundRow[] {
  return rounds.map((r) => {
    const peaks: Record<string, number> = {}, finals: Record<string, number> = {};
    for (const [k, raw] of Object.entries(r.series ?? {})) {
      if (!Array.isArray(raw) || raw.length === 0) continue;
      const v = shownValues(k, raw);
      peaks[k] = Math.max(...v);
      finals[k] = v[v.length - 1];
    }
    return { round: r.round, scenarioId: r.scenarioId, outcome: r.outcome, lastDay: r.days[r.days.length - 1] ?? 0, peaks, finals };
  });
}
