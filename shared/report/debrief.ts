// The end-of-round report: charts over time (≤ 200 points, IL-2 in pM, cells, fractions), the outcome in plain words,
// key moments by day, what each seat's role did (from the role ledger) and learning points tied to this run.
// Pure. Called by the game room once the round has an outcome (ServerMessage.debrief); a few tens of KB at most.

import type { MetricName, MetricSample } from "../sim/metrics.ts";
import type { World } from "../sim/world.ts";
import type { Role } from "../sim/roles.ts";
import { learningPoints } from "./learningPoints.ts";
import type { Debrief, DebriefSeries } from "../net/messages.ts";
import type { RoleLedger } from "./roleLedger.ts";
import { daysLong, onDay } from "../net/dayClock.ts";
import { LEAK_LABEL } from "../net/leakShare.ts";
import { dayOfTick, fmt, fmtPm, POSITIVE_SHARE, pct, runFacts, threatWords, type RunFacts } from "./runFacts.ts";

export const MAX_DEBRIEF_POINTS = 200;
/** At most this many moments, so the list stays readable. */
export const MAX_MOMENTS = 16;

export interface Seat { role: Role; name: string; bot: string; squads: number[] }

/** The charts: metric name, label and units (the fraction metrics are shown as they are, 0..1). */
/** A chart of the debrief: which metric, and its words. */
interface SeriesSpec { name: MetricName; label: string; units: string }

const SERIES: readonly SeriesSpec[] = [
  { name: "il2.meanPm", label: "IL-2, average over the tissue", units: "pM" },
  { name: "il2.maxPm", label: "IL-2, highest spot", units: "pM" },
  { name: "count.cd4", label: "Helper T cells", units: "cells" },
  { name: "count.cd8", label: "Killer T cells", units: "cells" },
  { name: "count.treg", label: "Tregs", units: "cells" },
  { name: "count.nk", label: "NK cells", units: "cells" },
  { name: "pstat5.treg", label: "Tregs hearing IL-2 (pSTAT5-positive share)", units: "fraction" },
  { name: "pstat5.cd8Activated", label: "Activated killers hearing IL-2 (pSTAT5-positive share)", units: "fraction" },
  { name: "threat.burden", label: "Threat (infected or tumour cells)", units: "cells" },
  { name: "tissue.damage", label: "Healthy tissue lost", units: "fraction" },
  { name: "toxicity.leak", label: LEAK_LABEL, units: "fraction" }, // the score is 1 at the line: shown as a percentage
];

/** The threat in autoimmunity (type 1 diabetes): self-reactive killer T cells that have been switched on. */
const SELF_THREAT_SERIES: SeriesSpec = { name: "count.cd8Activated", label: "Threat: switched-on self-reactive killer T cells", units: "cells" };

/** Three significant figures: charts need no more, and the message stays small. */
const sig3 = (x: number) => (x === 0 || !Number.isFinite(x) ? 0 : Number(x.toPrecision(3)));

/** Every k-th sample so that at most `max` remain, always keeping the last. */
export function downsample(history: readonly MetricSample[], max = MAX_DEBRIEF_POINTS): MetricSample[] {
  if (history.length <= max) return history.slice();
  const every = Math.ceil(history.length / max);
  const out: MetricSample[] = [];
  for (let i = 0; i < history.length; i += every) out.push(history[i]);
  const last = history[history.length - 1];
  if (out[out.length - 1] !== last) {
    if (out.length >= max) out[out.length - 1] = last;
    else out.push(last);
  }
  return out;
}

export function outcomeText(world: World, f: RunFacts): string {
  const { noun, plural } = threatWords(world);
  const damage = pct(f.damageEnd);
  const when = onDay(f.outcomeDay >= 0 ? f.outcomeDay : f.days);
  const leak = f.leakCrossedDay >= 0 ? ` The therapy pushed vascular leak over the dose-limiting line on ${onDay(f.leakCrossedDay)}.` : "";
  const left = fmt(world.history[world.history.length - 1]?.values["threat.burden"] ?? 0);
  switch (world.outcome) {
    case "cleared":
      return `The team cleared the ${noun} on ${when}, after it reached ${fmt(f.threat.value)} ${plural} at its peak; ${damage} of the healthy tissue was lost.${leak}`;
    case "overrun":
      return `The ${noun} overran the tissue: by ${when} half of the healthy tissue was lost (the ${noun} peaked at ${fmt(f.threat.value)} ${plural}).${leak}`;
    case "protected":
      return `Self tissue protected: after ${daysLong(f.days)} ${f.damageEnd <= 0 ? "none" : damage === pct(0) ? "fewer than 1%" : `only ${damage}`} of the islet cells had been destroyed by the body's own killer T cells.${leak}`;
    case "lost":
      return `The body's own killer T cells destroyed half of the islet cells by ${when}: the self tissue was lost.${leak}`;
    case "timeUp":
      if (world.scenario.threat.kind === "none") {
        return `A quiet patch with no threat: the round ran ${daysLong(f.days)} to show the IL-2 tug-of-war on its own; ${damage} of the tissue was lost.`;
      }
      return `Time ran out on ${when} with ${left} ${plural} left (peak ${fmt(f.threat.value)}); ${damage} of the healthy tissue was lost.${leak}`;
    case "endedByTeacher":
      if (world.scenario.threat.kind === "none") {
        return `A quiet patch with no threat: the teacher ended the round on ${when}, after ${daysLong(f.days)} of the IL-2 tug-of-war on its own; ${damage} of the tissue was lost.`;
      }
      if (world.scenario.threat.kind === "self") {
        return `The teacher ended the round on ${when}, before it was decided: by then the body's own killer T cells had destroyed ${damage} of the islet cells.${leak}`;
      }
      return `The teacher ended the round on ${when}, before it was decided, with ${left} ${plural} left (peak ${fmt(f.threat.value)}); ${damage} of the healthy tissue was lost.${leak}`;
    default:
      return `The round stopped on ${onDay(f.days)} before it was decided; ${damage} of the healthy tissue was lost so far.${leak}`;
  }
}

