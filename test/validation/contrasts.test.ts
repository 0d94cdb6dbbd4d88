// Contrasts from the same run move the round the way the biology says, in bot rounds over two seeds each: without
// Tregs (type 1 diabetes; every other cell as it was) more helper and killer T cells switch on and no IL-2 goes to Tregs; without a high-dose course, or with
// low dose instead, the vascular leak stays far lower; with the helpers scattered instead of gathered (viral), less
// IL-2 builds up. The line of text carries the round's own numbers.

import { describe, expect, test } from "vitest";
import { compareRuns } from "../../shared/report/contrastCompare.ts";
import { changeFor, planContrasts, type ContrastId } from "../../shared/report/contrasts.ts";
import { replayRound } from "../../shared/report/replay.ts";
import type { MetricName, MetricSample } from "../../shared/sim/index.ts";
import { playRound } from "../unit/contrastRound.ts";

const peak = (h: readonly MetricSample[], name: MetricName) => Math.max(0, ...h.map((s) => s.values[name] ?? 0));
const last = (h: readonly MetricSample[], name: MetricName) => h.at(-1)?.values[name] ?? 0;
const ids = (plans: { id: ContrastId }[]) => plans.map((p) => p.id);

/** A high-dose course played by a person at tick 120 (the clinician's seat is theirs, the others are bots). */
const HIGH_DOSE = [{ tick: 120, role: "clinician" as const, payload: { kind: "therapy", therapy: "highDose", course: true } }];

describe("contrasts move the round in the expected direction", () => {
  test("without Tregs (type 1 diabetes): the same helpers and killers at the start, more of them switched on, no IL-2 taken by Tregs", () => {
    for (const seed of [1, 3]) {
      const { world, log } = playRound("t1d", seed, 2);
      const plans = planContrasts(log);
      expect(ids(plans)).toContain("noTregs");
      const none = replayRound(log, changeFor("noTregs", log));
      expect(peak(none.history, "count.treg")).toBe(0);
      for (const name of ["count.cd4", "count.cd8", "count.nk", "count.dendritic"] as const) expect(none.history[0].values[name], name).toBe(world.history[0].values[name]);
      expect(last(world.history, "il2.captured.treg")).toBeGreaterThan(0);
      expect(last(none.history, "il2.captured.treg")).toBe(0);
      const effectors = (h: readonly MetricSample[]) => peak(h, "count.cd4Activated") + peak(h, "count.cd8Activated");
      expect(effectors(none.history), `seed ${seed}`).toBeGreaterThan(1.2 * effectors(world.history));
      expect(peak(none.history, "count.cd8Activated"), `seed ${seed}`).toBeGreaterThan(peak(world.history, "count.cd8Activated"));
      const r = compareRuns(plans.find((p) => p.id === "noTregs")!, log.scenario, world.history, none.history);
      expect(r.summary).toMatch(/^Without Tregs: \d+ switched-on killer T cells at the peak instead of \d+ \(\d\.\d× as many\)/);
    }
  });

  test("no therapy, and the other therapy: a high-dose course's leak is gone", () => {
    for (const seed of [21, 22]) {
      const { world, log } = playRound("viral", seed, 1, HIGH_DOSE, ["effector", "treg", "nk"]);
      expect(ids(planContrasts(log))).toEqual(expect.arrayContaining(["noTherapy", "otherTherapy"]));
      const leak = peak(world.history, "toxicity.leak");
      expect(leak).toBeGreaterThan(0.1);
      const none = replayRound(log, changeFor("noTherapy", log));
      expect(peak(none.history, "toxicity.leak")).toBeLessThan(leak / 10);
      expect(peak(none.history, "therapy.highDosePm")).toBe(0);
      const other = replayRound(log, changeFor("otherTherapy", log));
      expect(peak(other.history, "therapy.highDosePm")).toBe(0);
      expect(peak(other.history, "therapy.lowDosePm")).toBeGreaterThan(0);
      expect(peak(other.history, "toxicity.leak")).toBeLessThan(leak / 10);
    }
  });

  test("helpers scattered instead of gathered: less IL-2, at the average and at the highest spot", () => {
    // Two days, the shortest round the menus offer: over one day the direction is not settled yet (scattered helpers
    // meet more dendritic cells, so more of them switch on, and the first day's IL-2 can come out either way).
    for (const seed of [1, 3]) {
      const { world, log } = playRound("viral", seed, 2);
      expect(ids(planContrasts(log))).toContain("scattered");
      const scattered = replayRound(log, changeFor("scattered", log));
      expect(peak(scattered.history, "il2.meanPm"), `seed ${seed}`).toBeLessThan(0.8 * peak(world.history, "il2.meanPm"));
      expect(peak(scattered.history, "il2.maxPm"), `seed ${seed}`).toBeLessThan(0.8 * peak(world.history, "il2.maxPm"));
    }
  });
});

