// Metrics over time: what the HUD, the debrief charts, the experiment runner and the validation tests read.
// Each metric has a name, units and a plain description. Sampled every metricsEveryTicks by step().

import { CELL_TYPE_NAMES, CellType, isThreat, type CellTypeName } from "./cellTypes.ts";
import { CellFlag, dayOf, type World } from "./world.ts";

const IMMUNE = ["cd4", "cd8", "treg", "nkBright", "nkDim"] as const;
type ImmuneName = (typeof IMMUNE)[number];
/** Who takes the IL-2, as the game groups them (NK cells of both kinds together). */
export type CapturerName = "cd4" | "cd8" | "treg" | "nk";

/** Every metric's name: what METRICS lists, as a type, so a misspelt metric is a compile error. */
export type MetricName =
  | `count.${CellTypeName}` | "count.cd4Activated" | "count.cd8Activated" | "count.nk"
  | "il2.meanPm" | "il2.maxPm" | "il2.areaAbove10pMmm2" | "il2.areaAbove1nMmm2" | "il2.secretionPerS" | "il2.plasmaPm"
  | `il2.captureShare.${CapturerName}` | `il2.captured.${ImmuneName}`
  | "therapy.highDosePm" | "therapy.lowDosePm" | "therapy.antiCd25Block" | "therapy.cd122BiasedPm"
  | `pstat5.${ImmuneName}` | "pstat5.cd4Activated" | "pstat5.cd8Activated"
  | "threat.burden" | "tissue.damage" | "toxicity.leak"
  | "events.activations" | "events.divisions" | "events.kills" | "events.deaths" | "events.doses" | "events.infections";

/** One sample's values, a number for every metric. */
export type MetricValues = Record<MetricName, number>;

export interface MetricSpec { name: MetricName; units: string; description: string }

/** Who takes the IL-2, as the game shows it: helpers, killers, Tregs and NK cells (both kinds together). */
const CAPTURERS: readonly { name: CapturerName; label: string; types: readonly number[] }[] = [
  { name: "cd4", label: "helper T cells", types: [CellType.cd4] },
  { name: "cd8", label: "killer T cells", types: [CellType.cd8] },
  { name: "treg", label: "Tregs", types: [CellType.treg] },
  { name: "nk", label: "NK cells", types: [CellType.nkBright, CellType.nkDim] },
] as const;

export const METRICS: readonly MetricSpec[] = [
  ...CELL_TYPE_NAMES.map((t) => ({ name: `count.${t}` as const, units: "cells", description: `Number of cells of type ${t}` })),
  { name: "count.cd4Activated", units: "cells", description: "Activated CD4 helper T cells" },
  { name: "count.cd8Activated", units: "cells", description: "Activated CD8 killer T cells" },
  { name: "count.nk", units: "cells", description: "All NK cells" },
  { name: "il2.meanPm", units: "pM", description: "Mean IL-2 over the tissue patch" },
  { name: "il2.maxPm", units: "pM", description: "Highest IL-2 in any voxel" },
  { name: "il2.areaAbove10pMmm2", units: "mm²", description: "Area where IL-2 is above 10 pM (the high-affinity receptor's range)" },
  { name: "il2.areaAbove1nMmm2", units: "mm²", description: "Area where IL-2 is above 1 nM (the intermediate receptor's range)" },
  { name: "il2.secretionPerS", units: "molecules/s", description: "IL-2 secreted by all helpers now" },
  { name: "il2.plasmaPm", units: "pM", description: "IL-2 in the blood (therapy and systemic)" },
  ...CAPTURERS.map((g) => ({ name: `il2.captureShare.${g.name}` as const, units: "fraction", description: `Share of the IL-2 captured since the last sample that ${g.label} took` })),
  ...IMMUNE.map((t) => ({ name: `il2.captured.${t}` as const, units: "molecules", description: `IL-2 molecules ${t} cells have captured so far` })),
  { name: "therapy.highDosePm", units: "pM", description: "High-dose IL-2 (aldesleukin) in the blood" },
  { name: "therapy.lowDosePm", units: "pM", description: "Low-dose IL-2 in the blood" },
  { name: "therapy.antiCd25Block", units: "fraction", description: "Share of every cell's CD25 that anti-CD25 antibody blocks now" },
  { name: "therapy.cd122BiasedPm", units: "pM", description: "CD122-biased engineered IL-2 in the tissue" },
  ...IMMUNE.map((t) => ({ name: `pstat5.${t}` as const, units: "fraction", description: `Share of ${t} cells that are pSTAT5-positive` })),
  { name: "pstat5.cd4Activated", units: "fraction", description: "Share of activated CD4 helpers that are pSTAT5-positive" },
  { name: "pstat5.cd8Activated", units: "fraction", description: "Share of activated CD8 killers that are pSTAT5-positive" },
  { name: "threat.burden", units: "cells", description: "Infected and tumour cells" },
  { name: "tissue.damage", units: "fraction", description: "Share of the healthy tissue at the start that has been lost" },
  { name: "toxicity.leak", units: "score", description: "Vascular leak; 1 is the dose-limiting line" },
  { name: "events.activations", units: "events", description: "T cells activated so far" },
  { name: "events.divisions", units: "events", description: "Divisions so far" },
  { name: "events.kills", units: "events", description: "Target cells killed so far" },
  { name: "events.deaths", units: "events", description: "Cells that died so far (all causes)" },
  { name: "events.doses", units: "events", description: "Therapy doses given so far" },
  { name: "events.infections", units: "events", description: "Cells infected by the virus so far" },
];

