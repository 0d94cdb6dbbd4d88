// The debrief (shared/net/debrief.ts): series as long as the days and at most 200 points, moments in day order,
// measures for each seat, a small message, and learning points that follow what happened (with and without Tregs,
// a cleared infection).

import { describe, expect, test } from "vitest";
import { createWorld, makeParams, queueTherapy, step, zeroValues, type MetricSample, type Scenario } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { buildDebrief, downsample, MAX_DEBRIEF_POINTS, type Seat } from "../../shared/report/debrief.ts";
import { RoleLedger } from "../../shared/report/roleLedger.ts";
import { fmtPm, runFacts } from "../../shared/report/runFacts.ts";
import { learningPoints } from "../../shared/report/learningPoints.ts";

/** Five-minute ticks and the earliest first division, so a short run gets to divisions. */
const FAST = { tickSeconds: 300, firstDivisionHours: 24 };
const SEATS: Seat[] = [
  { role: "effector", name: "Swift Dendrite", bot: "", squads: [1, 2] },
  { role: "treg", name: "Calm Receptor", bot: "normal", squads: [4] },
  { role: "nk", name: "Bright Granule", bot: "easy", squads: [3] },
  { role: "clinician", name: "Teacher", bot: "", squads: [] },
];

/** Runs up to `ticks` ticks, or until the round has an outcome when `untilOutcome`. */
function debriefOf(sc: Scenario, ticks: number, params: Record<string, number> = {}, seed = 4, untilOutcome = false) {
  const w = createWorld(sc, makeParams({ ...sc.params, ...FAST, ...params }), seed);
  const ledger = new RoleLedger();
  for (let k = 0; k < ticks && !(untilOutcome && w.outcome !== "ongoing"); k++) ledger.record(w, step(w));
  return { w, d: buildDebrief(w, SEATS, ledger) };
}

describe("buildDebrief on a short sandbox run", () => {
  const { w, d } = debriefOf(SCENARIOS.sandbox, 400);

  test("every series has one value per day, and days ascend to the last sample", () => {
    expect(d.days.length).toBe(w.history.length); // 40 samples: no downsampling needed
    for (const s of d.series) expect(s.values.length).toBe(d.days.length);
    for (let i = 1; i < d.days.length; i++) expect(d.days[i]).toBeGreaterThan(d.days[i - 1]);
    expect(d.days[d.days.length - 1]).toBeCloseTo(w.history[w.history.length - 1].day, 2);
    const names = d.series.map((s) => s.name);
    for (const n of ["il2.meanPm", "il2.maxPm", "count.cd4", "count.cd8", "count.treg", "count.nk", "threat.burden", "tissue.damage", "toxicity.leak"]) {
      expect(names).toContain(n);
    }
    // The leak charted as a share of the dose-limiting line (the client shows fractions in %), as the top bar gives it.
    expect(d.series.find((s) => s.name === "toxicity.leak")).toMatchObject({ label: "Vascular leak (share of the dose-limiting line)", units: "fraction" });
  });

  test("moments are in day order and include the first activation and the IL-2 peak", () => {
    expect(d.moments.length).toBeGreaterThan(2);
    for (let i = 1; i < d.moments.length; i++) expect(d.moments[i].day).toBeGreaterThanOrEqual(d.moments[i - 1].day);
    expect(d.moments.some((m) => /switched on/.test(m.text))).toBe(true);
    expect(d.moments.some((m) => /IL-2 peaked at \d/.test(m.text))).toBe(true);
  });

  test("each seat gets its measures, and the message stays small", () => {
    expect(d.roles.map((r) => r.role)).toEqual(["effector", "treg", "nk", "clinician"]);
    expect(d.roles[0].measures.length).toBeGreaterThan(4);
    expect(d.roles[3].measures.some((m) => m.label.includes("leak"))).toBe(true);
    expect(JSON.stringify(d).length).toBeLessThan(40_000);
  });

  test("3 to 5 learning points, with numbers from this run", () => {
    expect(d.learning.length).toBeGreaterThanOrEqual(3);
    expect(d.learning.length).toBeLessThanOrEqual(5);
    const peak = Math.max(...w.history.map((m) => m.values["il2.maxPm"]));
    expect(d.learning[0]).toContain(`${peak >= 10 ? Math.round(peak) : ""}`);
    for (const p of d.learning) expect(p).not.toMatch(/undefined|NaN/);
  });
});

