// Case "Anti-CD25 (daclizumab)" (Martin 2010 J Immunol; Bielekova 2006 PNAS; Sheridan 2011). Two patches, each given
// one dose of anti-CD25 antibody at day 0 or none.
// - Islet tissue with a weak self-antigen (as in tregDepletion.test.ts) and NK cells: blocking CD25 takes the
//   high-affinity receptor from Tregs and activated helpers, so they take less IL-2, more of it stays in the tissue, and
//   Tregs lose their IL-2 signal. On a 2-minute clock so that the 40 runs stay short; the 1-minute clock gives the same
//   verdicts (docs/model.md section 6).
// - A lymph-node-like T-cell zone (9 dendritic cells with a moderately strong antigen, 400 CD4 and 100 CD8 cells, 40 NK
//   cells, half CD56bright): helpers whose CD25 is blocked cannot sense IL-2, so they do not shut their own IL-2 off
//   (Villarino 2007) and keep making it, and the CD56bright NK cells, whose intermediate receptors outnumber a helper's,
//   signal and divide more than untreated (Martin 2010: their IL-2 signal is not weakened, their proliferation rises;
//   Sheridan 2011: counts above placebo by day 14). On the runner's 3-minute clock. The mechanism and its limits:
//   docs/model.md 2.11.

import { describe, expect, test } from "vitest";
import { FAST_TICK_SECONDS } from "../../server/experiment/clock.ts";
import { CellFlag, CellType, type World } from "../../shared/sim/index.ts";
import { queueTherapy } from "../../shared/sim/therapy.ts";
import { median, metricAt, metricMean, patch, report, run, SEEDS } from "./harness.ts";

const SIZE = 48, DAYS = 4;
const dose = (antiCd25: boolean) => (antiCd25 ? [{ day: 0, act: (world: World) => queueTherapy(world, "antiCd25", false) }] : []);
const at = (fx: number, fy: number) => ({ kind: "cluster" as const, x: fx * SIZE, y: fy * SIZE, radius: 0 });

const islets = patch({
  size: SIZE, tissue: { kind: "islet", spacing: 2 }, threat: { kind: "self", sites: [] },
  populations: [
    ...[[0.3, 0.3], [0.7, 0.7], [0.3, 0.7]].map(([fx, fy]) => ({ type: "dendritic" as const, count: 1, placement: at(fx, fy) })),
    { type: "cd4", count: 80, placement: { kind: "antigenSites", radius: 6 } },
    { type: "cd8", count: 30, placement: { kind: "antigenSites", radius: 6 } },
    { type: "nk", count: 40, placement: { kind: "random" } },
  ],
});

const ZONE_ANTIGEN = 0.6;
const tCellZone = patch({
  size: SIZE,
  populations: [
    ...[0, 1, 2].flatMap((a) => [0, 1, 2].map((b) => ({
      type: "dendritic" as const, count: 1, placement: at((a + 0.5) / 3, (b + 0.5) / 3), antigenStrength: ZONE_ANTIGEN,
    }))),
    { type: "cd4", count: 400, placement: { kind: "antigenSites", radius: 6 } },
    { type: "cd8", count: 100, placement: { kind: "antigenSites", radius: 6 } },
    { type: "nk", count: 40, placement: { kind: "random" } },
  ],
});

const PARAMS = { tregShareOfCd4: 0.15, repertoireCv: 0, nkBrightShare: 0.5 };
const bright = (w: World, i: number) => w.cells.type[i] === CellType.nkBright && !(w.cells.flags[i] & CellFlag.dead);

function medians<T extends Record<string, number>>(rows: T[]): T {
  const out: Record<string, number> = {};
  for (const key of Object.keys(rows[0])) out[key] = median(rows.map((r) => r[key]));
  return out as T;
}

function isletArm(antiCd25: boolean) {
  return medians(Array.from({ length: SEEDS }, (_, k) => {
    const w = run({ scenario: islets, params: { tickSeconds: 120, ...PARAMS }, seed: k + 1, days: DAYS, at: dose(antiCd25) });
    return {
      il2: metricMean(w, "il2.meanPm"),
      tregPstat5: metricMean(w, "pstat5.treg"),
      brightPstat5: metricMean(w, "pstat5.nkBright"),
      brightFold: metricAt(w, "count.nkBright", DAYS) / metricAt(w, "count.nkBright", 0),
    };
  }));
}

/** CD56bright NK cells in the T-cell zone: mean pSTAT5 (sampled hourly), positive share, mean generation, count fold. */
function zoneArm(antiCd25: boolean) {
  const hourly = Math.round(3600 / FAST_TICK_SECONDS);
  return medians(Array.from({ length: SEEDS }, (_, k) => {
    let sum = 0, n = 0;
    const w = run({
      scenario: tCellZone, params: PARAMS, clock: FAST_TICK_SECONDS, seed: k + 1, days: DAYS, at: dose(antiCd25),
      each: (world) => {
        if (world.tick % hourly) return;
        for (let i = 0; i < world.cells.count; i++) if (bright(world, i)) { sum += world.cells.pstat5[i]; n++; }
      },
    });
    let generations = 0, living = 0;
    for (let i = 0; i < w.cells.count; i++) if (bright(w, i)) { generations += w.cells.divisions[i]; living++; }
    return {
      il2: metricMean(w, "il2.meanPm"),
      helpersActivated: metricAt(w, "count.cd4Activated", DAYS),
      brightMeanPstat5: sum / Math.max(1, n),
      brightPositive: metricMean(w, "pstat5.nkBright"),
      brightGenerations: generations / Math.max(1, living),
      brightFold: metricAt(w, "count.nkBright", DAYS) / metricAt(w, "count.nkBright", 0),
    };
  }));
}

describe("anti-CD25 antibody (daclizumab)", () => {
  test("islets: frees IL-2 (tissue mean at least 1.5×) and takes the IL-2 signal from Tregs (pSTAT5-positive share at most half)", () => {
    const none = isletArm(false), anti = isletArm(true);
    report("anti-CD25, islets: untreated", none);
    report("anti-CD25, islets: one dose at day 0", anti);
    expect(anti.il2).toBeGreaterThanOrEqual(1.5 * none.il2);
    expect(none.tregPstat5).toBeGreaterThan(0);
    expect(anti.tregPstat5).toBeLessThanOrEqual(0.5 * none.tregPstat5);
  });

  test("T-cell zone: CD56bright NK cells signal more (mean pSTAT5 at least 1.5×) and divide (mean generation up by at least 0.25) under the antibody", () => {
    const none = zoneArm(false), anti = zoneArm(true);
    report("anti-CD25, T-cell zone: untreated", none);
    report("anti-CD25, T-cell zone: one dose at day 0", anti);
    expect(none.brightMeanPstat5).toBeGreaterThan(0);
    expect(anti.brightMeanPstat5).toBeGreaterThanOrEqual(1.5 * none.brightMeanPstat5);
    expect(anti.brightGenerations).toBeGreaterThanOrEqual(none.brightGenerations + 0.25);
    expect(anti.brightFold).toBeGreaterThan(none.brightFold);
  });
});
