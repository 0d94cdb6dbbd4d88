// What a contrast shows: the chart lines of the real round and of the contrast run for the metrics that tell its
// story, and one line of text with this round's numbers ("Without Tregs: 412 switched-on killer T cells at the peak
// instead of 170 (2.4× as many); …"). Both runs cover the same ticks, so their samples line up. Pure.
// Called by the contrast worker (server/rooms/contrast); numbers in the metrics' units.

import { isMetricName, zeroValues, type MetricName, type MetricSample } from "../sim/metrics.ts";
import type { Scenario } from "../sim/scenario.ts";
import { downsample } from "./debrief.ts";
import type { ContrastResult, ContrastSeries } from "../net/contrast.ts";
import { LEAK_LABEL } from "../net/leakShare.ts";
import type { ContrastId, ContrastPlan } from "./contrasts.ts";

type How = "peak" | "end";
interface CompareMetric { name: MetricName; label: string; units: string; how: How; words: (v: string) => string; many: boolean }

const whole = (v: number) => Math.round(v).toLocaleString("en-US");
const pct = (v: number) => (v > 0 && v < 0.001 ? "<0.1%" : v < 0.1 ? `${Number((v * 100).toFixed(1))}%` : `${Math.round(v * 100)}%`);
const short = (v: number) => (v >= 10 ? whole(v) : String(Number(v.toPrecision(2))));

function metrics(scenario: Scenario): Record<string, CompareMetric> {
  const self = scenario.threat.kind === "self";
  const threatCells = scenario.threat.kind === "virus" ? "infected cells" : "tumour cells";
  return {
    killers: {
      name: "count.cd8Activated", label: self ? "Switched-on self-reactive killer T cells" : "Switched-on killer T cells",
      units: "cells", how: "peak", many: true, words: (v) => `${v} switched-on killer T cells at the peak`,
    },
    helpers: { name: "count.cd4Activated", label: "Switched-on helper T cells", units: "cells", how: "peak", many: true, words: (v) => `${v} switched-on helper T cells at the peak` },
    il2max: { name: "il2.maxPm", label: "IL-2, highest spot", units: "pM", how: "peak", many: false, words: (v) => `IL-2 reaching ${v} pM at its highest spot` },
    il2: { name: "il2.meanPm", label: "IL-2, average over the tissue", units: "pM", how: "peak", many: false, words: (v) => `IL-2 averaging ${v} pM at its peak` },
    damage: {
      name: "tissue.damage", label: self ? "Islet cells destroyed" : "Healthy tissue lost", units: "fraction", how: "end", many: false,
      words: (v) => (self ? `${v} of the islet cells destroyed` : `${v} of the healthy tissue lost`),
    },
    threat: { name: "threat.burden", label: `Threat: ${threatCells}`, units: "cells", how: "peak", many: true, words: (v) => `${v} ${threatCells} at the peak` },
    leak: { name: "toxicity.leak", label: LEAK_LABEL, units: "fraction", how: "peak", many: false, words: (v) => `vascular leak peaking at ${v} of the dose-limiting line` },
    nk: { name: "count.nk", label: "NK cells", units: "cells", how: "peak", many: true, words: (v) => `${v} NK cells at the peak` },
    tregs: { name: "count.treg", label: "Tregs", units: "cells", how: "peak", many: true, words: (v) => `${v} Tregs at the peak` },
  };
}

/** Every metric a contrast may chart or quote. */
export const COMPARED_METRICS: readonly MetricName[] = Object.values(metrics({ threat: { kind: "virus" } } as Scenario)).map((m) => m.name);

/** A history's compared metrics as one number array each: cheap to build and to hand to another thread. */
export interface PackedHistory { tick: Float64Array; day: Float64Array; values: Record<string, Float64Array> }

export function packHistory(history: readonly MetricSample[]): PackedHistory {
  const n = history.length;
  const packed: PackedHistory = { tick: new Float64Array(n), day: new Float64Array(n), values: {} };
  for (const name of COMPARED_METRICS) packed.values[name] = new Float64Array(n);
  history.forEach((s, k) => {
    packed.tick[k] = s.tick;
    packed.day[k] = s.day;
    for (const name of COMPARED_METRICS) packed.values[name][k] = s.values[name] ?? 0;
  });
  return packed;
}

export function unpackHistory(p: PackedHistory): MetricSample[] {
  return Array.from(p.tick, (tick, k) => {
    const values = zeroValues();
    for (const [name, v] of Object.entries(p.values)) if (isMetricName(name)) values[name] = v[k];
    return { tick, day: p.day[k], values };
  });
}