describe("learning points follow the run", () => {
  const none = debriefOf(SCENARIOS.sandbox, 300, { tregShareOfCd4: 0 }).d;
  const many = debriefOf(SCENARIOS.sandbox, 300, { tregShareOfCd4: 0.3 }).d;

  test("without Tregs the debrief says so; with many Tregs it quotes their share of the IL-2", () => {
    expect(none.learning.some((p) => p.includes("no Tregs"))).toBe(true);
    expect(many.learning.some((p) => p.includes("no Tregs"))).toBe(false);
    const tregPoint = many.learning.find((p) => p.startsWith("Tregs were"));
    expect(tregPoint).toMatch(/\d+% of the T cells/);
    expect(none.learning).not.toEqual(many.learning);
  });

  test("a course of high-dose IL-2 gets a therapy point with its doses and the leak it caused", () => {
    const sc = SCENARIOS.sandbox;
    const w = createWorld(sc, makeParams({ ...FAST }), 3);
    queueTherapy(w, "highDose", true);
    const ledger = new RoleLedger();
    for (let k = 0; k < 150; k++) ledger.record(w, step(w));
    const d = buildDebrief(w, SEATS, ledger);
    const point = d.learning.find((p) => p.startsWith("High-dose IL-2"));
    expect(point).toMatch(new RegExp(`\\(${w.therapy.dosesGiven.highDose} doses from day 1 at 00:00\\)`));
    expect(point).toMatch(/[Vv]ascular leak peaked at \d/);
    expect(none.learning.some((p) => p.startsWith("High-dose IL-2"))).toBe(false);
    expect(d.moments.some((m) => m.text.startsWith("First dose of high-dose IL-2"))).toBe(true);
    // IL-2 in the unit the top bar uses: nanomolar past 1,000 pM (a 14-year-old compares the two), never "11,710 pM".
    const words = [...d.learning, ...d.moments.map((m) => m.text)];
    expect(words.filter((t) => /\d,\d{3}(\.\d+)? pM/.test(t))).toEqual([]);
    expect(words.some((t) => /IL-2 peaked at \d+(\.\d)? nM/.test(t)), words.join(" | ")).toBe(true);
  });

  test("counts in the learning points have thousands separators, as everywhere else ('2,165 times', never '2165')", () => {
    const w = createWorld(SCENARIOS.sandbox, makeParams({ ...FAST }), 3);
    const ledger = new RoleLedger();
    for (let k = 0; k < 150; k++) ledger.record(w, step(w));
    // A long round's counts, on this run's facts.
    const facts = { ...runFacts(w, ledger), helperDivisions: 2165, killerDivisions: 1338, nkDivisions: 1200, killsByKillers: 4070, killsByNk: 1093 };
    const text = learningPoints(w, facts, ledger).join(" ");
    expect(text).toMatch(/divided 2,165 times/);
    expect(text.replace(/\d{1,2}:\d{2}/g, "").match(/\d{4,}/g), "counts written without separators").toBeNull();
  });

  test("fmtPm writes IL-2 in pM below 1,000 pM and in nM from there", () => {
    expect(fmtPm(42.4)).toBe("42 pM");
    expect(fmtPm(0.35)).toBe("0.35 pM");
    expect(fmtPm(11_710)).toBe("12 nM"); // as the top bar rounds it
    expect(fmtPm(2_345)).toBe("2.3 nM");
    expect(fmtPm(1000)).toBe("1 nM");
  });

  test("a tumour round says whether this patient's tumour let the killers in, with the kills it allowed", () => {
    const hot = debriefOf(SCENARIOS.melanoma, 120, { tumourInflamedShare: 1 }).d;
    const cold = debriefOf(SCENARIOS.melanoma, 120, { tumourInflamedShare: 0, tumourExcludedContact: 0.2 }).d;
    expect(hot.learning.some((p) => p.includes('tumour was "hot"'))).toBe(true);
    expect(cold.learning.find((p) => p.includes('tumour was "cold"'))).toMatch(/only 20% of the time and killed [\d,]+ cells/);
    expect(none.learning.some((p) => /tumour was "(hot|cold)"/.test(p))).toBe(false);
  });

  test("a cleared infection gets an outcome sentence and an outcome moment", () => {
    const { w, d } = debriefOf(SCENARIOS.viral, 500, {}, 7, true);
    expect(w.outcome).toBe("cleared");
    expect(d.outcome).toBe("cleared");
    expect(d.outcomeText).toMatch(/cleared the infection on day \d/);
    expect(d.moments.some((m) => m.text === d.outcomeText)).toBe(true);
    expect(d.moments.some((m) => /first target cell was killed/.test(m.text))).toBe(true);
  });
});

describe("downsample", () => {
  const sample = (i: number): MetricSample => ({ tick: i, day: i / 144, values: { ...zeroValues(), "threat.burden": i } });
  test("keeps at most 200 points, evenly spaced, always the first and the last", () => {
    for (const n of [1, 199, 200, 201, 1000, 1153]) {
      const h = Array.from({ length: n }, (_, i) => sample(i));
      const out = downsample(h);
      expect(out.length).toBeLessThanOrEqual(MAX_DEBRIEF_POINTS);
      expect(out[0]).toBe(h[0]);
      expect(out[out.length - 1]).toBe(h[n - 1]);
      for (let i = 1; i < out.length; i++) expect(out[i].tick).toBeGreaterThan(out[i - 1].tick);
    }
  });
});
