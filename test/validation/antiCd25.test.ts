// Case "Anti-CD25 (daclizumab)" (Martin 2010 J Immunol; Bielekova 2006 PNAS): islet tissue with a weak self-antigen
// (as in tregDepletion.test.ts) and NK cells, given one dose of anti-CD25 antibody at the start or none. Blocking CD25
// takes the high-affinity receptor from Tregs and activated helpers: they take less IL-2, so more of it stays in the
// tissue, and Tregs lose their IL-2 signal. Reported but not asserted: CD56bright NK cells, which daclizumab expands
// several-fold over months in patients; in this model it does not (docs/model.md 2.11). On a 2-minute clock so that the
// 40 runs stay short; the 1-minute clock gives the same verdicts (docs/model.md section 6).

import { describe, expect, test } from "vitest";
import { queueTherapy } from "../../shared/sim/therapy.ts";
import { median, metricAt, metricMean, patch, report, run, SEEDS } from "./harness.ts";

const SIZE = 48, DAYS = 4;
const SPOTS = [[0.3, 0.3], [0.7, 0.7], [0.3, 0.7]];

const scenario = patch({
  size: SIZE, tissue: { kind: "islet", spacing: 2 }, threat: { kind: "self", sites: [] },
  populations: [
    ...SPOTS.map(([fx, fy]) => ({ type: "dendritic" as const, count: 1, placement: { kind: "cluster" as const, x: fx * SIZE, y: fy * SIZE, radius: 0 } })),
    { type: "cd4", count: 80, placement: { kind: "antigenSites", radius: 6 } },
    { type: "cd8", count: 30, placement: { kind: "antigenSites", radius: 6 } },
    { type: "nk", count: 40, placement: { kind: "random" } },
  ],
});

function arm(antiCd25: boolean) {
  const rows = Array.from({ length: SEEDS }, (_, k) => {
    const w = run({
      scenario, params: { tickSeconds: 120, tregShareOfCd4: 0.15, repertoireCv: 0, nkBrightShare: 0.5 }, seed: k + 1, days: DAYS,
      at: antiCd25 ? [{ day: 0, act: (world) => queueTherapy(world, "antiCd25", false) }] : [],
    });
    return {
      il2: metricMean(w, "il2.meanPm"),
      tregPstat5: metricMean(w, "pstat5.treg"),
      brightPstat5: metricMean(w, "pstat5.nkBright"),
      brightFold: metricAt(w, "count.nkBright", DAYS) / metricAt(w, "count.nkBright", 0),
    };
  });
  const out: Record<string, number> = {};
  for (const key of Object.keys(rows[0]) as (keyof (typeof rows)[0])[]) out[key] = median(rows.map((r) => r[key]));
  return out;
}

describe("anti-CD25 antibody (daclizumab)", () => {
  test("frees IL-2 (tissue mean at least 1.5×) and takes the IL-2 signal from Tregs (pSTAT5-positive share at most half)", () => {
    const none = arm(false), anti = arm(true);
    report("anti-CD25: untreated", none);
    report("anti-CD25: one dose at day 0", anti);
    expect(anti.il2).toBeGreaterThanOrEqual(1.5 * none.il2);
    expect(none.tregPstat5).toBeGreaterThan(0);
    expect(anti.tregPstat5).toBeLessThanOrEqual(0.5 * none.tregPstat5);
  });
});
