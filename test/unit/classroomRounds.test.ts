// The classroom pages' pure logic: the rounds comparison's common day grid and step sampling, each round's peaks and
// finals, and the join form's sentences for a typed code and for the server's refusals.

import { describe, expect, it } from "vitest";
import type { RoundSummary } from "../../shared/net/classroom.ts";
import { commonDays, onGrid, roundRows, sharedSeriesNames, withCurrentNames } from "../../client/src/classroom/roundsData.ts";
import { checkRefusal, cleanCodeInput, codeProblem } from "../../client/src/classroom/joinCheck.ts";
import { joinLink, spacedCode } from "../../client/src/classroom/lobbyView.ts";

const round = (n: number, days: number[], threat: number[], extra: Record<string, number[]> = {}): RoundSummary =>
  ({ round: n, scenarioId: "viral", outcome: "cleared", days, series: { threat, ...extra } });

describe("rounds comparison", () => {
  it("puts every round on one grid reaching the longest round's last day", () => {
    const grid = commonDays([round(1, [0, 1, 2], [1, 2, 3]), round(2, [0, 2, 4], [5, 6, 7])], 5);
    expect(grid).toEqual([0, 1, 2, 3, 4]);
  });

  it("reads the latest sample at or before each grid day and stops after the round's end", () => {
    const v = onGrid([0, 1, 2], [10, 20, 30], [0, 0.5, 1, 1.5, 2, 3]);
    expect(v.slice(0, 5)).toEqual([10, 10, 20, 20, 30]);
    expect(Number.isNaN(v[5])).toBe(true);
  });

  it("lists series names the rounds carry, first seen first, skipping empty ones", () => {
    expect(sharedSeriesNames([round(1, [0], [1], { damage: [] }), round(2, [0], [1], { killers: [3] })])).toEqual(["threat", "killers"]);
  });

  it("puts rounds saved under the old series names (killers, helpers, tregs) on the same lines as new rounds", () => {
    const old = round(1, [0], [1], { killers: [3], tregs: [4], helpers: [5] }), now = round(2, [0], [1], { cd8: [6], treg: [7] });
    const both = withCurrentNames([old, now]);
    expect(sharedSeriesNames(both)).toEqual(["threat", "cd8", "treg", "cd4"]);
    expect(both[0].series.cd8).toEqual([3]);
    expect(both[1]).toBe(now); // a round already under today's names is passed on as it is
  });

  it("gives each round its peak, final value and length", () => {
    const [r] = roundRows([round(3, [0, 1, 2.5], [4, 9, 2])]);
    expect(r).toMatchObject({ round: 3, lastDay: 2.5, peaks: { threat: 9 }, finals: { threat: 2 } });
  });

  it("shows tissue lost as a percentage", () => {
    const [r] = roundRows([round(1, [0, 1], [1, 1], { damage: [0.1, 0.44] })]);
    expect(r.finals.damage).toBeCloseTo(44);
    expect(r.peaks.damage).toBeCloseTo(44);
  });
});

describe("join form words", () => {
  it("upper-cases, drops spaces and dashes, and keeps six characters", () => {
    expect(cleanCodeInput("ab c-de fgh")).toBe("ABCDEF");
  });

  it("accepts a possible code and names the problem with others", () => {
    expect(codeProblem("abc234")).toBeNull();
    expect(codeProblem("")).toMatch(/Type the class code/);
    expect(codeProblem("ABCD0E")).toMatch(/never use 0, O, 1, I or L/);
    expect(codeProblem("ABC")).toMatch(/6 letters and digits; this has 3/);
  });

  it("prefers the server's sentence, else one by status", () => {
    expect(checkRefusal(404, { error: "This class has closed." })).toBe("This class has closed.");
    expect(checkRefusal(429, null)).toMatch(/Too many tries/);
    expect(checkRefusal(423, {})).toMatch(/not taking new students/);
    expect(checkRefusal(404, "nope")).toMatch(/No class has this code/);
  });

  it("builds the join link and spaces the code for reading aloud", () => {
    expect(joinLink("http://127.0.0.1:2603", { joinPath: "/?code=ABC234", code: "ABC234" })).toBe("http://127.0.0.1:2603/?code=ABC234");
    expect(joinLink("http://h", { joinPath: "", code: "XYZ789" })).toBe("http://h/?code=XYZ789");
    expect(spacedCode("ABC234")).toBe("ABC 234");
  });
});
