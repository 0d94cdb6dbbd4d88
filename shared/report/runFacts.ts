// Facts about one finished (or stopped) run, read from the world's metrics history, event log and the role ledger:
// peaks, first days, counts, in the units of the metrics (pM, cells, fractions, days). Pure.
// Called by debrief.ts (moments, outcome text) and learningPoints.ts (the rules that pick learning points).

import type { MetricName, MetricSample } from "../sim/metrics.ts";
import type { SimEvent, World } from "../sim/world.ts";
import type { RoleLedger } from "./roleLedger.ts";

export interface Peak { value: number; day: number }

/** Largest value of a metric and the first day it was reached (value 0, day 0 when there is no history). */
export function peakOf(history: readonly MetricSample[], name: MetricName): Peak {
  let value = 0, day = 0;
  for (const m of history) {
    const v = m.values[name] ?? 0;
    if (v > value) {
      value = v;
      day = m.day;
    }
  }
  return { value, day };
}

/** First day a metric reached `level`, or -1 if it never did. */
export function firstDayAtLeast(history: readonly MetricSample[], name: MetricName, level: number): number {
  for (const m of history) if ((m.values[name] ?? 0) >= level) return m.day;
  return -1;
}

export function lastValue(history: readonly MetricSample[], name: MetricName): number {
  return history.length ? history[history.length - 1].values[name] ?? 0 : 0;
}

export function dayOfTick(world: World, tick: number): number {
  return (tick * world.dtS) / 86400;
}

/** First event matching, from the world's log (oldest first). */
export function firstEvent(world: World, match: (e: SimEvent) => boolean): SimEvent | undefined {
  for (const e of world.eventLog) if (match(e)) return e;
  return undefined;
}

export function countEvents(world: World, match: (e: SimEvent) => boolean): number {
  let n = 0;
  for (const e of world.eventLog) if (match(e)) n++;
  return n;
}

/** A number as players read it: whole numbers from 10 up, two significant figures below. */
/** An IL-2 concentration in the unit that keeps it short, as the top bar shows it: "42 pM", "2.3 nM", "12 nM" (never "11,710 pM"). */
export function fmtPm(pm: number): string {
  return Number.isFinite(pm) && Math.abs(pm) >= 1000 ? `${fmt(pm / 1000)} nM` : `${fmt(pm)} pM`;
}

export function fmt(x: number): string {
  if (!Number.isFinite(x)) return "0";
  const a = Math.abs(x);
  if (a >= 10) return Math.round(x).toLocaleString("en-US");
  if (a >= 1) return String(Math.round(x * 10) / 10);
  if (a === 0) return "0";
  return String(Number(x.toPrecision(2)));
}

export const pct = (fraction: number) => `${Math.round(fraction * 100)}%`;

/** Threat in words, by scenario kind. */
export function threatWords(world: World): { noun: string; plural: string } {
  switch (world.scenario.threat.kind) {
    case "virus": return { noun: "infection", plural: "infected cells" };
    case "tumour": return { noun: "tumour", plural: "tumour cells" };
    case "self": return { noun: "attack on self tissue", plural: "islet cells under attack" };
    default: return { noun: "threat", plural: "threat cells" };
  }
}

/** The facts the debrief and its learning points quote. */
export interface RunFacts {
  noThreat: boolean; // a scenario without infection, tumour or self-antigen target (the sandbox)
  days: number; // simulated days run
  outcomeDay: number; // -1 if no outcome yet
  il2Max: Peak; // pM, hottest voxel
  il2Mean: Peak; // pM, patch mean
  threat: Peak; // cells
  damageEnd: number; // fraction
  tregsAtStart: number;
  tregFirstPositive: number; // day, -1 never
  cd8FirstPositive: number; // activated killers, day, -1 never
  cd4FirstPositive: number; // activated helpers
  nkPositivePeak: Peak; // share of NK pSTAT5-positive
  killers: Peak; // CD8 count
  killersEnd: number;
  helpersEnd: number;
  il2MeanEnd: number;
  area1nMPeak: number; // mm²
  helperDivisions: number;
  killerDivisions: number;
  tregDivisions: number;
  nkDivisions: number;
  killsByKillers: number;
  killsByNk: number;
  starved: number; // deaths by IL-2 deprivation
  capturedBy: Record<"helpers" | "killers" | "nk" | "tregs", number>; // molecules, by squad role
  doses: Record<string, number>;
  firstDoseDay: Record<string, number>;
  leakPeak: number;
  leakCrossedDay: number; // -1 never
}

