// Axis arithmetic for the debrief charts: data extents, "nice" tick values and the mapping from data to pixels.
// Pure functions with no DOM, so test/unit/uiCharts.test.ts checks them in Node. Used by charts.ts.

export interface Extent { min: number; max: number }

/** Smallest and largest finite value; an empty or flat series gets a range of at least 1 so axes never collapse. */
export function extentOf(values: readonly number[], includeZero = true): Extent {
  let min = Infinity, max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return { min: 0, max: 1 };
  if (includeZero) { min = Math.min(0, min); max = Math.max(0, max); }
  if (max - min < 1e-12) max = min + (Math.abs(min) > 0 ? Math.abs(min) : 1);
  return { min, max };
}

/** A step of 1, 2 or 5 times a power of ten giving about `count` intervals over the extent. */
export function niceStep(span: number, count = 4): number {
  if (!(span > 0)) return 1;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  return nice * power;
}

/** Tick values covering the extent with a nice step, and the widened extent they span. */
export function niceTicks(extent: Extent, count = 4): { ticks: number[]; min: number; max: number } {
  const step = niceStep(extent.max - extent.min, count);
  const min = Math.floor(extent.min / step + 1e-9) * step;
  const max = Math.ceil(extent.max / step - 1e-9) * step;
  const ticks: number[] = [];
  // Bounded: at most a few dozen ticks however odd the extent.
  for (let i = 0, v = min; v <= max + step * 1e-6 && i < 50; i++, v = min + i * step) ticks.push(round(v, step));
  return { ticks, min, max };
}

/** Maps a data value linearly from [d0, d1] to pixels [p0, p1] (p1 < p0 for a y axis that grows upwards). */
export function scaleLinear(d0: number, d1: number, p0: number, p1: number): (v: number) => number {
  const k = d1 === d0 ? 0 : (p1 - p0) / (d1 - d0);
  return (v) => p0 + (v - d0) * k;
}

/** Keeps a tick label free of float noise (0.30000000000000004 → 0.3). */
function round(v: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(v.toFixed(Math.min(digits, 10)));
}

/** Picks every k-th sample so a table or polyline has at most `max` rows (always keeps the last sample). */
export function thinIndices(length: number, max: number): number[] {
  if (length <= 0) return [];
  if (length <= max) return Array.from({ length }, (_, i) => i);
  const k = Math.ceil(length / Math.max(1, max - 1));
  const out: number[] = [];
  for (let i = 0; i < length; i += k) out.push(i);
  if (out[out.length - 1] !== length - 1) out.push(length - 1);
  return out;
}

/**
 * The label of a time tick, counted as the clock counts days: the tick where day N begins reads "Day N" (0 simulated
 * days after the start is "Day 1"); ticks inside a day carry a grid line but no label.
 */
export function dayTickLabel(daysSinceStart: number): string {
  const whole = Math.round(daysSinceStart);
  return Math.abs(daysSinceStart - whole) < 1e-9 && whole >= 0 ? `Day ${whole + 1}` : "";
}
