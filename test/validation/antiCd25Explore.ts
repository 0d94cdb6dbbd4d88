// Exploring anti-CD25 and CD56bright NK cells (docs/model.md 2.11): one patch run with and without a dose of anti-CD25 at day 0 over
// several seeds, printing medians of tissue IL-2, the Tregs' and CD56bright NK cells' IL-2 signal, CD56bright
// divisions and count, and where the IL-2 went (shares of all secreted: decay, background sink, each cell type).
// Not a test: the figures in 2.11 come from it. Run from the repository root, one at a time (a 20-seed run of the
// islet patch takes about a minute):
//   npm exec -- node test/validation/antiCd25Explore.ts seeds=20 p.helperInflowPerHour=1 p.antiCd25Block=0.99
// Options: seeds, days, patch=islet|lymph|culture, ag (antigen strength, lymph and culture patches), cd4, cd8, nk,
// tregs (extra Tregs spread over the culture patch), nkNearDc=1, and p.<parameter>=<value> for any model parameter.

import { CellFlag, CellType, type Population, type Scenario, type World } from "../../shared/sim/index.ts";
import { queueTherapy } from "../../shared/sim/therapy.ts";
import { median, metricAt, metricMean, patch, run } from "./harness.ts";

const args: Record<string, string> = Object.fromEntries(process.argv.slice(2).map((a) => a.split("=") as [string, string]));
const num = (k: string, d: number) => (args[k] === undefined ? d : Number(args[k]));
const SIZE = 48, DAYS = num("days", 4), SEEDS = num("seeds", 5), AG = num("ag", 0.3);
const kind = args.patch ?? "islet";
const cd4 = num("cd4", kind === "lymph" ? 400 : kind === "culture" ? 25 : 80), cd8 = num("cd8", kind === "lymph" ? 100 : kind === "culture" ? 0 : 30);
const nk = num("nk", kind === "culture" ? 20 : 40);
const at = (fx: number, fy: number, radius: number) => ({ kind: "cluster" as const, x: fx * SIZE, y: fy * SIZE, radius });
const dc = (fx: number, fy: number, strength?: number): Population => ({ type: "dendritic", count: 1, placement: at(fx, fy, 0), antigenStrength: strength });
const nkPlace = args.nkNearDc === "1" ? { kind: "antigenSites" as const, radius: 6 } : { kind: "random" as const };

function scenario(): Scenario {
  if (kind === "culture") {
    // a culture-like cluster: activated helpers at 8 dendritic cells, NK cells around them, extra Tregs spread wide
    return patch({ size: SIZE, populations: [
      { type: "dendritic", count: 8, placement: at(0.5, 0.5, 3), antigenStrength: AG },
      { type: "cd4", count: cd4, placement: at(0.5, 0.5, 3), activated: true, antigenStrength: AG },
      { type: "nk", count: nk, placement: at(0.5, 0.5, 6) },
      ...(args.tregs ? [{ type: "treg" as const, count: Number(args.tregs), placement: at(0.5, 0.5, 20) }] : []),
      ...(cd8 ? [{ type: "cd8" as const, count: cd8, placement: at(0.5, 0.5, 6) }] : []),
    ] });
  }
  const dcs = kind === "lymph"
    ? [0, 1, 2].flatMap((a) => [0, 1, 2].map((b) => dc((a + 0.5) / 3, (b + 0.5) / 3, AG)))
    : [[0.3, 0.3], [0.7, 0.7], [0.3, 0.7]].map(([fx, fy]) => dc(fx, fy));
  return patch({
    size: SIZE,
    tissue: kind === "lymph" ? { kind: "none", spacing: 2 } : { kind: "islet", spacing: 2 },
    threat: kind === "lymph" ? { kind: "none", sites: [] } : { kind: "self", sites: [] },
    populations: [
      ...dcs,
      { type: "cd4", count: cd4, placement: { kind: "antigenSites", radius: 6 } },
      { type: "cd8", count: cd8, placement: { kind: "antigenSites", radius: 6 } },
      { type: "nk", count: nk, placement: nkPlace },
    ],
  });
}

const set: Record<string, number> = { tickSeconds: 120, tregShareOfCd4: kind === "culture" ? 0 : 0.15, repertoireCv: 0, nkBrightShare: 0.5 };
for (const [k, v] of Object.entries(args)) if (k.startsWith("p.")) set[k.slice(2)] = Number(v);

const live = (w: World, i: number) => w.cells.type[i] === CellType.nkBright && !(w.cells.flags[i] & CellFlag.dead);

function arm(antiCd25: boolean): Record<string, string> {
  const sc = scenario();
  const rows = Array.from({ length: SEEDS }, (_, k) => {
    let sum = 0, n = 0;
    const w = run({
      scenario: sc, params: set, seed: k + 1, days: DAYS,
      at: antiCd25 ? [{ day: 0, act: (world) => queueTherapy(world, "antiCd25", false) }] : [],
      each: (world) => {
        if (world.tick % 30) return;
        for (let i = 0; i < world.cells.count; i++) if (live(world, i)) { sum += world.cells.pstat5[i]; n++; }
      },
    });
    let divisions = 0, bright = 0;
    for (let i = 0; i < w.cells.count; i++) if (live(w, i)) { divisions += w.cells.divisions[i]; bright++; }
    const L = w.ledger, made = L.secreted || 1, by = L.capturedByType;
    return {
      il2Pm: metricMean(w, "il2.meanPm"), secretedPerS: metricMean(w, "il2.secretionPerS"),
      tregPositive: metricMean(w, "pstat5.treg"), brightPositive: metricMean(w, "pstat5.nkBright"),
      brightMeanPstat5: sum / Math.max(1, n), brightDivisions: divisions / Math.max(1, bright),
      brightFold: metricAt(w, "count.nkBright", DAYS) / metricAt(w, "count.nkBright", 0),
      helpersActivated: metricAt(w, "count.cd4Activated", DAYS),
      toDecay: L.decayed / made, toSink: L.sunk / made, toCd4: by[CellType.cd4] / made, toCd8: by[CellType.cd8] / made,
      toTreg: by[CellType.treg] / made, toBright: by[CellType.nkBright] / made, toDim: by[CellType.nkDim] / made,
    };
  });
  const out: Record<string, string> = {};
  for (const key of Object.keys(rows[0]) as (keyof (typeof rows)[0])[]) out[key] = median(rows.map((r) => r[key])).toPrecision(3);
  return out;
}

console.log(JSON.stringify({ patch: kind, seeds: SEEDS, days: DAYS, ...args }));
console.log("untreated ", JSON.stringify(arm(false)));
console.log("anti-CD25 ", JSON.stringify(arm(true)));