export const METRIC_NAMES: readonly MetricName[] = METRICS.map((m) => m.name);

/** A sample's values with every metric at 0: where only some are known (a packed history, a test), the rest read 0. */
export function zeroValues(): MetricValues {
  const v = {} as MetricValues;
  for (const name of METRIC_NAMES) v[name] = 0;
  return v;
}

const KNOWN: ReadonlySet<string> = new Set(METRIC_NAMES);
/** Whether a name read from outside (a command line, a request) is a metric's. */
export function isMetricName(name: string): name is MetricName {
  return KNOWN.has(name);
}

export interface MetricSample {
  tick: number;
  day: number;
  values: MetricValues;
}

/** Area of one voxel in mm² (10 µm × 10 µm). */
const VOXEL_MM2 = 1e-4;

export function sampleMetrics(world: World): MetricSample {
  const c = world.cells, p = world.params;
  const counts = new Array<number>(CELL_TYPE_NAMES.length).fill(0);
  const positive = new Array<number>(CELL_TYPE_NAMES.length).fill(0);
  let cd4Act = 0, cd8Act = 0, cd4ActPos = 0, cd8ActPos = 0, threat = 0;
  const gate = p.pstat5PositiveLevel;
  for (let i = 0; i < c.count; i++) {
    if (c.flags[i] & CellFlag.dead) continue;
    const t = c.type[i];
    counts[t]++;
    const pos = c.pstat5[i] > gate ? 1 : 0;
    positive[t] += pos;
    if (c.flags[i] & CellFlag.activated) {
      if (t === CellType.cd4) { cd4Act++; cd4ActPos += pos; }
      if (t === CellType.cd8) { cd8Act++; cd8ActPos += pos; }
    }
    if (isThreat(t)) threat++;
  }
  const f = world.field.c;
  let sum = 0, max = 0, above10 = 0, above1n = 0;
  for (let v = 0; v < f.length; v++) {
    const x = f[v];
    sum += x;
    if (x > max) max = x;
    if (x > 10) above10++;
    if (x > 1000) above1n++;
  }
  const src = world.field.source;
  let secretion = 0;
  for (let v = 0; v < src.length; v++) secretion += src[v];
  const values = {} as MetricValues;
  CELL_TYPE_NAMES.forEach((t, k) => (values[`count.${t}`] = counts[k]));
  values["count.cd4Activated"] = cd4Act;
  values["count.cd8Activated"] = cd8Act;
  values["count.nk"] = counts[CellType.nkBright] + counts[CellType.nkDim];
  values["il2.meanPm"] = sum / f.length;
  values["il2.maxPm"] = max;
  values["il2.areaAbove10pMmm2"] = above10 * VOXEL_MM2;
  values["il2.areaAbove1nMmm2"] = above1n * VOXEL_MM2;
  const th = world.therapy;
  values["il2.secretionPerS"] = secretion;
  values["il2.plasmaPm"] = p.systemicIl2Pm + th.bolusFast + th.bolusSlow + th.lowDosePm;
  // shares of what was captured since the previous sample (the cumulative counts are metrics too)
  const byType = world.ledger.capturedByType, prev = world.history.at(-1)?.values;
  IMMUNE.forEach((t) => (values[`il2.captured.${t}`] = byType[CellType[t]]));
  let recent = 0;
  const took = CAPTURERS.map((g) => {
    let n = 0;
    for (const t of g.types) n += byType[t] - (prev?.[`il2.captured.${CELL_TYPE_NAMES[t] as ImmuneName}`] ?? 0);
    recent += n;
    return n;
  });
  CAPTURERS.forEach((g, k) => (values[`il2.captureShare.${g.name}`] = recent > 0 ? took[k] / recent : 0));
  values["therapy.highDosePm"] = th.bolusFast + th.bolusSlow;
  values["therapy.lowDosePm"] = th.lowDosePm;
  values["therapy.antiCd25Block"] = th.antiCd25;
  values["therapy.cd122BiasedPm"] = th.biasedPm;
  for (const t of IMMUNE) {
    const k = CellType[t];
    values[`pstat5.${t}`] = counts[k] ? positive[k] / counts[k] : 0;
  }
  values["pstat5.cd4Activated"] = cd4Act ? cd4ActPos / cd4Act : 0;
  values["pstat5.cd8Activated"] = cd8Act ? cd8ActPos / cd8Act : 0;
  values["threat.burden"] = threat;
  const healthy = counts[CellType.tissue] + counts[CellType.islet];
  values["tissue.damage"] = world.initialHealthy ? Math.max(0, 1 - healthy / world.initialHealthy) : 0;
  values["toxicity.leak"] = th.leak;
  const k = world.counters;
  values["events.activations"] = k.activations;
  values["events.divisions"] = k.divisions;
  values["events.kills"] = k.kills;
  values["events.deaths"] = k.deaths;
  values["events.doses"] = k.doses;
  values["events.infections"] = k.infections;
  return { tick: world.tick, day: dayOf(world), values };
}