const TYPE_WORDS: Record<string, string> = {
  cd4: "helper T cell", cd8: "killer T cell", treg: "Treg", nkBright: "NK cell", nkDim: "NK cell",
};

const THERAPY_WORDS: Record<string, string> = {
  highDose: "high-dose IL-2", lowDose: "low-dose IL-2", antiCd25: "anti-CD25 antibody", cd122Biased: "CD122-biased IL-2",
};

export function keyMoments(world: World, f: RunFacts, ledger: RoleLedger): { day: number; text: string }[] {
  const out: { day: number; text: string }[] = [];
  const seen = new Set<string>();
  const doses: Record<string, number> = {};
  for (const e of world.eventLog) {
    const day = dayOfTick(world, e.tick);
    const once = (key: string, text: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ day, text });
    };
    switch (e.kind) {
      case "activation":
        once("activation", `The first ${TYPE_WORDS[e.cellType ?? ""] ?? "T cell"} met its antigen at a dendritic cell and switched on.`);
        break;
      case "division":
        if (e.cellType === "cd4" || e.cellType === "cd8" || e.cellType === "treg") {
          once(`division.${e.cellType}`, `The first ${TYPE_WORDS[e.cellType]} divided.`);
        }
        break;
      case "kill":
        once("kill", `The first ${e.cellType === "islet" ? "islet cell" : "target cell"} was killed, by a${e.byType === "cd8" ? " killer T cell" : "n NK cell"}.`);
        break;
      case "dose":
        if (e.cause) once(`withheld.${e.therapy}`, `A dose of ${THERAPY_WORDS[e.therapy ?? ""] ?? e.therapy} was held back: the leak was over the dose-limiting line.`);
        else {
          const n = (doses[e.therapy ?? ""] = (doses[e.therapy ?? ""] ?? 0) + 1);
          if (n === 1) out.push({ day, text: `First dose of ${THERAPY_WORDS[e.therapy ?? ""] ?? e.therapy} (${f.doses[e.therapy ?? ""] ?? 1} given in all).` });
        }
        break;
      case "leak":
        once("leak", "Vascular leak crossed the dose-limiting line: no more high-dose IL-2 until it recovers.");
        break;
      case "outcome":
        once("outcome", outcomeText(world, f));
        break;
    }
  }
  const peak = ledger.il2Peak;
  if (peak && peak.pm > 0) out.push({ day: peak.day, text: `IL-2 peaked at ${fmtPm(peak.pm)}${peak.helpers > 0 ? `, with ${peak.helpers} switched-on helper${peak.helpers === 1 ? "" : "s"} nearby` : ""}.` });
  else if (f.il2Max.value > 0) out.push({ day: f.il2Max.day, text: `IL-2 peaked at ${fmtPm(f.il2Max.value)}.` });
  if (f.threat.value > 0) out.push({ day: f.threat.day, text: `The threat peaked at ${fmt(f.threat.value)} cells.` });
  // the least telling moments go first when there are too many
  const minor: { day: number; text: string }[] = [];
  if (f.tregFirstPositive >= 0) minor.push({ day: f.tregFirstPositive, text: `Tregs lit up: ${pct(POSITIVE_SHARE)} or more of them were pSTAT5-positive.` });
  if (f.killers.value > 0 && f.killers.day > 0) minor.push({ day: f.killers.day, text: `Killer T cells peaked at ${fmt(f.killers.value)}.` });
  const kept = [...out.slice(0, MAX_MOMENTS), ...minor.slice(0, Math.max(0, MAX_MOMENTS - out.length))];
  kept.sort((a, b) => a.day - b.day);
  return kept.map((m) => ({ day: Math.round(m.day * 100) / 100, text: m.text }));
}

/** The metric that counts the threat: infected and tumour cells, or in autoimmunity the activated self-reactive killers. */
export function threatMetricOf(world: Pick<World, "scenario">): MetricName {
  return world.scenario.threat.kind === "self" ? SELF_THREAT_SERIES.name : "threat.burden";
}

/** The charts for this world: in autoimmunity the threat is the body's own switched-on killers, not infected or tumour cells. */
export function seriesFor(world: World): readonly SeriesSpec[] {
  if (world.scenario.threat.kind !== "self") return SERIES;
  return SERIES.map((s) => (s.name === "threat.burden" ? SELF_THREAT_SERIES : s));
}

/** Builds the report; a round the teacher ended has the outcome `endedByTeacher`. */
export function buildDebrief(world: World, seats: readonly Seat[], ledger: RoleLedger): Debrief {
  const facts = runFacts(world, ledger);
  const samples = downsample(world.history);
  const series: DebriefSeries[] = seriesFor(world).map((s) => ({ ...s, values: samples.map((m) => sig3(m.values[s.name] ?? 0)) }));
  return {
    scenarioId: world.scenario.id,
    outcome: world.outcome,
    outcomeText: outcomeText(world, facts),
    days: samples.map((m) => Math.round(m.day * 1000) / 1000),
    series,
    moments: keyMoments(world, facts, ledger),
    roles: seats.map((s) => ({ role: s.role, name: s.name, bot: s.bot, measures: ledger.measuresFor(world, s.role, s.squads) })),
    learning: learningPoints(world, facts, ledger),
  };
}
