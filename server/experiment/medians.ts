// Medians across seeds at each time point: the middle value (mean of the two middle values for an even count),
// ignoring values that are not finite numbers. Called by output.ts; tested directly.

import type { Sample, SeedResult } from "./run.ts";

/** Median of the finite numbers in `values`, or null when there are none. */
export function median(values: readonly number[]): number | null {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!xs.length) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

export interface MedianRow { tick: number; day: number; values: Record<string, number | null> }

/** One row per time point, each metric the median across seeds. Every seed must have been sampled at the same ticks. */
export function mediansOverSeeds(results: readonly SeedResult[], names: readonly string[]): MedianRow[] {
  if (!results.length) return [];
  const first = results[0].samples;
  for (const r of results) {
    if (r.samples.length !== first.length || r.samples.some((s, i) => s.tick !== first[i].tick)) {
      throw new Error(`seed ${r.seed} was sampled at different ticks from seed ${results[0].seed}; medians need common time points`);
    }
  }
  return first.map((s: Sample, i) => {
    const values: Record<string, number | null> = {};
    for (const name of names) values[name] = median(results.map((r) => r.samples[i].values[name]));
    return { tick: s.tick, day: s.day, values };
  });
}
