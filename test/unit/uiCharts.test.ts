// The debrief charts' axis arithmetic (client/src/ui/chartScale.ts) and how series are grouped into charts.

import { describe, expect, it } from "vitest";
import type { MetricName } from "../../shared/sim/index.ts";
import { dayTickLabel, extentOf, niceStep, niceTicks, scaleLinear, thinIndices } from "../../client/src/ui/chartScale.ts";
import { groupSeries, readable } from "../../client/src/ui/debriefView.ts";

describe("extentOf", () => {
  it("includes zero by default and skips non-numbers", () => {
    expect(extentOf([3, 7, Number.NaN, 5])).toEqual({ min: 0, max: 7 });
    expect(extentOf([3, 7], false)).toEqual({ min: 3, max: 7 });
  });
  it("never returns a flat range", () => {
    expect(extentOf([])).toEqual({ min: 0, max: 1 });
    expect(extentOf([0, 0])).toEqual({ min: 0, max: 1 });
    expect(extentOf([4, 4], false)).toEqual({ min: 4, max: 8 });
  });
});

describe("nice ticks", () => {
  it("steps are 1, 2 or 5 times a power of ten", () => {
    expect(niceStep(10, 4)).toBe(5);
    expect(niceStep(1, 4)).toBe(0.5);
    expect(niceStep(730, 4)).toBe(200);
    expect(niceStep(0)).toBe(1);
  });
  it("covers the data with round numbers and no float noise", () => {
    const t = niceTicks({ min: 0, max: 0.7 }, 4);
    expect(t.ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(t.min).toBeLessThanOrEqual(0);
    expect(t.max).toBeGreaterThanOrEqual(0.7);
  });
  it("handles negative ranges and stays bounded", () => {
    const t = niceTicks({ min: -35, max: 12 }, 4);
    expect(t.ticks[0]).toBeLessThanOrEqual(-35);
    expect(t.ticks[t.ticks.length - 1]).toBeGreaterThanOrEqual(12);
    expect(t.ticks.length).toBeLessThan(10);
  });
});

describe("scaleLinear", () => {
  it("maps data to pixels, including an upside-down y axis", () => {
    const y = scaleLinear(0, 100, 200, 20);
    expect(y(0)).toBe(200);
    expect(y(100)).toBe(20);
    expect(y(50)).toBe(110);
    expect(scaleLinear(5, 5, 0, 10)(5)).toBe(0);
  });
});

describe("thinIndices", () => {
  it("keeps everything when short and the last sample when long", () => {
    expect(thinIndices(3, 10)).toEqual([0, 1, 2]);
    const idx = thinIndices(1000, 25);
    expect(idx.length).toBeLessThanOrEqual(26);
    expect(idx[0]).toBe(0);
    expect(idx[idx.length - 1]).toBe(999);
    expect(thinIndices(0, 5)).toEqual([]);
  });
});

describe("groupSeries", () => {
  const s = (name: MetricName, units: string) => ({ name, label: name, units, values: [0.25] });
  it("puts one family with the same units on one chart, at most four per chart", () => {
    const groups = groupSeries([s("il2.meanPm", "pM"), s("count.cd4", "cells"), s("count.cd8", "cells"), s("count.treg", "cells"), s("count.nk", "cells"),
      s("count.cd8Activated", "cells"), s("threat.burden", "cells"), s("il2.maxPm", "pM")]);
    expect(groups.map((g) => g.map((x) => x.name))).toEqual([["il2.meanPm", "il2.maxPm"], ["count.cd4", "count.cd8", "count.treg", "count.nk"], ["count.cd8Activated"], ["threat.burden"]]);
  });
  it("shows fractions as percentages and leaves other units alone", () => {
    expect(readable(s("tissue.damage", "fraction"))).toMatchObject({ units: "%", values: [25] });
    expect(readable(s("il2.meanPm", "pM"))).toMatchObject({ units: "pM", values: [0.25] });
  });
});

describe("time ticks count days as the clock does", () => {
  it("the start is Day 1, one day in is Day 2, and ticks inside a day have no label", () => {
    expect(dayTickLabel(0)).toBe("Day 1");
    expect(dayTickLabel(1)).toBe("Day 2");
    expect(dayTickLabel(2.0000000001)).toBe("Day 3");
    expect(dayTickLabel(0.5)).toBe("");
    expect(niceTicks({ min: 0, max: 2 }, 5).ticks.map(dayTickLabel).filter(Boolean)).toEqual(["Day 1", "Day 2", "Day 3"]);
  });
});
