// The HUD's number and clock formatting (client/src/ui/format.ts) and the screen-reader situation text (situation.ts).

import { describe, expect, it } from "vitest";
import { formatClock, formatCooldown, formatCount, formatPm, formatPmPair, formatShare, trim } from "../../client/src/ui/format.ts";
import { describeSituation, hasFirstFigures, trend, type SituationFigures } from "../../client/src/ui/situation.ts";

describe("formatClock", () => {
  it("counts days from one and shows hours and minutes", () => {
    expect(formatClock(0)).toBe("Day 1, 00:00");
    expect(formatClock(1.5)).toBe("Day 2, 12:00");
    expect(formatClock(2 + 14 / 24 + 5 / 1440)).toBe("Day 3, 14:05");
  });
  it("rolls 23:59.9 over to the next day rather than showing 24:00", () => {
    expect(formatClock(0.99999)).toBe("Day 2, 00:00");
  });
  it("treats nonsense as the start", () => {
    expect(formatClock(Number.NaN)).toBe("Day 1, 00:00");
    expect(formatClock(-3)).toBe("Day 1, 00:00");
  });
});

describe("formatPm and trim", () => {
  it("switches to nM at 1000 pM and keeps numbers short", () => {
    expect(formatPm(0.05)).toBe("0.05 pM");
    expect(formatPm(3.14159)).toBe("3.1 pM");
    expect(formatPm(42.4)).toBe("42 pM");
    expect(formatPm(1500)).toBe("1.5 nM");
    expect(formatPm(100000)).toBe("100 nM");
    expect(formatPm(0)).toBe("0 pM");
    expect(formatPm(Number.NaN)).toBe("0 pM");
  });
  it("shows traces as \"<0.01 pM\", never in exponent notation", () => {
    expect(formatPm(0.01)).toBe("0.01 pM");
    expect(formatPm(0.0099)).toBe("<0.01 pM");
    expect(formatPm(1.2e-7)).toBe("<0.01 pM");
  });
  it("formatPmPair says the unit once when mean and peak share it", () => {
    expect(formatPmPair(0.3, 5)).toBe("0.3 / 5 pM");
    expect(formatPmPair(0.004, 0.53)).toBe("<0.01 / 0.53 pM");
    expect(formatPmPair(820, 1500)).toBe("820 pM / 1.5 nM");
    expect(formatPmPair(2000, 12_000)).toBe("2 / 12 nM");
    expect(formatPmPair(0, 0)).toBe("0 / 0 pM");
  });
  it("trims float noise", () => {
    expect(trim(0.30000000000000004)).toBe("0.3");
    expect(trim(-12.6)).toBe("-13");
  });
});

describe("shares, counts, cooldowns", () => {
  it("shows small but present shares as <1%", () => {
    expect(formatShare(0)).toBe("0%");
    expect(formatShare(0.004)).toBe("<1%");
    expect(formatShare(0.126)).toBe("13%");
    expect(formatShare(1.4)).toBe("140%");
  });
  it("groups thousands", () => expect(formatCount(12345.4)).toBe("12,345"));
  it("says how long until a card is ready in simulated time", () => {
    expect(formatCooldown(100, 100, 60)).toBe("ready");
    expect(formatCooldown(400, 100, 60)).toBe("ready in 5 h");
    expect(formatCooldown(130, 100, 60)).toBe("ready in 30 min");
  });
});

const base: SituationFigures = { day: 1, cd4: 50, cd8: 40, treg: 10, nk: 20, threat: 100, damage: 0, leak: 0, il2MeanPm: 1, il2MaxPm: 20, paused: false, outcome: "ongoing" };

describe("describeSituation", () => {
  it("ignores small changes and names big ones", () => {
    expect(trend(105, 100)).toBe("steady");
    expect(trend(130, 100)).toBe("rising");
    expect(trend(1, 3)).toBe("falling");
    expect(trend(5, undefined)).toBe("");
  });
  it("mentions the clock, threat trend, populations and IL-2, and leaves out damage and leak while small", () => {
    const text = describeSituation({ ...base, threat: 150 }, base);
    expect(text).toContain("Day 2, 00:00.");
    expect(text).toContain("Threat 150 cells, rising.");
    expect(text).toContain("IL-2 peak 20 pM.");
    expect(text).not.toContain("Tissue lost");
    expect(text).not.toContain("leak");
  });
  it("warns about damage, leak past the line, pause and the outcome", () => {
    const text = describeSituation({ ...base, damage: 0.2, leak: 1.2, paused: true, outcome: "cleared" });
    expect(text).toContain("paused");
    expect(text).toContain("Round over: threat cleared.");
    expect(text).toContain("Tissue lost 20%.");
    expect(text).toContain("past the dose-limiting line");
  });
});

describe("the screen-reader summary's words and first moment", () => {
  it("says the teacher ended the round, never an outcome's code name", () => {
    const text = describeSituation({ ...base, outcome: "endedByTeacher" });
    expect(text).toContain("Round over: the teacher ended the round.");
    expect(text).not.toContain("endedByTeacher");
  });
  it("names the threat in autoimmunity as the activated self-reactive killers", () => {
    const text = describeSituation({ ...base, threat: 12, threatName: "Threat: activated self-reactive killer T cells" });
    expect(text).toContain("Threat: activated self-reactive killer T cells: 12.");
    expect(text).not.toContain("Threat 12 cells");
  });
  it("waits for the round's first figures: no summary from the state's defaults", () => {
    const zeros = { cd4: 0, cd8: 0, treg: 0, nk: 0 };
    expect(hasFirstFigures(undefined)).toBe(false);
    expect(hasFirstFigures({ cellCount: 0, hud: zeros })).toBe(false);
    expect(hasFirstFigures({ cellCount: 3600, hud: zeros })).toBe(false);
    expect(hasFirstFigures({ cellCount: 3600 })).toBe(false);
    expect(hasFirstFigures({ cellCount: 3600, hud: { ...zeros, cd4: 40 } })).toBe(true);
  });
});