/** Share of cells that must be pSTAT5-positive to call a population pSTAT5-positive ("lit up" on screens). */
export const POSITIVE_SHARE = 0.2;

export function runFacts(world: World, ledger: RoleLedger): RunFacts {
  const h = world.history;
  const first = h[0];
  const nkPos = h.map((m) => {
    const b = m.values["count.nkBright"] ?? 0, d = m.values["count.nkDim"] ?? 0;
    const share = b + d ? ((m.values["pstat5.nkBright"] ?? 0) * b + (m.values["pstat5.nkDim"] ?? 0) * d) / (b + d) : 0;
    return { day: m.day, share };
  });
  let nkPeak: Peak = { value: 0, day: 0 };
  for (const p of nkPos) if (p.share > nkPeak.value) nkPeak = { value: p.share, day: p.day };
  const divisionsOf = (type: string) => countEvents(world, (e) => e.kind === "division" && e.cellType === type);
  const killsBy = (types: string[]) => countEvents(world, (e) => e.kind === "kill" && types.includes(e.byType ?? ""));
  const outcomeEvent = firstEvent(world, (e) => e.kind === "outcome");
  const firstDoseDay: Record<string, number> = {};
  for (const e of world.eventLog) {
    if (e.kind === "dose" && e.therapy && !e.cause && firstDoseDay[e.therapy] === undefined) firstDoseDay[e.therapy] = dayOfTick(world, e.tick);
  }
  const th = world.therapy;
  return {
    noThreat: world.scenario.threat.kind === "none",
    days: dayOfTick(world, world.tick),
    outcomeDay: outcomeEvent ? dayOfTick(world, outcomeEvent.tick) : -1,
    il2Max: peakOf(h, "il2.maxPm"),
    il2Mean: peakOf(h, "il2.meanPm"),
    threat: peakOf(h, "threat.burden"),
    damageEnd: lastValue(h, "tissue.damage"),
    tregsAtStart: first ? first.values["count.treg"] ?? 0 : 0,
    tregFirstPositive: firstDayAtLeast(h, "pstat5.treg", POSITIVE_SHARE),
    cd8FirstPositive: firstDayAtLeast(h, "pstat5.cd8Activated", POSITIVE_SHARE),
    cd4FirstPositive: firstDayAtLeast(h, "pstat5.cd4Activated", POSITIVE_SHARE),
    nkPositivePeak: nkPeak,
    killers: peakOf(h, "count.cd8"),
    killersEnd: lastValue(h, "count.cd8"),
    helpersEnd: lastValue(h, "count.cd4"),
    il2MeanEnd: lastValue(h, "il2.meanPm"),
    area1nMPeak: peakOf(h, "il2.areaAbove1nMmm2").value,
    helperDivisions: divisionsOf("cd4"),
    killerDivisions: divisionsOf("cd8"),
    tregDivisions: divisionsOf("treg"),
    nkDivisions: divisionsOf("nkBright") + divisionsOf("nkDim"),
    killsByKillers: killsBy(["cd8"]),
    killsByNk: killsBy(["nkBright", "nkDim"]),
    starved: countEvents(world, (e) => e.kind === "death" && e.cause === "IL-2 deprivation"),
    capturedBy: {
      helpers: ledger.captured(world, 1),
      killers: ledger.captured(world, 2),
      nk: ledger.captured(world, 3),
      tregs: ledger.captured(world, 4),
    },
    doses: { ...th.dosesGiven },
    firstDoseDay,
    leakPeak: th.leakPeak,
    leakCrossedDay: th.leakCrossedTick >= 0 ? dayOfTick(world, th.leakCrossedTick) : -1,
  };
}