/** The packed arrays' buffers, to transfer rather than copy. */
export function packedBuffers(p: PackedHistory): ArrayBuffer[] {
  return [p.tick, p.day, ...Object.values(p.values)].map((a) => a.buffer as ArrayBuffer);
}

/** The metrics each contrast is about, most telling first. */
const STORY: Readonly<Record<ContrastId, readonly string[]>> = {
  noTregs: ["killers", "helpers", "damage", "threat", "il2"],
  scattered: ["il2", "il2max", "helpers", "killers", "threat", "damage"],
  noTherapy: ["leak", "killers", "tregs", "damage", "threat", "nk"],
  otherTherapy: ["leak", "killers", "tregs", "damage", "threat", "nk"],
};
const MAX_CHARTS = 4;
const MAX_FRAGMENTS = 3;

function valueOf(history: readonly MetricSample[], m: CompareMetric): number {
  if (m.how === "end") return history.at(-1)?.values[m.name] ?? 0;
  let peak = 0;
  for (const s of history) peak = Math.max(peak, s.values[m.name] ?? 0);
  return peak;
}

const format = (m: CompareMetric, v: number) => (m.units === "fraction" ? pct(v) : m.units === "cells" ? whole(v) : short(v));

/** `v` rounded as `format` shows it, so that the words' ratio agrees with the two numbers a reader sees. */
export function asShown(units: string, v: number): number {
  if (units === "fraction") return v < 0.001 ? v : v < 0.1 ? Math.round(v * 1000) / 1000 : Math.round(v * 100) / 100;
  if (units === "cells" || v >= 10) return Math.round(v);
  return Number(v.toPrecision(2));
}

/** The ratio's words between the real round's value and the contrast's, as the reader sees the two numbers. */
const shownRatio = (m: CompareMetric, a: number, b: number) => ratioWords(asShown(m.units, a), asShown(m.units, b), m.many);

/** "2.4× as many", "30% less", "about the same", "none at all", from the real value `a` to the contrast's `b`. */
export function ratioWords(a: number, b: number, many: boolean): string {
  if (a === 0 && b === 0) return "none in either";
  if (a === 0) return "none in your round";
  if (b === 0) return "none at all";
  const r = b / a;
  if (Math.abs(r - 1) < 0.05) return "about the same";
  if (r > 1) return `${r >= 10 ? Math.round(r) : r.toFixed(1)}× as ${many ? "many" : "much"}`;
  if (r >= 0.5) return `${Math.round((1 - r) * 100)}% ${many ? "fewer" : "less"}`;
  return r < 0.01 ? `less than 1% as ${many ? "many" : "much"}` : `only ${Math.round(r * 100)}% as ${many ? "many" : "much"}`;
}

const sig3 = (x: number) => (x === 0 || !Number.isFinite(x) ? 0 : Number(x.toPrecision(3)));

/** The contrast's charts and its line of text, from the real round's and the contrast run's metric histories. */
export function compareRuns(plan: ContrastPlan, scenario: Scenario, real: readonly MetricSample[], contrast: readonly MetricSample[]): ContrastResult {
  const all = metrics(scenario);
  const story = STORY[plan.id].map((k) => all[k]).filter((m) => m.name !== "threat.burden" || (scenario.threat.kind === "virus" || scenario.threat.kind === "tumour"));
  const shown = story.filter((m) => valueOf(real, m) > 0 || valueOf(contrast, m) > 0);
  const r = downsample(real), c = downsample(contrast);
  const n = Math.min(r.length, c.length);
  const series: ContrastSeries[] = shown.slice(0, MAX_CHARTS).map((m) => ({
    name: m.name, label: m.label, units: m.units,
    real: r.slice(0, n).map((s) => sig3(s.values[m.name] ?? 0)), contrast: c.slice(0, n).map((s) => sig3(s.values[m.name] ?? 0)),
  }));
  // the metrics that moved, in the story's order (one that stayed about the same says little)
  const moved = shown.filter((m) => shownRatio(m, valueOf(real, m), valueOf(contrast, m)) !== "about the same");
  const fragments = moved.slice(0, MAX_FRAGMENTS).map((m) => {
    const a = valueOf(real, m), b = valueOf(contrast, m);
    return `${m.words(format(m, b))} instead of ${format(m, a)} (${shownRatio(m, a, b)})`;
  });
  const summary = fragments.length ? `${plan.label}: ${fragments.join("; ")}.` : `${plan.label}: about the same as your round (nothing the charts follow changed by 5% or more).`;
  return { ...plan, summary, days: r.slice(0, n).map((s) => Math.round(s.day * 1000) / 1000), series };
}
