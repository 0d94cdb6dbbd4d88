// The vascular leak given one way on every screen (shared/net/leakShare.ts): a share of the dose-limiting line, as the
// top bar's toxicity meter shows it. Before, the debrief's chart and a clinician's card gave a bare score ("0.85",
// "1 is the dose-limiting line") and the contrast said "vascular leak peaking at 0.85", beside a top bar in %.

import { describe, expect, test } from "vitest";
import { LEAK_LABEL, percentOfLine, shareOfLine } from "../../shared/net/leakShare.ts";
import { compareRuns } from "../../shared/report/contrastCompare.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { zeroValues, type MetricSample } from "../../shared/sim/metrics.ts";

const sample = (day: number, leak: number): MetricSample => ({ tick: Math.round(day * 1440), day, values: { ...zeroValues(), "toxicity.leak": leak } });

describe("the leak as a share of the dose-limiting line", () => {
  test("in words and as a measure's value", () => {
    expect([0, -1, Number.NaN, 0.004, 0.85, 1, 1.3].map(shareOfLine)).toEqual(["0%", "0%", "0%", "under 1%", "85%", "100%", "130%"]);
    expect([0, Number.NaN, 0.004, 0.854, 1.234].map(percentOfLine)).toEqual([0, 0, 0, 85, 123]);
  });

  test("a contrast without the therapy says the leak in % of the line and charts it as a share", () => {
    const real = [sample(0, 0), sample(1, 0.5), sample(2, 0.85)];
    const without = [sample(0, 0), sample(1, 0.01), sample(2, 0.02)];
    const r = compareRuns({ id: "noTherapy", label: "Without the therapy", change: "" }, SCENARIOS.melanoma, real, without);
    expect(r.summary).toContain("vascular leak peaking at 2% of the dose-limiting line instead of 85%");
    const leak = r.series.find((s) => s.name === "toxicity.leak")!;
    expect(leak).toMatchObject({ label: LEAK_LABEL, units: "fraction" }); // the client shows fractions as %
    expect(leak.real.at(-1)).toBe(0.85);
  });
});
