// Which words a class's pages show for each change the teacher makes during a round (client/src/ui/classNotices.ts):
// the veil on students' pages while paused, a notice for resume, speed, a dealt card and a dose, and the teacher's
// confirmation of each; nothing on arrival, across rounds or outside a running round.

import { describe, expect, test } from "vitest";
import { classNotices, showsVeil, type ClassReading } from "../../client/src/ui/classNotices.ts";

const base = (over: Partial<ClassReading> = {}): ClassReading => ({
  phase: "playing", round: 1, paused: false, speed: 1, tick: 500,
  cards: { highDose: { readyTick: 0, doses: 0 }, lowDose: { readyTick: 0, doses: 0 } },
  clinicians: [],
  ...over,
});

describe("the pause veil", () => {
  test("on a student's page while the running round is paused, never on the teacher's", () => {
    expect(showsVeil(base({ paused: true }), false)).toBe(true);
    expect(showsVeil(base({ paused: true }), true)).toBe(false);
    expect(showsVeil(base({ paused: false }), false)).toBe(false);
    expect(showsVeil(base({ paused: true, phase: "lobby" }), false)).toBe(false);
    expect(showsVeil(base({ paused: true, phase: "ended" }), false)).toBe(false);
    expect(showsVeil(null, false)).toBe(false);
  });
});

describe("the notices", () => {
  test("pause: the teacher is told what the students see; the student's veil speaks for itself", () => {
    expect(classNotices(base(), base({ paused: true }), true)).toEqual([`Round paused. Your students see "Paused by your teacher".`]);
    expect(classNotices(base(), base({ paused: true }), false)).toEqual([]);
  });

  test("resume", () => {
    expect(classNotices(base({ paused: true }), base(), true)).toEqual(["Round resumed."]);
    expect(classNotices(base({ paused: true }), base(), false)).toEqual(["Your teacher resumed the round."]);
  });

  test("speed: the teacher sees the new speed, students what it means", () => {
    expect(classNotices(base(), base({ speed: 4 }), true)).toEqual(["Speed 4×."]);
    expect(classNotices(base(), base({ speed: 4 }), false)).toEqual(["Your teacher set the speed to 4×: the tissue's time runs 4 times as fast."]);
    expect(classNotices(base({ speed: 4 }), base({ speed: 1 }), false)).toEqual(["Your teacher set the speed to 1×: the tissue's time runs at normal speed."]);
  });

  test("a card dealt to the clinician (ready now, no dose yet) names the clinician", () => {
    const before = base({ clinicians: ["Brave Otter"], cards: { highDose: { readyTick: 900, doses: 1 }, lowDose: { readyTick: 0, doses: 0 } } });
    const after = base({ clinicians: ["Brave Otter"], cards: { highDose: { readyTick: 500, doses: 1 }, lowDose: { readyTick: 0, doses: 0 } } });
    expect(classNotices(before, after, true)).toEqual(["Card dealt to Brave Otter (the clinician): high-dose IL-2."]);
    expect(classNotices(before, after, false)).toEqual(["Your teacher dealt Brave Otter (the clinician) a card: high-dose IL-2, ready to play."]);
    const two = { clinicians: ["A", "B"] };
    expect(classNotices({ ...before, ...two }, { ...after, ...two }, true)).toEqual(["Card dealt to the clinician: high-dose IL-2."]);
  });

  test("a dose given says which therapy; a card's cooldown moving on after a play is not a deal", () => {
    const after = base({ cards: { highDose: { readyTick: 0, doses: 0 }, lowDose: { readyTick: 1400, doses: 1 } } });
    expect(classNotices(base(), after, false)).toEqual(["A dose of low-dose IL-2 was given."]);
    expect(classNotices(base(), after, true)).toEqual(["A dose of low-dose IL-2 was given."]);
    const cooldownOnly = base({ cards: { highDose: { readyTick: 2000, doses: 0 }, lowDose: { readyTick: 0, doses: 0 } } });
    expect(classNotices(base(), cooldownOnly, false)).toEqual([]);
  });

  test("several changes at once give one line each, in a fixed order", () => {
    const after = base({ speed: 2, cards: { highDose: { readyTick: 0, doses: 2 }, lowDose: { readyTick: 0, doses: 0 } } });
    expect(classNotices(base({ paused: true }), after, false)).toEqual([
      "Your teacher resumed the round.",
      "Your teacher set the speed to 2×: the tissue's time runs 2 times as fast.",
      "2 doses of high-dose IL-2 were given.",
    ]);
  });

  test("nothing on the first reading, across a new round, or outside a running round", () => {
    expect(classNotices(null, base({ paused: true, speed: 8 }), false)).toEqual([]);
    expect(classNotices(base({ round: 1 }), base({ round: 2, speed: 4 }), false)).toEqual([]);
    expect(classNotices(base({ phase: "lobby" }), base({ speed: 4 }), false)).toEqual([]);
    expect(classNotices(base(), base({ phase: "ended", paused: true }), true)).toEqual([]);
    expect(classNotices(base(), base(), true)).toEqual([]);
  });
});
